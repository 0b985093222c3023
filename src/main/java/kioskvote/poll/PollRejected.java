package kioskvote.poll;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A step of a poll's life (presence, open, close, results) that the station refuses; nothing was changed. */
public class PollRejected extends Refused {
    public enum Code implements Refused.Code {
        POLL_NOT_DRAFT, POLL_ALREADY_CLOSED, RESULTS_NOT_READY, RESULTS_ALREADY_SHOWN, BAD_COUNT, PRESENCE_FROM_ROSTER,
        /** Opening below quorum (fewer than 2/3 of those summoned present) needs the chair's confirmation. */
        QUORUM_NOT_MET;

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
