package kioskvote.tally;

import kioskvote.meeting.CountRules;
/**
 * The meeting-level figures of one poll, as the minutes print them (docs/rules.md, "The minutes"):
 * people summoned and present, ballots issued and received, slips voided or replaced.
 * {@code received} is the number of ballots cast in the poll. With a roster ({@code fromRoster}),
 * summoned and present are counted person by person and {@code handedOut} is the number of people
 * holding a ballot from the check-in desk (one each for the whole meeting). {@code onPaper} of the ballots
 * received were paper ballots entered by the tellers (docs/rules.md, "Paper ballots").
 */
public record TallyCounts(long summoned, long present, long issued, long received, long voided, long handedOut,
                          boolean fromRoster, long onPaper) {
    public TallyCounts {
        if (summoned < 0 || present < 0 || issued < 0 || received < 0 || voided < 0 || handedOut < 0 || onPaper < 0) {
            throw new IllegalArgumentException("tally counts cannot be negative");
        }
    }

    public TallyCounts(long summoned, long present, long issued, long received, long voided, long handedOut,
                       boolean fromRoster) {
        this(summoned, present, issued, received, voided, handedOut, fromRoster, 0);
    }

    /** Figures without a roster: nothing is handed out person by person. */
    public TallyCounts(long summoned, long present, long issued, long received, long voided) {
        this(summoned, present, issued, received, voided, 0, false, 0);
    }

    /**
     * The identities the counting committee checks (meeting/CountRules): received ≤ issued (net of the voided slips)
     * and present ≤ summoned; with a roster received ≤ handed out ≤ present; without one received ≤ present when a
     * count of those present was typed.
     */
    public boolean addsUp() {
        return broken().isEmpty();
    }

    /** The rules these figures break, for the minutes to name; empty when they add up. */
    public java.util.List<CountRules.Rule> broken() {
        return CountRules.broken(fromRoster, received, issued, handedOut, present, summoned);
    }
}
