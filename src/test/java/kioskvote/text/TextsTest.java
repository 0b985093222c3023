package kioskvote.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kioskvote.meeting.Majority;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.PollKind;
import kioskvote.roster.RosterCsv;
import kioskvote.tally.CandidateResult;
import kioskvote.tally.MinutesWords;
import kioskvote.tally.ThresholdFlag;

class TextsTest {
    private static final Texts VI = Texts.of(Language.VI);
    private static final Texts EN = Texts.of(Language.EN);

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> onlyVi = new TreeSet<>(VI.keys());
        onlyVi.removeAll(EN.keys());
        Set<String> onlyEn = new TreeSet<>(EN.keys());
        onlyEn.removeAll(VI.keys());
        assertEquals(Set.of(), onlyVi, "in messages_vi.properties only");
        assertEquals(Set.of(), onlyEn, "in messages_en.properties only");
    }

    @Test
    void bothLanguagesNameTheSamePlaceholdersAndSayNothingBlank() {
        for (String key : VI.keys()) {
            assertTrue(!VI.get(key).isBlank() && !EN.get(key).isBlank(), key + " is blank");
            assertEquals(Texts.placeholders(VI.get(key)), Texts.placeholders(EN.get(key)), "placeholders of " + key);
        }
    }

    @Test
    void everyKeyThePagesAndMinutesUseExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String key : usedKeys("t", "")) if (!VI.has(key) || !EN.has(key)) missing.add(key);
        for (String key : usedKeys("text", "")) if (!VI.has(key) || !EN.has(key)) missing.add(key);
        for (String key : usedKeys("w", "minutes.")) if (!VI.has(key) || !EN.has(key)) missing.add(key);
        assertEquals(List.of(), missing);
        assertTrue(usedKeys("t", "").size() > 60 && usedKeys("w", "minutes.").size() > 30, "the scan found the keys");
    }

    @Test
    void everyComputedKeyExists() {
        for (Language language : Language.values()) {
            Texts texts = Texts.of(language);
            for (String state : List.of("draft", "open", "closed", "counting")) texts.get("state." + state); // PageText.state (phase)
            MinutesWords w = new MinutesWords(language);
            for (PercentBase base : PercentBase.values()) {
                assertTrue(!w.percentOf(base).isBlank());
                assertTrue(!w.majorityRule(new Majority("yes", 1, 2), base, "Đồng ý").contains("{"));
            }
            for (ThresholdFlag flag : ThresholdFlag.values()) assertTrue(!flag.text(language).isBlank());
            for (PollKind kind : PollKind.values()) texts.get("ballot.intro." + kind.code()); // PageText.ballotIntro
            for (PollKind kind : PollKind.values()) texts.get("editor.kind." + kind.code()); // PageText.kindName
            for (kioskvote.meeting.PollState state : kioskvote.meeting.PollState.values()) texts.get("editor.state." + state.code());
            for (String base : List.of("received", "valid", "present", "issued", "summoned")) texts.get("editor.base." + base); // PageText.baseName
            assertEquals(12, kioskvote.tally.MinutesCsv.headings(language).size()); // minutes.csv.<column>
            for (CandidateResult.Outcome outcome : CandidateResult.Outcome.values()) {
                assertTrue(!w.outcome(outcome).isBlank());
                texts.get("election.outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT)); // PageText.outcome
            }
            for (RosterCsv.Problem problem : RosterCsv.Problem.values()) assertTrue(!problem.said(language).contains("{"));
        }
    }

    @Test
    void placeholdersAreFilledByNameOrPositionAndTheRestLeftAsWritten() {
        assertEquals("Bạn chưa đánh giá Nguyễn Văn An: phiếu của bạn sẽ không hợp lệ đối với người này.",
                VI.format("review.blankWarning", "Nguyễn Văn An"));
        assertEquals("Passes with more than 2/3 of people summoned marking “Yes {0}”.",
                EN.format("minutes.majorityRule", Map.of("fraction", "2/3", "base", "people summoned", "option", "Yes {0}")));
        assertEquals("Present (1500 of 2000) is below two thirds of those summoned.", EN.format("admin.quorumWarning", 1500, 2000));
        assertThrows(IllegalArgumentException.class, () -> EN.get("no.such.key"));
    }

    @Test
    void thisPackageKnowsNothingOfTheStation() throws IOException {
        Pattern station = Pattern.compile("\\bkioskvote\\.(?!text\\b)[a-z]+\\.");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/kioskvote/text"))) {
            for (Path file : files.toList()) {
                Matcher m = station.matcher(Files.readString(file));
                if (m.find()) fail(file + " names " + m.group());
            }
        }
    }

    /** The literal keys passed to {@code receiver.get(…)} / {@code .format(…)} in the templates and the Java sources. */
    private static Set<String> usedKeys(String receiver, String prefix) throws IOException {
        Pattern call = Pattern.compile("\\b" + receiver + "\\.(get|format|has)\\(");
        Pattern literal = Pattern.compile("\"([A-Za-z0-9_.]+)\"");
        Set<String> keys = new TreeSet<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher m = call.matcher(text);
            while (m.find()) {
                String args = argumentsFrom(text, m.end());
                if (m.group(1).equals("format")) args = args.split(",", 2)[0]; // the key, not the values
                Matcher l = literal.matcher(args);
                while (l.find()) keys.add(prefix + l.group(1));
            }
        }
        return keys;
    }

    /** The text up to the parenthesis that closes the call opened just before {@code start}. */
    private static String argumentsFrom(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return text.substring(start, i);
        }
        return text.substring(start);
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/jte", "src/main/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".jte") || p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }
}
