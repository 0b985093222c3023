package kioskvote.tally;

/**
 * The meeting-level figures of one poll, as the minutes print them (domain.md, "The minutes"):
 * people summoned and present, ballots issued and received, slips voided or replaced.
 * {@code received} is the number of ballots cast in the poll.
 */
public record TallyCounts(long summoned, long present, long issued, long received, long voided) {
    public TallyCounts {
        if (summoned < 0 || present < 0 || issued < 0 || received < 0 || voided < 0) {
            throw new IllegalArgumentException("tally counts cannot be negative");
        }
    }
}
