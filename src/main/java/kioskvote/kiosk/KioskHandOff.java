package kioskvote.kiosk;

import java.util.Optional;

import kioskvote.meeting.HandOutKind;
import kioskvote.roster.CheckInDesk;
import kioskvote.roster.HandOut;

/**
 * The check-in desk sends a named voter's ballot to a kiosk: the kiosk must be enrolled and free, checked before a
 * token is minted; the hand-out (roster/CheckInDesk) writes the visit and the delivery; the token then waits in the
 * kiosk's session (in memory, {@link KioskSessions}) until the kiosk picks it up.
 */
public final class KioskHandOff {
    private final CheckInDesk desk;
    private final KioskEnrolments enrolments;
    private final KioskSessions sessions;
    private final KioskDeliveries deliveries;

    public KioskHandOff(CheckInDesk desk, KioskEnrolments enrolments, KioskSessions sessions, KioskDeliveries deliveries) {
        this.desk = desk;
        this.enrolments = enrolments;
        this.sessions = sessions;
        this.deliveries = deliveries;
    }

    /** The kiosk must be named, enrolled and free, checked before a token is minted. */
    public String requireFreeKiosk(String name) {
        String kiosk = KioskSessions.requireName(name);
        if (!enrolments.isEnrolled(kiosk)) throw new KioskRejected(KioskRejected.Code.KIOSK_UNKNOWN, kiosk);
        if (sessions.hasWaiting(kiosk)) throw new KioskRejected(KioskRejected.Code.KIOSK_BUSY, kiosk);
        return kiosk;
    }

    /**
     * Hands the person a kiosk ballot for this poll and sends its token to the kiosk's session; the token is in
     * neither the answer nor the roster.
     */
    public HandOut send(String personId, String pollId, String kioskName) {
        String kiosk = requireFreeKiosk(kioskName);
        HandOut handOut = desk.handOut(personId, pollId, HandOutKind.KIOSK, Optional.of(kiosk));
        String token = handOut.ballot().orElseThrow().encodedToken();
        long handle = handOut.kioskHandle().orElseThrow();
        if (!sessions.sendFromDesk(kiosk, token, handle, handOut.pollId())) {
            // Another clerk sent a ballot to the same kiosk a moment earlier: this one is voided at once.
            deliveries.kioskBallotAbandoned(handle, handOut.pollId(), token);
            throw new KioskRejected(KioskRejected.Code.KIOSK_BUSY, kiosk);
        }
        return handOut;
    }
}
