package kioskvote.paper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;
import kioskvote.token.ShortCode;

/**
 * The tellers' typing format, one paper ballot a line: the slip's short code, a colon, then the answers by the
 * numbers printed on the paper form. An election: the numbers of the names kept ("ABCD-EFGH: 1 3 4"; nothing
 * after the colon when every name is crossed out). Any other poll: one answer per question in the form's
 * order, the option's number or "-" for a question left blank ("ABCD-EFGH: 1 1 3 -").
 */
public final class PaperLines {
    private PaperLines() {
    }

    public static List<PaperBallot> parse(Poll poll, String text) {
        List<PaperBallot> ballots = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int lineNo = i + 1;
            int colon = line.indexOf(':');
            if (colon < 0) throw bad(lineNo, line);
            String code = ShortCode.normalize(line.substring(0, colon)).orElseThrow(() -> bad(lineNo, line.substring(0, colon)));
            if (!codes.add(code)) throw new PaperRejected(PaperRejected.Code.REPEATED_CODE, Map.of("code", code));
            String[] answers = line.substring(colon + 1).strip().isEmpty() ? new String[0] : line.substring(colon + 1).strip().split("[\\s,]+");
            ballots.add(new PaperBallot(code, marks(poll, answers, lineNo)));
        }
        return ballots;
    }

    private static Map<String, List<String>> marks(Poll poll, String[] answers, int lineNo) {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        if (poll.election().isPresent()) {
            Question q = poll.questions().get(0);
            Set<String> kept = new java.util.TreeSet<>();
            for (String answer : answers) {
                if (!kept.add(option(q, answer, lineNo).id())) throw bad(lineNo, answer);
            }
            marks.put(q.id(), List.copyOf(kept));
            return marks;
        }
        if (answers.length != poll.questions().size()) throw bad(lineNo, String.join(" ", answers));
        for (int i = 0; i < answers.length; i++) {
            Question q = poll.questions().get(i);
            marks.put(q.id(), answers[i].equals("-") ? List.of() : List.of(option(q, answers[i], lineNo).id()));
        }
        return marks;
    }

    private static Option option(Question q, String answer, int lineNo) {
        int number;
        try {
            number = Integer.parseInt(answer);
        } catch (NumberFormatException e) {
            throw bad(lineNo, answer);
        }
        if (number < 1 || number > q.options().size()) throw bad(lineNo, answer);
        return q.options().get(number - 1);
    }

    /** The line and the piece of it that cannot be read, in no language: the bundles word the refusal. */
    private static PaperRejected bad(int line, String text) {
        return new PaperRejected(PaperRejected.Code.BAD_PAPER_LINE, Map.of("line", line, "text", text));
    }

    /** Marks written back the way a teller typed them ("1 4", "1 2 -"), to list the differences of two entries. */
    public static String asTyped(Poll poll, Map<String, List<String>> marks) {
        List<String> parts = new ArrayList<>();
        for (Question q : poll.questions()) {
            List<String> marked = marks.getOrDefault(q.id(), List.of());
            if (poll.election().isEmpty() && marked.isEmpty()) parts.add("-");
            for (int i = 0; i < q.options().size(); i++) {
                if (marked.contains(q.options().get(i).id())) parts.add(Integer.toString(i + 1));
            }
        }
        return String.join(" ", parts);
    }
}
