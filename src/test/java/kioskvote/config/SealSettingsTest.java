package kioskvote.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;

class SealSettingsTest {
    private static final String DEMO = readDemo();

    @TempDir
    Path dir;

    private static String readDemo() {
        try {
            return Files.readString(Path.of("kiosk-config/demo/meeting.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Meeting load(String yaml) throws Exception {
        Files.writeString(dir.resolve("meeting.yaml"), yaml);
        return MeetingLoader.load(dir).meeting();
    }

    @Test
    void theDemoSealsEveryRealPollTwoOfThreeAndNotThePracticeRound() throws Exception {
        Meeting meeting = load(DEMO);
        assertTrue(meeting.polls().stream().allMatch(p -> p.sealed() != p.practice()));
        assertTrue(meeting.polls().stream().anyMatch(Poll::practice));
        assertEquals(2, meeting.sealThreshold());
        assertEquals(3, meeting.committee().size());
    }

    @Test
    void aThresholdAboveTheCommitteeIsRefusedAtLoad() {
        ConfigException refused = assertThrows(ConfigException.class, () -> load(DEMO.replace("threshold: 2", "threshold: 4")));
        assertTrue(refused.getMessage().contains("seal.threshold: is 4, more than the 3 members of the committee"), refused.getMessage());
        assertThrows(ConfigException.class, () -> load(DEMO.replace("threshold: 2", "threshold: 0")));
    }

    @Test
    void aSealedPollWithoutACommitteeIsRefusedAndAPracticePollNeedsNone() throws Exception {
        String noCommittee = DEMO.replaceAll("(?s)committee:.*?\\n\\n", "").replace("seal:\n  threshold: 2\n", "");
        ConfigException refused = assertThrows(ConfigException.class, () -> load(noCommittee));
        assertTrue(refused.getMessage().contains("polls[0].sealed: a sealed poll needs the counting committee"), refused.getMessage());
        Meeting practice = load(noCommittee.replace("\n    kind: ", "\n    sealed: false\n    kind: "));
        assertTrue(practice.polls().stream().noneMatch(Poll::sealed));
    }

    @Test
    void theDefaultThresholdIsTwoAndUnsealedPollsHashDifferently() throws Exception {
        Meeting meeting = load(DEMO.replace("seal:\n  threshold: 2\n", ""));
        assertEquals(2, meeting.sealThreshold());
        Poll sealed = meeting.polls().get(0);
        Poll unsealed = load(DEMO.replaceFirst("    base: received\n", "    base: received\n    sealed: false\n")).polls().get(0);
        assertFalse(unsealed.sealed());
        assertNotEquals(PollDefinition.hash(sealed), PollDefinition.hash(unsealed), "sealing is part of the frozen definition");
        assertFalse(PollDefinition.canonicalJson(sealed).contains("sealed"), "a sealed poll's hash is what it was before sealing existed");
        assertThrows(ConfigException.class, () -> load(DEMO.replaceFirst("    base: received\n", "    base: received\n    sealed: maybe\n")));
    }
}
