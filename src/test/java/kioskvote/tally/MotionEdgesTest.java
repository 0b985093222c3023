package kioskvote.tally;

import static kioskvote.tally.Fixtures.ballot;
import static kioskvote.tally.Fixtures.concat;
import static kioskvote.tally.Fixtures.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kioskvote.ballot.Answers;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Majority.VoteBase;
import kioskvote.meeting.Poll;
import kioskvote.tally.QuestionTally.MotionOutcome;
import kioskvote.text.Language;

/** A motion's outcome at the edges (docs/rules.md, "Motions: the edges"), with figures computed by hand. */
class MotionEdgesTest {
    private static PollTally count(Poll poll, List<Answers> ballots, long present) {
        return Tally.count(poll, ballots, new TallyCounts(40, present, ballots.size(), ballots.size(), 0));
    }

    private static String outcomeInWords(PollTally tally, Language language) {
        QuestionTally q = tally.questions().get(0);
        Majority rule = tally.poll().motionRule().orElseThrow();
        return new MinutesWords(language).motionOutcome(q, rule, q.question().option("agree").orElseThrow().label(language));
    }

    @Test
    void aMotionWithNoBallotsIsNotPassedWithNoVotesCounted() {
        // 0 received, the default rule: more than 1/2 of 0 would be "0 > 0", false; and nothing passes on nothing
        PollTally tally = count(KindsTallyTest.motion(Majority.DEFAULT), List.of(), 30);
        QuestionTally q = tally.questions().get(0);
        assertEquals(Optional.of(0L), q.majorityBase());
        assertEquals(Optional.of(false), q.passed());
        assertEquals(Optional.of(MotionOutcome.NO_VOTES_COUNTED), q.outcome());
        assertEquals("no votes were counted (the base of the majority is 0; 0 chose “Agree”): NOT PASSED.", outcomeInWords(tally, Language.EN));
        assertTrue(outcomeInWords(tally, Language.VI).contains("không có phiếu nào được tính"), outcomeInWords(tally, Language.VI));
    }

    @Test
    void everyVoteAnAbstentionNotCountedIsABaseOfZeroAndNeverAPass() {
        // 6 abstain, abstentions not counted, 2/3 or more of received: base 6 − 6 = 0, and "0 ≥ 0" must not pass
        Poll poll = KindsTallyTest.motion(new Majority("agree", true, 2, 3, Optional.of(VoteBase.RECEIVED), false));
        PollTally tally = count(poll, times(6, ballot("motion", "abstain")), 30);
        QuestionTally q = tally.questions().get(0);
        assertEquals(Optional.of(0L), q.majorityBase());
        assertEquals(Optional.of(false), q.passed());
        assertEquals(Optional.of(MotionOutcome.NO_VOTES_COUNTED), q.outcome());
    }

    @Test
    void moreAbstentionsThanTheBaseHoldsGivesNoOutcomeAndSaysWhy() {
        // 12 ballots, all abstentions, not counted, of 10 present: 10 − 12 = −2 (the figures do not add up)
        Poll poll = KindsTallyTest.motion(new Majority("agree", false, 1, 2, Optional.of(VoteBase.PRESENT), false));
        PollTally tally = count(poll, times(12, ballot("motion", "abstain")), 10);
        QuestionTally q = tally.questions().get(0);
        assertEquals(Optional.of(-2L), q.majorityBase(), "written as it is, not as 0");
        assertEquals(Optional.empty(), q.passed(), "neither passed nor not passed");
        assertEquals(Optional.of(MotionOutcome.BASE_NEGATIVE), q.outcome());
        String en = outcomeInWords(tally, Language.EN);
        assertTrue(en.startsWith("NO OUTCOME: the base of the majority would be 10 − 12 abstentions = -2, below zero."), en);
        assertTrue(outcomeInWords(tally, Language.VI).startsWith("KHÔNG CÓ KẾT QUẢ"), outcomeInWords(tally, Language.VI));
        var json = MinutesJson.of(Fixtures.minutes(tally, Language.EN));
        assertEquals("base_negative", json.questions().get(0).outcome(), json.toString());
        List<List<String>> csv = MinutesCsv.rows(Fixtures.minutes(tally, Language.EN));
        assertTrue(csv.contains(List.of("outcome", "base_negative")) && csv.contains(List.of("majority_base", "-2")), csv.toString());
    }

    @Test
    void theWorkedExampleStillPassesAndSaysSoInEveryExport() {
        // docs/rules.md, "Worked example: motion rules": 16 of 30 received, 32 > 30: passes
        PollTally tally = count(KindsTallyTest.motion(Majority.DEFAULT), concat(times(16, ballot("motion", "agree")),
                times(8, ballot("motion", "disagree")), times(4, ballot("motion", "abstain")), times(2, ballot("motion", null))), 35);
        assertEquals(Optional.of(MotionOutcome.PASSED), tally.questions().get(0).outcome());
        assertEquals("16 of 30 chose “Agree”: PASSED.", outcomeInWords(tally, Language.EN));
        assertTrue(MinutesCsv.rows(Fixtures.minutes(tally, Language.EN)).contains(List.of("outcome", "passed")));
    }
}
