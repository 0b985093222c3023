package kioskvote.meeting;

import java.util.List;
import java.util.Optional;

/**
 * What an election adds to its poll: the candidates, in ballot order, and the seats to fill
 * (docs/rules.md, "Election"). {@code round} is 1 for a poll of meeting.yaml and 2, 3… for a round created
 * from the one before ({@code fromPoll}). {@code majorityOf}: what "more than half" is taken of; {@code tie}: how a
 * tie for the last seats is settled (docs/rules.md, "Election"). A next round keeps both.
 */
public record Election(int seats, List<Candidate> candidates, int round, Optional<String> fromPoll, MajorityOf majorityOf,
                       TieRule tie) {
    /** The id of the election's one question. */
    public static final String QUESTION_ID = "election";

    public Election {
        candidates = List.copyOf(candidates);
        java.util.Objects.requireNonNull(fromPoll, "fromPoll");
        java.util.Objects.requireNonNull(majorityOf, "majorityOf");
        java.util.Objects.requireNonNull(tie, "tie");
        if (seats < 1) throw new IllegalArgumentException("an election fills at least one seat");
        if (candidates.isEmpty()) throw new IllegalArgumentException("an election needs candidates");
        if (round < 1) throw new IllegalArgumentException("round counts from 1");
        if (candidates.stream().map(Candidate::id).distinct().count() != candidates.size()) {
            throw new IllegalArgumentException("a candidate id is repeated");
        }
    }

    public Election(int seats, List<Candidate> candidates, int round, Optional<String> fromPoll) {
        this(seats, candidates, round, fromPoll, MajorityOf.RECEIVED, TieRule.NEXT_ROUND);
    }

    public Election(int seats, List<Candidate> candidates) {
        this(seats, candidates, 1, Optional.empty());
    }

    /** The next round's election: the seats left and the undecided candidates, under the same rules. */
    public Election nextRound(int seatsLeft, List<Candidate> undecided, String fromPollId) {
        return new Election(seatsLeft, undecided, round + 1, Optional.of(fromPollId), majorityOf, tie);
    }

    /**
     * What an election's majority is taken of (meeting.yaml {@code majority_of:}): ballots received, invalid ones
     * included (Reg 96's base and the station's default), or valid ballots (as People's Council elections count).
     */
    public enum MajorityOf {
        RECEIVED, VALID;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How a tie for the last seats is settled (meeting.yaml {@code tie:}). The station never breaks a tie itself
     * (docs/rules.md, "Election"): either the tied candidates go to a next round (the default), or the meeting
     * settles it by a rule of its own, which the minutes say. No rule of the regulation (domain reference) names a
     * tie-break by age or any other trait, so the station offers none.
     */
    public enum TieRule {
        NEXT_ROUND, MEETING_DECIDES;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Optional<Candidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The ballot's rule: a voter keeps at most {@code seats} names; when candidates outnumber seats, keeping no
     * one is a blank ballot, invalid. Keeping more than {@code seats} is accepted (a teller enters such a paper
     * ballot as it is) and counted invalid; up to every name may be marked.
     */
    public ChoiceRule rule() {
        return new ChoiceRule(candidates.size() > seats ? 1 : 0, seats, candidates.size());
    }

    /** The question of an election ballot: every candidate an option (its label the name, in both languages). */
    public Question question(String title) {
        return new Question(QUESTION_ID, title, "",
                candidates.stream().map(c -> new Option(c.id(), c.name(), c.name())).toList(), rule());
    }
}
