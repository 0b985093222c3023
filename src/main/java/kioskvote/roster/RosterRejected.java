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
        BAD_CSV,
        /** A person added or corrected on the roster page: the rules of a CSV row (RosterCsv.problemOf). */
        EMPTY_NAME,
        /** {max}: the longest name or unit the roster takes. */
        NAME_TOO_LONG,
        /** A control, direction-override, zero-width or unpaired surrogate character in a name or unit. */
        INVISIBLE_CHARACTER,
        /** Another person has the same name and unit (the import reports such a row the same way). */
        ALREADY_ON_ROSTER,
        /** Removal: the person holds a ballot, or is checked in as a kiosk voter (docs/rules.md, "One ballot per person"). */
        PERSON_HOLDS_BALLOT,
        /** Removal: the person is marked present; the check-in is undone first, so the check-in list says so. */
        PERSON_IS_PRESENT;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case BAD_CSV -> List.of("detail");
                case NAME_TOO_LONG -> List.of("max");
                default -> List.of();
            };
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

    /** A name and unit the roster cannot take, for the same reason a CSV row would be reported. */
    public static RosterRejected of(RosterCsv.Problem problem) {
        return switch (problem) {
            case EMPTY_NAME -> new RosterRejected(Code.EMPTY_NAME);
            case TOO_LONG -> new RosterRejected(Code.NAME_TOO_LONG, Map.of("max", RosterCsv.MAX_TEXT));
            case INVISIBLE_CHARACTER -> new RosterRejected(Code.INVISIBLE_CHARACTER);
            case ALREADY_ON_ROSTER, REPEATED -> new RosterRejected(Code.ALREADY_ON_ROSTER);
            case TOO_MANY_COLUMNS -> throw new IllegalArgumentException("a form has no columns");
        };
    }
}
