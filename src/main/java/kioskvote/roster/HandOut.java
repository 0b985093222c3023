package kioskvote.roster;

import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.HandOutKind;
import kioskvote.slip.SlipOffice.DeskBallot;

/**
 * The answer to a hand-out: the kind, and for QR and KIOSK the token drawn from the desk's pool, which the
 * desk shows once (or sends to the kiosk) and the station forgets: it is never stored with the person. For
 * KIOSK, {@code kioskHandle} is the one-time handle of the kiosk visit, which the kiosk session keeps instead
 * of the person (an abandoned ballot is voided and its visit deleted by it).
 */
public record HandOut(String personId, String pollId, HandOutKind kind, boolean replacement, Optional<DeskBallot> ballot,
                      Optional<Long> kioskHandle) {
    public HandOut {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(kioskHandle, "kioskHandle");
    }
}
