package kioskvote.tally;

import java.util.List;
import java.util.Objects;

import kioskvote.meeting.CountRules;
import kioskvote.meeting.MeetingFigures;

/**
 * The meeting-level figures of one poll, as the minutes print them (docs/rules.md, "The minutes"): the meeting's
 * {@link MeetingFigures} and the ballots the poll received. {@code received} is the number of ballots cast in the
 * poll; {@code onPaper} of them were paper ballots entered by the tellers (docs/rules.md, "Paper ballots").
 */
public record TallyCounts(MeetingFigures figures, long received, long onPaper) {
    public TallyCounts {
        Objects.requireNonNull(figures, "figures");
        if (figures.summoned() < 0 || figures.present() < 0 || figures.issued() < 0 || received < 0 || figures.voided() < 0
                || figures.handedOut() < 0 || onPaper < 0) {
            throw new IllegalArgumentException("tally counts cannot be negative");
        }
    }

    /** Figures written out by hand (a test's, a minutes example's); the station passes its {@link MeetingFigures}. */
    public TallyCounts(long summoned, long present, long issued, long received, long voided, long handedOut,
                       boolean fromRoster, long onPaper) {
        this(new MeetingFigures(summoned, present, fromRoster, handedOut, issued, voided), received, onPaper);
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
    public List<CountRules.Rule> broken() {
        return figures.broken(received);
    }
}
