package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kioskvote.ballot.Credential;
import kioskvote.ballot.DeviceSealing;
import kioskvote.kiosk.KioskSessions.CredentialKind;
import kioskvote.kiosk.KioskSessions.Session;
import kioskvote.meeting.Poll;

/**
 * The cast of a ballot sealed in the kiosk's page (docs/security.md, "Sealed on the device"): the page sends the
 * session id, the sealed ballot and the retry proof; the session's credential, which never left the station,
 * spends the slip. The receipt secret and code stay in the page. A cast sent again within a minute (its answer was
 * lost) with the same retry proof is answered "already counted" instead of "session gone".
 */
public final class KioskSealing {
    /** What is left of a session cast here for a minute: its kiosk and retry proof, never the credential. */
    private record Cast(String kiosk, String proof, Instant at) {
    }

    private final KioskBooth booth;
    private final KioskSessions sessions;
    private final DeviceSealing sealing;
    private final Clock clock;
    private final Map<String, Cast> recent = new ConcurrentHashMap<>(); // cast session id → its retry proof

    public KioskSealing(KioskBooth booth, KioskSessions sessions, DeviceSealing sealing, Clock clock) {
        this.booth = booth;
        this.sessions = sessions;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** Stores the sealed ballot with the session's credential and ends the session; true if it was a retry. */
    public boolean cast(String kiosk, String sessionId, Poll poll, String sealedBase64, String retryProof) {
        recent.values().removeIf(c -> c.at().isBefore(clock.instant().minus(KioskSessions.RECEIPT_KEPT)));
        Cast earlier = sessionId == null ? null : recent.get(sessionId);
        if (earlier != null && earlier.kiosk().equals(kiosk) && retryProof != null
                && MessageDigest.isEqual(earlier.proof().getBytes(StandardCharsets.US_ASCII), retryProof.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        Session session = booth.session(kiosk, sessionId, poll);
        boolean retry = sealing.castAtKiosk(poll.id(), credentialOf(session), sealedBase64, retryProof);
        sessions.end(kiosk, session.id());
        recent.put(session.id(), new Cast(kiosk, retryProof, clock.instant()));
        return retry;
    }

    private static Credential credentialOf(Session session) {
        return new Credential(session.kind() == CredentialKind.TOKEN ? Credential.Kind.TOKEN : Credential.Kind.SHORT_CODE,
                session.credential());
    }
}
