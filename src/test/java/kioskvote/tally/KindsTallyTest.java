package kioskvote.tally;

import static kioskvote.tally.Fixtures.ballot;
import static kioskvote.tally.Fixtures.concat;
import static kioskvote.tally.Fixtures.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kioskvote.ballot.Answers;
import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.Candidate;
import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.Election;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Majority.VoteBase;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;
import kioskvote.tally.CandidateResult.Outcome;

/** The election, the two-level confidence vote and the motion rules, with figures computed by hand (docs/rules.md). */
class KindsTallyTest {
    static Poll election(int seats, String... names) {
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) candidates.add(new Candidate(names[i], "Name " + names[i], "Chuyên viên", "Phòng " + i));
        return Poll.election("bau-cu", "Bầu Ban Chấp hành", PercentBase.RECEIVED, new Election(seats, candidates), false);
    }

    static Answers keeping(String... ids) {
        return new Answers(Map.of(Election.QUESTION_ID, List.of(ids)));
    }

    static PollTally tally(Poll poll, List<Answers> ballots) {
        return Tally.count(poll, ballots, new TallyCounts(40, 35, ballots.size(), ballots.size(), 0));
    }

    @Test
    void anElectionCountsBallotsOverTheLimitAndBlankBallotsInvalidAndElectsOnlyWithMoreThanHalf() {
        // 5 candidates, 3 seats, 30 ballots: A = 12+8+5 = 25, B = 12+8 = 20, C = 12+1 = 13, D = 8+5 = 13, E = 5.
        List<Answers> ballots = concat(times(12, keeping("a", "b", "c")), times(8, keeping("a", "b", "d")),
                times(5, keeping("a", "d", "e")), times(2, keeping("a", "b", "c", "d")), times(2, keeping()),
                times(1, keeping("c")));
        PollTally tally = tally(election(3, "a", "b", "c", "d", "e"), ballots);
        ElectionResult result = tally.election().orElseThrow();

        assertEquals(30, result.received());
        assertEquals(26, result.valid());
        assertEquals(2, result.overLimit());
        assertEquals(2, result.blank());
        assertEquals(4, tally.questions().get(0).invalid());
        assertEquals(25, result.of("a").votes());
        assertEquals(new BigDecimal("83.33"), result.of("a").percent());
        assertEquals(20, result.of("b").votes());
        assertEquals(13, result.of("c").votes());
        assertEquals(13, result.of("d").votes());
        assertEquals(5, result.of("e").votes());
        // More than half of 30 received is 16 or more: A and B only.
        assertEquals(Outcome.ELECTED, result.of("a").outcome());
        assertEquals(Outcome.ELECTED, result.of("b").outcome());
        assertEquals(Outcome.NO_MAJORITY, result.of("c").outcome());
        assertEquals(2, result.elected());
        assertEquals(1, result.remainingSeats());
        assertFalse(result.tie());
        assertEquals(List.of("c", "d", "e"), result.undecided().stream().map(Candidate::id).toList());
        assertEquals(3, result.of("c").rank());
        assertEquals(3, result.of("d").rank()); // equal votes share a rank
    }

    @Test
    void candidatesTiedForTheLastSeatAreReportedTiedAndNoneOfThemIsElected() {
        // 3 candidates, 2 seats, 10 ballots: A = 4+4 = 8, B = 4+2 = 6, C = 4+2 = 6; all more than 5.
        List<Answers> ballots = concat(times(4, keeping("a", "b")), times(4, keeping("a", "c")), times(2, keeping("b", "c")));
        ElectionResult result = tally(election(2, "a", "b", "c"), ballots).election().orElseThrow();

        assertEquals(Outcome.ELECTED, result.of("a").outcome());
        assertEquals(Outcome.TIED, result.of("b").outcome());
        assertEquals(Outcome.TIED, result.of("c").outcome());
        assertTrue(result.tie());
        assertEquals(1, result.elected());
        assertEquals(1, result.remainingSeats());
        assertEquals(List.of("b", "c"), result.undecided().stream().map(Candidate::id).toList());
    }

    @Test
    void moreCandidatesWithAMajorityThanSeatsAreTakenInOrderOfVotes() {
        // 3 candidates, 2 seats: A = 4+3 = 7, B = 4+3 = 7, C = 3+3 = 6; C has more than half but ranks third.
        List<Answers> ballots = concat(times(4, keeping("a", "b")), times(3, keeping("a", "c")), times(3, keeping("b", "c")));
        ElectionResult result = tally(election(2, "a", "b", "c"), ballots).election().orElseThrow();

        assertEquals(List.of(Outcome.ELECTED, Outcome.ELECTED, Outcome.RANKED_OUT),
                List.of(result.of("a").outcome(), result.of("b").outcome(), result.of("c").outcome()));
        assertEquals(0, result.remainingSeats());
        assertTrue(result.undecided().isEmpty());
    }

    @Test
    void withAsManyCandidatesAsSeatsKeepingNoOneIsAValidBallotAgainstEveryone() {
        Poll poll = election(2, "a", "b");
        List<Answers> ballots = concat(times(3, keeping("a", "b")), times(2, keeping()));
        ElectionResult result = tally(poll, ballots).election().orElseThrow();

        assertEquals(5, result.valid());
        assertEquals(0, result.blank());
        assertEquals(Outcome.ELECTED, result.of("a").outcome()); // 3 of 5: 6 > 5
    }

    @Test
    void anElectionDefinitionReadsBackAsTheSamePoll() {
        Poll poll = election(3, "a", "b", "c", "d", "e");
        assertEquals(poll, PollDefinition.parse(PollDefinition.canonicalJson(poll)));
        Poll motion = motion(new Majority("agree", true, 2, 3, Optional.of(VoteBase.VALID), false)).asPractice(true);
        assertEquals(motion, PollDefinition.parse(PollDefinition.canonicalJson(motion)));
    }

    static Poll confidenceVote() {
        List<Question> subjects = List.of(
                new Question("s1", "Nguyễn Văn An", "Giám đốc Sở", BallotOptions.confidenceVoteLevels(), ChoiceRule.exactlyOne()),
                new Question("s2", "Trần Thị Bình", "Phó Giám đốc Sở", BallotOptions.confidenceVoteLevels(), ChoiceRule.exactlyOne()));
        return new Poll("bo-phieu", PollKind.CONFIDENCE_VOTE, "Bỏ phiếu tín nhiệm", subjects, PercentBase.RECEIVED, Optional.empty());
    }

    @Test
    void theTwoLevelConfidenceVoteFlagsMoreThanHalfNoConfidenceAndNothingAtExactlyHalf() {
        // 30 received. s1: 14 trust, 16 distrust (2·16 = 32 > 30: flag). s2: 15 / 14 / 1 blank (2·14 = 28: no flag).
        List<Answers> ballots = concat(times(14, ballot("s1", "trust", "s2", "trust")),
                times(1, ballot("s1", "distrust", "s2", "trust")),
                times(14, ballot("s1", "distrust", "s2", "distrust")),
                times(1, ballot("s1", "distrust", "s2", null)));
        PollTally tally = tally(confidenceVote(), ballots);
        QuestionTally s1 = tally.questions().get(0);
        QuestionTally s2 = tally.questions().get(1);

        assertEquals(14, s1.count("trust"));
        assertEquals(16, s1.count("distrust"));
        assertEquals(new BigDecimal("53.33"), s1.option("distrust").orElseThrow().percent());
        assertEquals(List.of(ThresholdFlag.DISTRUST_MORE_THAN_HALF), s1.flags());
        assertEquals(15, s2.count("trust"));
        assertEquals(14, s2.count("distrust"));
        assertEquals(1, s2.invalid());
        assertEquals(List.of(), s2.flags());
        assertEquals(2, s1.options().size());
    }

    static Poll motion(Majority majority) {
        Question question = new Question("motion", "Thông qua quy chế", "",
                BallotOptions.motionOptions("Đồng ý", "Không đồng ý", "Không biểu quyết"), ChoiceRule.exactlyOne());
        return new Poll("quy-che", PollKind.MOTION, "Biểu quyết", List.of(question), PercentBase.RECEIVED, Optional.of(majority));
    }

    /** 30 received: 16 agree, 8 disagree, 4 abstain, 2 blank (valid 28); 35 present, 40 summoned. */
    static QuestionTally motionTally(Majority majority) {
        List<Answers> ballots = concat(times(16, ballot("motion", "agree")), times(8, ballot("motion", "disagree")),
                times(4, ballot("motion", "abstain")), times(2, ballot("motion", null)));
        return tally(motion(majority), ballots).questions().get(0);
    }

    @Test
    void eachMotionRuleTakesItsOwnBase() {
        // more than 1/2 of 30 received: 2·16 = 32 > 30
        QuestionTally received = motionTally(new Majority("agree", 1, 2));
        assertEquals(Optional.of(true), received.passed());
        assertEquals(Optional.of(30L), received.majorityBase());
        // 2/3 or more of 30 received: 3·16 = 48 < 60
        assertEquals(Optional.of(false), motionTally(new Majority("agree", true, 2, 3, Optional.empty(), true)).passed());
        // more than 1/2 of 28 valid: 32 > 28
        QuestionTally valid = motionTally(new Majority("agree", false, 1, 2, Optional.of(VoteBase.VALID), true));
        assertEquals(Optional.of(true), valid.passed());
        assertEquals(Optional.of(28L), valid.majorityBase());
        // abstentions not counted: 28 − 4 = 24; 2/3 or more: 48 ≥ 48 passes, more than 2/3: 48 > 48 does not
        QuestionTally withoutAbstentions = motionTally(new Majority("agree", true, 2, 3, Optional.of(VoteBase.VALID), false));
        assertEquals(Optional.of(24L), withoutAbstentions.majorityBase());
        assertEquals(Optional.of(true), withoutAbstentions.passed());
        assertEquals(Optional.of(false), motionTally(new Majority("agree", false, 2, 3, Optional.of(VoteBase.VALID), false)).passed());
        // more than 1/2 of 35 present: 32 > 35 fails; of 40 summoned: 32 > 40 fails
        assertEquals(Optional.of(false), motionTally(new Majority("agree", false, 1, 2, Optional.of(VoteBase.PRESENT), true)).passed());
        assertEquals(Optional.of(35L), motionTally(new Majority("agree", false, 1, 2, Optional.of(VoteBase.PRESENT), true)).majorityBase());
        assertEquals(Optional.of(false), motionTally(new Majority("agree", false, 1, 2, Optional.of(VoteBase.SUMMONED), true)).passed());
    }
}
