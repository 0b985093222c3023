package kioskvote.editor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import kioskvote.config.MeetingLoader;
import kioskvote.editor.EditRefused.Code;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Election;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Poll;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * The editor page's checks of what an organiser typed (FormCheck): each mistake refused with its field, in words of
 * the organiser's language that name no key of meeting.yaml, and every choice the page's lists offer read by the
 * loader as the rule its label says.
 */
class FormCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key of meeting.yaml or a path into it (passes_with, subjects[1].position, `tie`): never in a refusal's words. */
    private static final Pattern YAML_KEY = Pattern.compile("[a-z]+_[a-z_]+|\\[[0-9]+]|`");

    private static Map<String, String> form(String kind) {
        Map<String, String> form = new HashMap<>(Map.of("id", "bieu-quyet-1", "kind", kind, "title", "Biểu quyết kế hoạch năm 2027",
                "base", "received", "sealed", "yes"));
        switch (kind) {
            case "confidence", "confidence_vote" -> form.put("subjects", "Nguyễn Văn An | Giám đốc Sở\nTrần Thị Bình | Phó Giám đốc Sở\n");
            case "motion", "open_motion" -> form.putAll(Map.of("motion", "Thông qua kế hoạch công tác năm 2027", "passes_with", "more than 1/2",
                    "pass_base", "", "abstentions", "counted"));
            default -> form.putAll(Map.of("seats", "2", "candidates", "Đặng Thu Hà | Chuyên viên | Phòng Quản lý xây dựng\nLê Văn Cường\n",
                    "majority_of", "received", "tie", "next_round"));
        }
        return form;
    }

    private static EditRefused refusedPoll(String kind, Consumer<Map<String, String>> change) {
        Map<String, String> form = form(kind);
        change.accept(form);
        return assertThrows(EditRefused.class, () -> FormCheck.poll(form, 3, 2), form.toString());
    }

    private static void assertRefusal(EditRefused refused, Code code, String field, Map<String, ?> args) {
        assertEquals(code, refused.reasonCode(), refused.getMessage());
        assertEquals(field, refused.field(), refused.getMessage());
        assertEquals(args, refused.args());
        for (Language language : Language.values()) {
            String words = Texts.of(language).message(refused);
            assertFalse(YAML_KEY.matcher(words).find(), "no key of meeting.yaml in the " + language + " words: " + words);
            args.values().forEach(v -> assertTrue(words.contains(String.valueOf(v)), "the " + language + " words name " + v + ": " + words));
        }
    }

    @Test
    void aFormOfEveryKindAsThePageFillsItIsAccepted() {
        for (String kind : FormCheck.KINDS) assertDoesNotThrow(() -> FormCheck.poll(form(kind), 3, 2), kind);
    }

    @Test
    void eachMistakeInAPollIsRefusedAtItsFieldInTheOrganisersWords() {
        assertRefusal(refusedPoll("motion", f -> f.put("id", "")), Code.FIELD_EMPTY, "id", Map.of());
        assertRefusal(refusedPoll("motion", f -> f.put("id", "Ke Hoach")), Code.POLL_ID_FORMAT, "id", Map.of("value", "Ke Hoach"));
        assertRefusal(refusedPoll("motion", f -> f.put("title", "  ")), Code.FIELD_EMPTY, "title", Map.of());
        assertRefusal(refusedPoll("motion", f -> f.put("title", "\u202EnA náV nễyugN")), Code.FIELD_HIDDEN_CHARACTER, "title", Map.of());
        assertRefusal(refusedPoll("motion", f -> f.put("motion", "")), Code.FIELD_EMPTY, "motion", Map.of());
        assertRefusal(refusedPoll("motion", f -> f.put("agree", "Tán\u200Bthành")), Code.FIELD_HIDDEN_CHARACTER, "agree", Map.of());
        // the words an organiser would type in Vietnamese are not a rule of the list: refused in the organiser's words
        assertRefusal(refusedPoll("motion", f -> f.put("passes_with", "quá 1/2")), Code.NOT_IN_LIST, "passes_with", Map.of("value", "quá 1/2"));
        assertRefusal(refusedPoll("motion", f -> f.put("passes_with", "more than 3/2")), Code.NOT_IN_LIST, "passes_with",
                Map.of("value", "more than 3/2"));
        assertRefusal(refusedPoll("motion", f -> f.put("pass_base", "everyone")), Code.NOT_IN_LIST, "pass_base", Map.of("value", "everyone"));
        assertRefusal(refusedPoll("motion", f -> f.put("abstentions", "sideways")), Code.NOT_IN_LIST, "abstentions", Map.of("value", "sideways"));
        assertRefusal(refusedPoll("motion", f -> f.put("base", "present")), Code.NOT_IN_LIST, "base", Map.of("value", "present"));
        assertRefusal(refusedPoll("motion", f -> f.put("kind", "referendum")), Code.NOT_IN_LIST, "kind", Map.of("value", "referendum"));
        assertRefusal(refusedPoll("confidence", f -> f.put("subjects", "Nguyễn Văn An | Giám đốc Sở\n\nTrần Thị Bình")),
                Code.SUBJECT_LINE_INCOMPLETE, "subjects", Map.of("line", 3));
        assertRefusal(refusedPoll("confidence_vote", f -> f.put("subjects", " | Giám đốc Sở")), Code.SUBJECT_LINE_INCOMPLETE, "subjects",
                Map.of("line", 1));
        assertRefusal(refusedPoll("confidence", f -> f.put("subjects", "\n \n")), Code.FIELD_EMPTY, "subjects", Map.of());
        assertRefusal(refusedPoll("confidence", f -> f.put("subjects", "Nguyễn Văn An | Giám đốc Sở\nTrần\tThị Bình | Kế toán")),
                Code.LINE_HIDDEN_CHARACTER, "subjects", Map.of("line", 2));
        assertRefusal(refusedPoll("election", f -> f.put("seats", "0")), Code.WHOLE_NUMBER_NEEDED, "seats", Map.of("value", "0"));
        assertRefusal(refusedPoll("election", f -> f.put("seats", "hai")), Code.WHOLE_NUMBER_NEEDED, "seats", Map.of("value", "hai"));
        assertRefusal(refusedPoll("election", f -> f.put("candidates", "Đặng Thu Hà\n | Chuyên viên")), Code.CANDIDATE_LINE_INCOMPLETE,
                "candidates", Map.of("line", 2));
        assertRefusal(refusedPoll("election", f -> f.put("majority_of", "present")), Code.NOT_IN_LIST, "majority_of", Map.of("value", "present"));
        assertRefusal(refusedPoll("election", f -> f.put("tie", "coin")), Code.NOT_IN_LIST, "tie", Map.of("value", "coin"));
    }

    @Test
    void aSealedPollNeedsACommitteeThatCanOpenItsBoxButAnOpenVoteIsNeverSealed() {
        Map<String, String> motion = form("motion");
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.poll(motion, 0, 1)), Code.COMMITTEE_NEEDED, "sealed", Map.of());
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.poll(motion, 2, 3)), Code.THRESHOLD_OVER_MEMBERS, "sealed",
                Map.of("threshold", 3, "members", 2));
        motion.put("sealed", "");
        assertDoesNotThrow(() -> FormCheck.poll(motion, 0, 1));
        Map<String, String> open = form("open_motion"); // its box ticked: an open vote is not sealed whatever the box says
        assertDoesNotThrow(() -> FormCheck.poll(open, 0, 1));
    }

    @Test
    void theDetailsAndTheCommitteeAreRefusedAtTheirFields() {
        Map<String, String> details = new HashMap<>(Map.of("title", "Hội nghị lấy phiếu tín nhiệm", "date", "2026-12-10", "summoned", "40"));
        assertDoesNotThrow(() -> FormCheck.details(details, false));
        details.put("summoned", "bốn mươi");
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.details(details, false)), Code.WHOLE_NUMBER_NEEDED, "summoned",
                Map.of("value", "bốn mươi"));
        assertDoesNotThrow(() -> FormCheck.details(details, true), "with a roster the roster says how many are summoned");
        details.put("date", "10/12/2026");
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.details(details, true)), Code.DATE_FORMAT, "date",
                Map.of("value", "10/12/2026"));

        List<CommitteeMember> members = List.of(new CommitteeMember("Phạm Thị Hoa", "Trưởng ban"), new CommitteeMember("", "Thư ký"));
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.committee(members, "2", true)), Code.MEMBER_NAME_MISSING, "name2",
                Map.of("line", 2));
        List<CommitteeMember> two = List.of(new CommitteeMember("Phạm Thị Hoa", "Trưởng ban"), new CommitteeMember("Đỗ Minh Khang", ""));
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.committee(two, "3", true)), Code.THRESHOLD_OVER_MEMBERS, "threshold",
                Map.of("threshold", 3, "members", 2));
        assertDoesNotThrow(() -> FormCheck.committee(two, "3", false), "no sealed poll: no box to open");
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.committee(two, "", true)), Code.FIELD_EMPTY, "threshold", Map.of());
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.committee(List.of(), "1", true)), Code.COMMITTEE_NEEDED, "name1", Map.of());
        assertRefusal(assertThrows(EditRefused.class, () -> FormCheck.committee(List.of(new CommitteeMember("Vũ Ngọc Lan", "A\u0007")), "1",
                true)), Code.FIELD_HIDDEN_CHARACTER, "role1", Map.of());
    }

    /** What the page offers is what the loader reads: each majority of the list is the rule its label states. */
    @Test
    void everyChoiceOfThePagesListsIsReadByTheLoaderAsItsLabelSays() {
        for (String rule : FormCheck.MAJORITIES) {
            Majority said = FormCheck.majority(rule).orElseThrow();
            Majority read = readMotion(m -> m.put("passes_with", rule)).motionRule().orElseThrow();
            assertEquals(List.of(said.orMore(), said.numerator(), said.denominator()), List.of(read.orMore(), read.numerator(), read.denominator()), rule);
            assertEquals(rule, read.rule(), "written back as chosen");
        }
        Majority atLeast = FormCheck.majority("at least 2/3").orElseThrow(); // meeting.yaml's other way of writing "2/3 or more"
        assertEquals(List.of(true, 2, 3), List.of(atLeast.orMore(), atLeast.numerator(), atLeast.denominator()));
        assertTrue(FormCheck.majority("quá 1/2").isEmpty());
        assertTrue(FormCheck.majority("more than 2/2").isEmpty());
        for (String base : FormCheck.PASS_BASES) {
            Poll poll = readMotion(m -> m.put("pass_base", base));
            assertEquals(base, poll.motionRule().orElseThrow().of().map(Majority.VoteBase::code).orElse(""));
        }
        for (String abstentions : FormCheck.ABSTENTIONS) {
            assertEquals(abstentions.equals("counted"), readMotion(m -> m.put("abstentions", abstentions)).motionRule().orElseThrow().abstentionsCounted());
        }
        for (String kind : FormCheck.MOTION_KINDS) assertEquals(kind, readMotion(m -> m.put("kind", kind).put("sealed", false)).kind().code());
        for (String base : FormCheck.PERCENT_BASES) assertEquals(base, readMotion(m -> m.put("base", base)).base().name().toLowerCase());
        for (String of : FormCheck.MAJORITY_OF) assertEquals(of, readElection(e -> e.put("majority_of", of)).majorityOf().code());
        for (String tie : FormCheck.TIES) assertEquals(tie, readElection(e -> e.put("tie", tie)).tie().code());
    }

    private static Poll readMotion(Consumer<ObjectNode> change) {
        ObjectNode entry = JSON.createObjectNode().put("id", "bieu-quyet-1").put("kind", "motion").put("title", "Biểu quyết")
                .put("motion", "Thông qua kế hoạch").put("passes_with", "more than 1/2");
        change.accept(entry);
        return MeetingLoader.readPoll(entry);
    }

    private static Election readElection(Consumer<ObjectNode> change) {
        ObjectNode entry = JSON.createObjectNode().put("id", "bau-cu").put("kind", "election").put("title", "Bầu cử").put("seats", 1);
        entry.putArray("candidates").addObject().put("name", "Đặng Thu Hà");
        change.accept(entry);
        return MeetingLoader.readPoll(entry).election().orElseThrow();
    }
}
