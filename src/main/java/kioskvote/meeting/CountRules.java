package kioskvote.meeting;

import java.util.ArrayList;
import java.util.List;

/**
 * The two checks on a meeting's figures, in integer arithmetic (docs/rules.md, "Quorum" and "The figures
 * add up"). Used by the poll lifecycle, the chair's screen, the admin page and the minutes alike.
 */
public final class CountRules {
    /** One inequality of "the figures add up", named so the minutes can say which one fails. */
    public enum Rule {
        /** Every ballot came with a slip issued and not voided (printed slips and desk hand-outs). */
        RECEIVED_WITHIN_ISSUED,
        /** No more ballots than people present (with a roster, or a count typed at the desk). */
        RECEIVED_WITHIN_PRESENT,
        /** With a roster: every ballot was handed to someone. */
        RECEIVED_WITHIN_HANDED_OUT,
        /** With a roster: only people present were handed a ballot, one each. */
        HANDED_OUT_WITHIN_PRESENT,
        PRESENT_WITHIN_SUMMONED
    }

    private CountRules() {
    }

    /** The conference may proceed when at least 2/3 of those summoned are present: 3·present ≥ 2·summoned. */
    public static boolean quorumMet(long present, long summoned) {
        return 3L * present >= 2L * summoned;
    }

    /**
     * The rules these figures break, in the order above; none when they add up. Always: received ≤ issued (net of
     * the voided slips) and present ≤ summoned. With a roster: received ≤ handed out ≤ present, and received ≤
     * present. Without one, present is the count typed at the desk; when none was typed (0) it is unknown, not
     * "nobody", and received ≤ present is not checked.
     *
     * @param issuedNotVoided slips issued (printed and handed out at the desk) less those voided
     */
    public static List<Rule> broken(boolean fromRoster, long received, long issuedNotVoided, long handedOut, long present, long summoned) {
        List<Rule> broken = new ArrayList<>();
        if (received > issuedNotVoided) broken.add(Rule.RECEIVED_WITHIN_ISSUED);
        if ((fromRoster || present > 0) && received > present) broken.add(Rule.RECEIVED_WITHIN_PRESENT);
        if (fromRoster && received > handedOut) broken.add(Rule.RECEIVED_WITHIN_HANDED_OUT);
        if (fromRoster && handedOut > present) broken.add(Rule.HANDED_OUT_WITHIN_PRESENT);
        if (present > summoned) broken.add(Rule.PRESENT_WITHIN_SUMMONED);
        return List.copyOf(broken);
    }

    public static boolean addsUp(boolean fromRoster, long received, long issuedNotVoided, long handedOut, long present, long summoned) {
        return broken(fromRoster, received, issuedNotVoided, handedOut, present, summoned).isEmpty();
    }
}
