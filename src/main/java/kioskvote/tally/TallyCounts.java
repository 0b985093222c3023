package kioskvote.tally;

import kioskvote.meeting.CountRules;
/**
 * The meeting-level figures of one poll, as the minutes print them (docs/rules.md, "The minutes"):
 * people summoned and present, ballots issued and received, slips voided or replaced.
 * {@code received} is the number of ballots cast in the poll. With a roster ({@code fromRoster}),
 * summoned and present are counted person by person and {@code handedOut} is the number of people
 * holding a ballot from the check-in desk (one each for the whole meeting).
 */
public record TallyCounts(long summoned, long present, long issued, long received, long voided, long handedOut,
                          boolean fromRoster) {
    public TallyCounts {
        if (summoned < 0 || present < 0 || issued < 0 || received < 0 || voided < 0 || handedOut < 0) {
            throw new IllegalArgumentException("tally counts cannot be negative");
        }
    }

    /** Figures without a roster: nothing is handed out person by person. */
    public TallyCounts(long summoned, long present, long issued, long received, long voided) {
        this(summoned, present, issued, received, voided, 0, false);
    }

    /**
     * The identity the counting committee checks: with a roster, received (cast) ≤ handed out ≤ present ≤ summoned
     * (every ballot cast was handed to someone present, and nobody got two); without one, present ≤ summoned.
     */
    public boolean addsUp() {
        return CountRules.addsUp(fromRoster, received, handedOut, present, summoned);
    }
}
