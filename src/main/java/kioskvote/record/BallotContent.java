package kioskvote.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.ballot.Answers;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;

/** One distinct ballot content of ballots.jsonl, checked against the poll: its problem ("" when well-formed) and the answers to count. */
record BallotContent(String problem, Answers answers) {
    /** Parses the answers text of a ballot; answers is null when the text is not even a JSON object. */
    static BallotContent parse(Poll poll, String answersText) {
        JsonNode answers = VerifyText.readJson(answersText);
        if (answers == null || !answers.isObject()) {
            return new BallotContent("expected the answers as a JSON object, found " + VerifyText.abbreviate(answersText), null);
        }
        return new BallotContent(wellFormedProblem(poll, answers), answersOf(answers));
    }

    /** "" if the answers are exactly what the station stores for this poll: every question once, known options in poll order, within the rule. */
    static String wellFormedProblem(Poll poll, JsonNode answers) {
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            var entry = it.next();
            Optional<Question> question = poll.question(entry.getKey());
            if (question.isEmpty()) return "expected only questions of poll " + poll.id() + ", found \"" + VerifyText.abbreviate(entry.getKey()) + "\"";
            seen.add(entry.getKey());
            JsonNode marks = entry.getValue();
            if (!marks.isArray()) return "question " + entry.getKey() + ": expected a list of options, found " + VerifyText.abbreviate(marks.toString());
            List<String> ids = question.get().options().stream().map(Option::id).toList();
            int last = -1;
            for (JsonNode mark : marks) {
                int index = mark.isTextual() ? ids.indexOf(mark.asText()) : -1;
                if (index < 0) return "question " + entry.getKey() + ": expected one of " + ids + ", found " + VerifyText.abbreviate(mark.toString());
                if (index <= last) return "question " + entry.getKey() + ": expected each option once, in the poll's order; found " + marks;
                last = index;
            }
            if (marks.size() > question.get().rule().max()) {
                return "question " + entry.getKey() + ": expected at most " + question.get().rule().max() + " marks, found " + marks.size();
            }
        }
        for (Question q : poll.questions()) {
            if (!seen.contains(q.id())) return "expected an entry for question " + q.id() + " (blank: []), found none";
        }
        return "";
    }

    private static Answers answersOf(JsonNode answers) {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        answers.fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(m -> ids.add(m.asText()));
            marks.put(e.getKey(), ids);
        });
        return new Answers(marks);
    }
}
