package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kioskvote.ballot.ReceiptCode;

/**
 * The tablet kiosks, in memory only. Which browsers are enrolled as which kiosk: the admin enrols a
 * tablet by name and it receives a random secret in an HttpOnly cookie, required on every /kiosk/*
 * request (a name like phong-1 is guessable, the secret is not). The ballots in progress: a session
 * stands for one voter's credential (a scanned token, a typed short code, or a token the desk sent)
 * while they fill in the ballot, so the page holds only a random session id. A ballot the desk sends
 * to a kiosk waits here until that kiosk picks it up. Nothing here is written anywhere; a restart
 * forgets it all, enrolments included.
 */
public final class KioskSessions {
    /** The enrolment cookie: Path=/kiosk, HttpOnly, SameSite=Strict. It holds nothing of any voter. */
    public static final String COOKIE = "kv_kiosk";
    /** The enrolment cookie's lifetime in the browser; the station forgets it sooner if it restarts. */
    public static final Duration ENROLMENT_COOKIE_AGE = Duration.ofDays(7);
    /** After this long without a cast a session is dropped, whatever the kiosk's own idle timer says. */
    public static final Duration SESSION_LIMIT = Duration.ofMinutes(30);
    /** A kiosk is listed on the desk page while it asked for work within this time. */
    public static final Duration SEEN_WITHIN = Duration.ofSeconds(30);
    /** A cast session's receipt code is kept this long, so a resubmit after a lost answer shows the receipt again. */
    public static final Duration RECEIPT_KEPT = Duration.ofSeconds(60);

    public enum CredentialKind { TOKEN, SHORT_CODE }

    /**
     * Set when the desk sent this ballot: the one-time handle of its kiosk visit, so an abandoned ballot can be
     * voided and the visit released. Never the person: the session, in memory beside the token, does not name them.
     */
    public record DeskOrigin(long kioskHandle, String pollId) {
    }

    public record Session(String id, String kiosk, CredentialKind kind, String credential, Optional<DeskOrigin> desk,
                   Optional<String> pollId, Instant started) {
        public Session {
            Objects.requireNonNull(credential, "credential");
        }

        @Override
        public String toString() {
            return "Session[" + kiosk + "]"; // the credential can cast a ballot: never in a log
        }
    }

    /** What is left of a cast session for a minute: its kiosk and receipt code, never the credential. */
    private record Tombstone(String kiosk, String receiptCode, Instant ended) {
    }

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> waiting = new ConcurrentHashMap<>(); // kiosk name → session sent by the desk
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Map<String, byte[]> enrolled = new ConcurrentHashMap<>(); // kiosk name → its secret
    private final Map<String, Tombstone> tombstones = new ConcurrentHashMap<>(); // cast session id → receipt code

    public KioskSessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A kiosk's name as it appears in its URL (/kiosk/phong-1). */
    public static String requireName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) throw new KioskRejected(KioskRejected.Code.BAD_KIOSK_NAME, "");
        return name;
    }

    /**
     * Enrols a browser as this kiosk: a fresh secret for its cookie. Enrolling the name again (another
     * tablet, or the same after a restart) replaces the secret, so the earlier browser is no longer that kiosk.
     */
    public String enrol(String kiosk) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        enrolled.put(requireName(kiosk), value.getBytes(StandardCharsets.US_ASCII));
        return value;
    }

    /** True if the cookie's secret is the one this kiosk name was enrolled with (compared in constant time). */
    public boolean isEnrolled(String kiosk, String secret) {
        byte[] expected = enrolled.get(kiosk);
        return expected != null && secret != null && MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** True if some browser is enrolled under this name (the desk sends ballots only to such kiosks). */
    public boolean isEnrolled(String kiosk) {
        return enrolled.containsKey(kiosk);
    }

    public Session start(String kiosk, CredentialKind kind, String credential, Optional<String> pollId) {
        Session session = new Session(randomId(), kiosk, kind, credential, Optional.empty(), pollId, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** @return false if a ballot sent earlier is still waiting on that kiosk (one voter at a time) */
    public boolean sendFromDesk(String kiosk, String token, long kioskHandle, String pollId) {
        Session session = new Session(randomId(), kiosk, CredentialKind.TOKEN, token, Optional.of(new DeskOrigin(kioskHandle, pollId)),
                Optional.of(pollId), clock.instant());
        if (waiting.putIfAbsent(kiosk, session.id()) != null) return false;
        sessions.put(session.id(), session);
        return true;
    }

    public boolean hasWaiting(String kiosk) {
        return waiting.containsKey(kiosk);
    }

    /** The ballot the desk sent to this kiosk, once. Also notes that the kiosk is alive, for the desk's list. */
    public Optional<Session> pickUp(String kiosk) {
        seen.put(kiosk, clock.instant());
        String id = waiting.remove(kiosk);
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    public Optional<Session> find(String kiosk, String id) {
        if (id == null) return Optional.empty();
        Session session = sessions.get(id);
        return session != null && session.kiosk().equals(kiosk) ? Optional.of(session) : Optional.empty();
    }

    /** Forgets a session (cast, or abandoned); returns it if it was there. */
    public Optional<Session> end(String kiosk, String id) {
        Optional<Session> session = find(kiosk, id);
        session.ifPresent(s -> sessions.remove(s.id()));
        return session;
    }

    /** Forgets a session that was cast, keeping its receipt code for {@link #RECEIPT_KEPT} for a resubmit. */
    public void endCast(String kiosk, String id, String receiptCode) {
        end(kiosk, id).ifPresent(s -> tombstones.put(s.id(), new Tombstone(kiosk, receiptCode, clock.instant())));
    }

    /**
     * The receipt code of a session cast on this kiosk within the last minute, if the resubmit carries the
     * receipt secret behind that code: the same cast again, whose first answer was lost.
     */
    public Optional<String> recentReceipt(String kiosk, String id, String receiptSecret) {
        Instant limit = clock.instant().minus(RECEIPT_KEPT);
        tombstones.values().removeIf(t -> t.ended().isBefore(limit));
        if (id == null || receiptSecret == null) return Optional.empty();
        Tombstone t = tombstones.get(id);
        if (t == null || !t.kiosk().equals(kiosk)) return Optional.empty();
        boolean sameCast = MessageDigest.isEqual(t.receiptCode().getBytes(StandardCharsets.US_ASCII),
                ReceiptCode.codeOf(receiptSecret).getBytes(StandardCharsets.US_ASCII));
        return sameCast ? Optional.of(t.receiptCode()) : Optional.empty();
    }

    /** Removes and returns the sessions older than the limit, for the caller to void what the desk sent. */
    public List<Session> expire() {
        Instant limit = clock.instant().minus(SESSION_LIMIT);
        List<Session> expired = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.started().isBefore(limit) && sessions.remove(s.id()) != null) {
                waiting.remove(s.kiosk(), s.id());
                expired.add(s);
            }
        }
        return expired;
    }

    /** Enrolled kiosks that asked for work recently, by name. */
    public List<String> kiosksSeen() {
        Instant since = clock.instant().minus(SEEN_WITHIN);
        return seen.entrySet().stream().filter(e -> e.getValue().isAfter(since) && enrolled.containsKey(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private String randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
