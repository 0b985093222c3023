package kioskvote.tally;

import java.math.BigDecimal;
import java.util.Objects;

import kioskvote.meeting.Candidate;

/**
 * One candidate's line of an election's result: votes (ballots keeping the name), percentage of the poll's base,
 * percentage of the majority's base ({@code majorityPercent}: above 50 % for every candidate elected), rank, outcome.
 */
public record CandidateResult(Candidate candidate, long votes, BigDecimal percent, BigDecimal majorityPercent, int rank, Outcome outcome) {
    public CandidateResult {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(majorityPercent, "majorityPercent");
        Objects.requireNonNull(outcome, "outcome");
        if (votes < 0 || rank < 1) throw new IllegalArgumentException("votes >= 0, rank >= 1");
    }

    /** docs/rules.md, "Election": who is elected, and who is left for a second round. */
    public enum Outcome {
        /** More than half of the majority's base (ballots received, or valid), and ranked within the seats. */
        ELECTED,
        /** More than half, tied with others for the last seats: neither elected nor out; a second round decides. */
        TIED,
        /** More than half, but ranked below the seats by candidates with more votes. */
        RANKED_OUT,
        /** Half of the majority's base or fewer. */
        NO_MAJORITY
    }
}
