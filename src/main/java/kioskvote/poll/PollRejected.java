package kioskvote.poll;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A step of a poll's life (presence, open, close, results) that the station refuses; nothing was changed. */
public class PollRejected extends Refused {
    public enum Code implements Refused.Code {
        POLL_NOT_DRAFT, POLL_ALREADY_CLOSED, RESULTS_NOT_READY, RESULTS_ALREADY_SHOWN,
        /** Counted, but the chair has not shown the results yet: nothing of them is public (PollStatus.requirePublished). */
        RESULTS_NOT_SHOWN, BAD_COUNT, PRESENCE_FROM_ROSTER,
        /** Closed, but its sealed ballot box is not counted yet: no result, receipt, ballot list or minutes. */
        AWAITING_COUNT,
        /** The sealed ballot box: opened only after the close, only for a sealed poll, and once. */
        POLL_NOT_CLOSED, NOT_SEALED, ALREADY_COUNTED,
        /** A key card is dealt once, to its member: no card with that number is waiting (web/CardDealing). */
        CARD_DEALT,
        /** A sealed ballot that does not open with the rebuilt key (an altered database): nothing is counted. */
        BOX_DAMAGED,
        /** A practice poll has no minutes and no export (docs/rules.md, "Practice poll"). */
        PRACTICE_HAS_NO_MINUTES,
        /** A second round is made only from a closed election. */
        NOT_AN_ELECTION,
        /** The election filled its seats (or no candidate is left): there is nothing for a second round. */
        NO_SECOND_ROUND,
        /** This election already has its next round. */
        SECOND_ROUND_EXISTS,
        /** Opening below quorum (fewer than 2/3 of those summoned present) needs the chair's confirmation. */
        QUORUM_NOT_MET,
        /** The meeting editor changed this poll or the committee while it was opening (here or on another station). */
        MEETING_CHANGED;

        @Override
        public List<String> parameters() {
            return this == QUORUM_NOT_MET ? List.of("present", "summoned") : List.of();
        }
    }

    public PollRejected(Code code) {
        super(code);
    }

    private PollRejected(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static PollRejected quorumNotMet(int present, int summoned) {
        return new PollRejected(Code.QUORUM_NOT_MET, Map.of("present", present, "summoned", summoned));
    }
}
