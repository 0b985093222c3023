package kioskvote.meeting;

import java.util.List;

/**
 * The meeting's figures as the minutes print and check them (docs/rules.md, "The minutes"): people summoned and
 * present, how many hold a ballot from the check-in desk, slips issued (net of the voided) and voided. With a roster
 * ({@code fromRoster}) summoned and present are counted person by person and {@code handedOut} is the number of
 * people holding a ballot (one each for the whole meeting); without one, present is the count typed at the desk and
 * nothing is handed out person by person. One value from the station's counts to the screens, the minutes and the
 * record, instead of six numbers and a flag in a row.
 */
public record MeetingFigures(long summoned, long present, boolean fromRoster, long handedOut, long issued, long voided) {
    /** The conference may proceed (CountRules#quorumMet). */
    public boolean quorumMet() {
        return CountRules.quorumMet(present, summoned);
    }

    /** The rules these figures break with {@code received} ballots, in CountRules' order; none when they add up. */
    public List<CountRules.Rule> broken(long received) {
        return CountRules.broken(fromRoster, received, issued, handedOut, present, summoned);
    }

    public boolean addsUp(long received) {
        return broken(received).isEmpty();
    }
}
