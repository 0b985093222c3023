package kioskvote.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import kioskvote.meeting.HandOutKind;
import kioskvote.roster.HandOut;
import kioskvote.roster.Person;
import kioskvote.roster.RosterCsv;
import kioskvote.roster.Turnout;
import kioskvote.text.BothLanguages;

/** The roster's and the check-in desk's answers (docs/api.md, "Roster and check-in desk"), field by field in this order. */
final class RosterJson {
    private RosterJson() {
    }

    /** One person; {@code ballotKind} is SLIP, QR, KIOSK or null (written as null). */
    record PersonJson(String id, String name, String unit, boolean present, boolean holdsBallot, String ballotKind) {
        static PersonJson of(Person p) {
            return new PersonJson(p.id(), p.fullName(), p.unit(), p.present(), p.holdsBallot(), p.ballotKind().map(Enum::name).orElse(null));
        }
    }

    record TurnoutJson(int summoned, int present, boolean fromRoster) {
        static TurnoutJson of(Turnout t) {
            return new TurnoutJson(t.summoned(), t.present(), t.fromRoster());
        }
    }

    /** GET /api/admin/roster?q=… */
    record Search(List<PersonJson> people, TurnoutJson turnout) {
    }

    /** POST /api/admin/roster/import: the good rows added, the bad ones reported by line. */
    record Imported(int added, List<BadRow> badRows, TurnoutJson turnout) {
    }

    record BadRow(int line, BothLanguages problem) {
        static BadRow of(RosterCsv.BadRow row) {
            return new BadRow(row.line(), new BothLanguages(row.problemVi(), row.problemEn()));
        }
    }

    /** A person added (201), or checked in as a kiosk voter ({@code kind} KIOSK, {@code registered}), with the turnout. */
    record PersonAndTurnout(@JsonUnwrapped PersonJson person, @JsonInclude(Include.NON_NULL) String kind,
                            @JsonInclude(Include.NON_NULL) Boolean registered, TurnoutJson turnout) {
    }

    record Removed(String id, boolean removed, TurnoutJson turnout) {
    }

    /**
     * POST /api/admin/desk/hand-out and …/replace: a QR hand-out carries the slip to show once, a kiosk ballot the kiosk
     * it went to (the token itself went to the kiosk's session, not here).
     */
    record HandedOut(String personId, String pollId, String kind, boolean replacement, @JsonInclude(Include.NON_NULL) Slip slip,
                     @JsonInclude(Include.NON_NULL) String kiosk, TurnoutJson turnout) {
        static HandedOut of(HandOut handOut, String kiosk, Turnout turnout) {
            Slip slip = null;
            if (handOut.kind() == HandOutKind.QR) {
                var s = handOut.ballot().orElseThrow().slip();
                slip = new Slip(s.url(), s.shortCode(), s.qr().toSvg());
            }
            return new HandedOut(handOut.personId(), handOut.pollId(), handOut.kind().name(), handOut.replacement(), slip,
                    handOut.kind() == HandOutKind.KIOSK ? kiosk : null, TurnoutJson.of(turnout));
        }
    }

    record Slip(String url, String shortCode, String qrSvg) {
    }

    record Undone(String personId, boolean undone) {
    }

    /** GET /api/admin/desk/kiosks: the kiosks seen lately, and the kiosk ballots sent and not yet picked up. */
    record Kiosks(List<String> kiosks, List<Waiting> waiting) {
    }

    record Waiting(String kiosk, String pollId) {
    }
}
