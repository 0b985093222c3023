package kioskvote.meeting;

/**
 * The two checks on a meeting's figures, in integer arithmetic (docs/rules.md, "Quorum" and "The figures
 * add up"). Used by the poll lifecycle, the chair's screen, the admin page and the minutes alike.
 */
public final class CountRules {
    private CountRules() {
    }

    /** The conference may proceed when at least 2/3 of those summoned are present: 3·present ≥ 2·summoned. */
    public static boolean quorumMet(long present, long summoned) {
        return 3L * present >= 2L * summoned;
    }

    /**
     * With a roster: ballots received ≤ people handed a ballot ≤ people present ≤ people summoned (every
     * ballot cast was handed to someone present, and nobody got two). Without one: present ≤ summoned.
     */
    public static boolean addsUp(boolean fromRoster, long received, long handedOut, long present, long summoned) {
        return fromRoster ? received <= handedOut && handedOut <= present && present <= summoned : present <= summoned;
    }
}
