package kioskvote.tally;

import static kioskvote.tally.Fixtures.ballot;
import static kioskvote.tally.Fixtures.concat;
import static kioskvote.tally.Fixtures.confidencePoll;
import static kioskvote.tally.Fixtures.countsFor;
import static kioskvote.tally.Fixtures.motion;
import static kioskvote.tally.Fixtures.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import kioskvote.ballot.Answers;
import kioskvote.meeting.Majority;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.text.Language;

class TallyTest {
    private static PollTally tally(Poll poll, List<Answers> ballots) {
        return Tally.count(poll, ballots, countsFor(ballots));
    }

    private static QuestionTally director(PollTally tally) {
        return tally.questions().get(0);
    }

    /** Ballots rating the director: {@code high}, {@code medium}, {@code low} of each; the deputy always high. */
    private static List<Answers> directorRated(int high, int medium, int low) {
        return concat(times(high, ballot("director", "high", "deputy", "high")),
                times(medium, ballot("director", "medium", "deputy", "high")),
                times(low, ballot("director", "low", "deputy", "high")));
    }

    @Test
    void twentySixHighOfTwentySevenReceivedIs96point30PercentHighConfidence() {
        QuestionTally director = director(tally(confidencePoll(), directorRated(26, 1, 0)));

        assertEquals(27, director.received());
        assertEquals(27, director.valid());
        assertEquals(0, director.invalid());
        assertEquals(26, director.count("high"));
        assertEquals(new BigDecimal("96.30"), director.option("high").orElseThrow().percent());
        assertEquals("96,30%", Percent.format(director.option("high").orElseThrow().percent(), Language.VI));
        assertEquals(new BigDecimal("3.70"), director.option("medium").orElseThrow().percent());
        assertEquals(new BigDecimal("0.00"), director.option("low").orElseThrow().percent());
    }

    @Test
    void aSubjectLeftBlankByThreeBallotsCountsThreeInvalidAndItsPercentagesAddToLessThan100() {
        List<Answers> ballots = concat(times(20, ballot("director", "high", "deputy", "high")),
                times(4, ballot("director", "medium", "deputy", "medium")),
                times(3, ballot("director", null, "deputy", "low")));
        PollTally tally = tally(confidencePoll(), ballots);
        QuestionTally director = director(tally);

        assertEquals(27, tally.base());
        assertEquals(27, director.received());
        assertEquals(24, director.valid());
        assertEquals(3, director.invalid());
        BigDecimal sum = director.options().stream().map(OptionCount::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("88.88"), sum); // 20/27 = 74.07, 4/27 = 14.81, 0.00: the 3 invalid stay in the base
        assertTrue(sum.compareTo(new BigDecimal("100")) < 0);

        QuestionTally deputy = tally.questions().get(1);
        assertEquals(27, deputy.valid());
        assertEquals(0, deputy.invalid());
    }

    @Test
    void aQuestionMissingFromTheAnswersIsInvalidForThatQuestionOnly() {
        List<Answers> ballots = List.of(ballot("director", "high"), ballot("director", "high", "deputy", "low"));
        PollTally tally = tally(confidencePoll(), ballots);

        assertEquals(2, director(tally).valid());
        assertEquals(1, tally.questions().get(1).invalid());
        assertEquals(1, tally.questions().get(1).valid());
    }

    @Test
    void marksOutsideTheQuestionOrRepeatedAreCountedInvalidNotDropped() {
        List<Answers> ballots = List.of(new Answers(Map.of("director", List.of("excellent"), "deputy", List.of("high"))),
                new Answers(Map.of("director", List.of("high", "low"), "deputy", List.of("high"))));
        QuestionTally director = director(tally(confidencePoll(), ballots));

        assertEquals(2, director.received());
        assertEquals(2, director.invalid());
        assertEquals(0, director.count("high") + director.count("low"));
    }

    @Test
    void twentyLowOfThirtyIsTwoThirdsOrMore() {
        QuestionTally director = director(tally(confidencePoll(), directorRated(5, 5, 20)));
        assertEquals(List.of(ThresholdFlag.LOW_TWO_THIRDS_OR_MORE), director.flags());
    }

    @Test
    void sixteenLowOfThirtyIsMoreThanHalf() {
        QuestionTally director = director(tally(confidencePoll(), directorRated(7, 7, 16)));
        assertEquals(List.of(ThresholdFlag.LOW_MORE_THAN_HALF), director.flags());
    }

    @Test
    void nineteenLowOfThirtyIsStillOnlyMoreThanHalf() {
        QuestionTally director = director(tally(confidencePoll(), directorRated(6, 5, 19)));
        assertEquals(List.of(ThresholdFlag.LOW_MORE_THAN_HALF), director.flags());
    }

    @Test
    void fifteenLowOfThirtyRaisesNoFlag() {
        QuestionTally director = director(tally(confidencePoll(), directorRated(10, 5, 15)));
        assertEquals(List.of(), director.flags());
        assertEquals(List.of(), tally(confidencePoll(), directorRated(10, 5, 15)).questions().get(1).flags());
    }

    @Test
    void noBallotsGiveZeroPercentagesAndNoFlags() {
        PollTally tally = tally(confidencePoll(), List.of());
        assertEquals(0, tally.base());
        assertEquals(List.of(), director(tally).flags());
        assertEquals(new BigDecimal("0.00"), director(tally).option("low").orElseThrow().percent());
    }

    @Test
    void flagsExplainThemselvesInBothLanguages() {
        assertTrue(ThresholdFlag.LOW_TWO_THIRDS_OR_MORE.text(Language.VI).contains("miễn nhiệm"));
        assertTrue(ThresholdFlag.LOW_TWO_THIRDS_OR_MORE.text(Language.EN).contains("dismissal"));
        assertTrue(ThresholdFlag.LOW_MORE_THAN_HALF.text(Language.VI).contains("quy hoạch"));
        assertTrue(ThresholdFlag.LOW_MORE_THAN_HALF.text(Language.EN).contains("reassignment or resignation"));
    }

    @Test
    void theTallyDoesNotDependOnTheOrderOfTheBallots() {
        List<Answers> ballots = concat(directorRated(11, 9, 7), times(3, ballot("director", null, "deputy", "low")));
        PollTally first = tally(confidencePoll(), ballots);
        List<Answers> shuffled = new ArrayList<>(ballots);
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, tally(confidencePoll(), shuffled));
        }
        Collections.reverse(shuffled);
        assertEquals(first, tally(confidencePoll(), shuffled));
    }

    @Test
    void withBaseIssuedPercentagesAndFlagsUseBallotsIssued() {
        List<Answers> ballots = directorRated(5, 5, 20);
        TallyCounts counts = new TallyCounts(40, 36, 36, 30, 1);
        PollTally tally = Tally.count(confidencePoll(PercentBase.ISSUED), ballots, counts);
        QuestionTally director = director(tally);

        assertEquals(36, tally.base());
        assertEquals(30, director.received());
        assertEquals(new BigDecimal("55.56"), director.option("low").orElseThrow().percent()); // 20/36
        assertEquals(List.of(ThresholdFlag.LOW_MORE_THAN_HALF), director.flags()); // 40 > 36, 60 < 72
    }

    @Test
    void withBaseSummonedPercentagesUsePeopleSummoned() {
        List<Answers> ballots = directorRated(26, 1, 0);
        PollTally tally = Tally.count(confidencePoll(PercentBase.SUMMONED), ballots, new TallyCounts(40, 30, 27, 27, 0));
        assertEquals(40, tally.base());
        assertEquals(new BigDecimal("65.00"), director(tally).option("high").orElseThrow().percent());
    }

    @Test
    void receivedInTheCountsMustBeTheNumberOfBallots() {
        assertThrows(IllegalArgumentException.class,
                () -> Tally.count(confidencePoll(), directorRated(1, 1, 1), new TallyCounts(40, 30, 3, 4, 0)));
    }

    private static List<Answers> motionVotes(int agree, int disagree, int abstain) {
        return concat(times(agree, ballot("motion", "agree")), times(disagree, ballot("motion", "disagree")),
                times(abstain, ballot("motion", "abstain")));
    }

    @Test
    void aMotionWithMoreThanHalfAgreeingPasses() {
        Poll poll = motion(Optional.of(new Majority("agree", 1, 2)));
        QuestionTally result = tally(poll, motionVotes(16, 10, 4)).questions().get(0);
        assertEquals(Optional.of(true), result.passed());
        assertEquals(List.of(), result.flags());
    }

    @Test
    void aMotionWithExactlyHalfAgreeingFails() {
        Poll poll = motion(Optional.of(new Majority("agree", 1, 2)));
        assertEquals(Optional.of(false), tally(poll, motionVotes(15, 10, 5)).questions().get(0).passed());
    }

    @Test
    void aBlankMotionBallotStaysInTheBaseAndCanMakeTheMotionFail() {
        Poll poll = motion(Optional.of(new Majority("agree", 1, 2)));
        List<Answers> ballots = concat(motionVotes(15, 10, 0), times(5, ballot("motion", null)));
        QuestionTally result = tally(poll, ballots).questions().get(0);
        assertEquals(5, result.invalid());
        assertEquals(Optional.of(false), result.passed()); // 15 of 30, not more than half
    }

    @Test
    void aMotionWithoutAConfiguredMajorityIsCountedByTheDefaultMoreThanHalfOfItsBase() {
        // docs/rules.md, "Motions": 20 of 21 received, 40 > 21: passes; 10 of 20, 20 > 20 is false: does not
        assertEquals(Optional.of(true), tally(motion(Optional.empty()), motionVotes(20, 1, 0)).questions().get(0).passed());
        QuestionTally half = tally(motion(Optional.empty()), motionVotes(10, 5, 5)).questions().get(0);
        assertEquals(Optional.of(false), half.passed());
        assertEquals(Optional.of(20L), half.majorityBase());
    }

    @Test
    void aConfidencePollHasNoPassedResult() {
        assertEquals(Optional.empty(), director(tally(confidencePoll(), directorRated(26, 1, 0))).passed());
    }
}
