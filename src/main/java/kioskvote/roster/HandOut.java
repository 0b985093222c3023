package kioskvote.roster;

import java.util.Objects;
import java.util.Optional;

import kioskvote.slip.SlipOffice.DeskBallot;

/**
 * The answer to a hand-out: the kind, and for QR and KIOSK the token minted just now, which the desk
 * shows once (or sends to the kiosk) and the station forgets: it is never stored with the person.
 */
public record HandOut(String personId, String pollId, HandOutKind kind, boolean replacement, Optional<DeskBallot> ballot) {
    public HandOut {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ballot, "ballot");
    }
}
