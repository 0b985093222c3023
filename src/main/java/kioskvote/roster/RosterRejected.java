package kioskvote.roster;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A roster or desk request the station refuses; nothing was changed. */
public class RosterRejected extends Refused {
    public enum Code implements Refused.Code {
        UNKNOWN_PERSON, ALREADY_HANDED_OUT, NOT_HANDED_OUT, SLIP_ALREADY_CAST, SLIP_ALREADY_VOID, NEW_SLIP_CODE_MISSING,
        KIOSK_VOTER_HAS_NO_SLIP, KIOSK_BALLOT_ALREADY_SENT, HAS_BALLOT, POLL_CLOSED, BAD_KIND,
        /** Undo is for a printed slip recorded by mistake; a QR or kiosk ballot carries a token: void and replace it. */
        CANNOT_UNDO_KIND,
        /** As many ballots were cast as people hold one in some poll: the ballot may have been used, so it stays. */
        MAY_HAVE_VOTED,
        /** {detail}: what exactly was wrong with the file, in English (as a CSV parser says it). */
        BAD_CSV;

        @Override
        public List<String> parameters() {
            return this == BAD_CSV ? List.of("detail") : List.of();
        }
    }

    public RosterRejected(Code code) {
        super(code);
    }

    private RosterRejected(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static RosterRejected badCsv(String detail) {
        return new RosterRejected(Code.BAD_CSV, Map.of("detail", detail));
    }
}
