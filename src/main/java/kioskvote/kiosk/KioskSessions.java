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

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.ballot.ReceiptCode;
import kioskvote.store.KioskDao.EnrolmentRow;
import kioskvote.store.KioskDao;

/**
 * The tablet kiosks. Which browsers are enrolled as which kiosk: the organiser enrols a tablet by name and
 * it receives a random secret in an HttpOnly cookie, required on every /kiosk/* request (a name like
 * phong-1 is guessable, the secret is not). The enrolment is stored in the database (kiosk_enrolment: the
 * name and the SHA-256 of the secret, never the secret) before the answer, and checked there on every
 * request, so a tablet keeps working with its cookie across a station restart and a withdrawal shuts it out
 * at once. The ballots in progress, in memory only: a session stands for one voter's credential (a scanned
 * token, a typed short code, or a token the desk sent) while they fill in the ballot, so the page holds only
 * a random session id; a restart forgets them, and their credentials with them. A ballot the desk sends to a
 * kiosk waits here until that kiosk picks it up (its delivery, never the token, is also in the database:
 * Roster.resumeKioskBallot).
 */
public final class KioskSessions {
    /** The enrolment cookie: Path=/kiosk, HttpOnly, SameSite=Strict. It holds nothing of any voter. */
    public static final String COOKIE = "kv_kiosk";
    /** The enrolment cookie's lifetime in the browser; it stops working sooner if the name is enrolled again or withdrawn. */
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

    /** @param waiting true for a ballot the desk sent that its kiosk has not picked up yet */
    public record Session(String id, String kiosk, CredentialKind kind, String credential, Optional<DeskOrigin> desk,
                   Optional<String> pollId, Instant started, boolean waiting) {
        public Session {
            Objects.requireNonNull(credential, "credential");
        }

        Session pickedUp() {
            return new Session(id, kiosk, kind, credential, desk, pollId, started, false);
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
    private final Map<String, Tombstone> tombstones = new ConcurrentHashMap<>(); // cast session id → receipt code

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final KioskEnrolmentCodes enrolmentCodes;
    private final KioskRequestProof requestProof;

    public KioskSessions(Clock clock, SecureRandom random, Jdbi jdbi, AuditLog audit) {
        this.clock = clock;
        this.random = random;
        this.jdbi = jdbi;
        this.audit = audit;
        this.enrolmentCodes = new KioskEnrolmentCodes(clock, random);
        this.requestProof = new KioskRequestProof(jdbi, clock);
    }

    /** The one-time codes the organiser gives on the laptop and types on a tablet to enrol it. */
    public KioskEnrolmentCodes enrolmentCodes() {
        return enrolmentCodes;
    }

    /** The tablets' request keys: every kiosk POST is signed (KioskRequestProof). */
    public KioskRequestProof requestProof() {
        return requestProof;
    }

    /** A kiosk's name as it appears in its URL (/kiosk/phong-1). */
    public static String requireName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) throw new KioskRejected(KioskRejected.Code.BAD_KIOSK_NAME, "");
        return name;
    }

    /**
     * Enrols a browser as this kiosk: a fresh secret for its cookie, whose hash is committed before the
     * caller answers. Enrolling the name again (another tablet, or the same one) replaces the secret, so the
     * earlier browser is no longer that kiosk.
     */
    public String enrol(String kiosk) {
        requireName(kiosk);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbi.useTransaction(h -> {
            new KioskDao(h).putEnrolment(new EnrolmentRow(kiosk, secretHash(value)));
            audit.append(h, "kiosk-enrolled", "kiosk=" + kiosk);
        });
        return value;
    }

    /**
     * Withdraws the kiosk's enrolment (a lost tablet): its cookie opens nothing from now on. Returns the
     * sessions it held, ended here, for the caller to void what the desk sent.
     */
    public List<Session> withdraw(String kiosk) {
        requireName(kiosk);
        boolean removed = jdbi.inTransaction(h -> {
            if (new KioskDao(h).deleteEnrolment(kiosk) != 1) return false;
            audit.append(h, "kiosk-withdrawn", "kiosk=" + kiosk);
            return true;
        });
        if (!removed) throw new KioskRejected(KioskRejected.Code.KIOSK_UNKNOWN, kiosk);
        seen.remove(kiosk);
        waiting.remove(kiosk);
        List<Session> ended = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.kiosk().equals(kiosk) && sessions.remove(s.id()) != null) ended.add(s);
        }
        return ended;
    }

    /** True if the cookie's secret is the one this kiosk name was enrolled with (hashes compared in constant time). */
    public boolean isEnrolled(String kiosk, String secret) {
        if (secret == null) return false;
        Optional<EnrolmentRow> row = jdbi.withHandle(h -> new KioskDao(h).findEnrolment(kiosk));
        return row.isPresent() && MessageDigest.isEqual(row.get().secretHash().getBytes(StandardCharsets.US_ASCII),
                secretHash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** True if some browser is enrolled under this name (the desk sends ballots only to such kiosks). */
    public boolean isEnrolled(String kiosk) {
        return jdbi.withHandle(h -> new KioskDao(h).findEnrolment(kiosk)).isPresent();
    }

    /** Every enrolled kiosk name, for the organiser's list. */
    public List<String> enrolled() {
        return jdbi.withHandle(h -> new KioskDao(h).enrolledNames());
    }

    /** The secret is 256 random bits: a plain SHA-256 is enough, no salt or stretching can add to that. */
    private static String secretHash(String secret) {
        return Sha256.hex(secret.getBytes(StandardCharsets.US_ASCII));
    }

    public Session start(String kiosk, CredentialKind kind, String credential, Optional<String> pollId) {
        Session session = new Session(randomId(), kiosk, kind, credential, Optional.empty(), pollId, clock.instant(), false);
        sessions.put(session.id(), session);
        return session;
    }

    /** @return false if a ballot sent earlier is still waiting on that kiosk (one voter at a time) */
    public boolean sendFromDesk(String kiosk, String token, long kioskHandle, String pollId) {
        Session session = new Session(randomId(), kiosk, CredentialKind.TOKEN, token, Optional.of(new DeskOrigin(kioskHandle, pollId)),
                Optional.of(pollId), clock.instant(), true);
        if (waiting.putIfAbsent(kiosk, session.id()) != null) return false;
        sessions.put(session.id(), session);
        return true;
    }

    /** A desk ballot handed to its kiosk at once, already picked up (one sent again after a restart). */
    public Session startFromDesk(String kiosk, String token, long kioskHandle, String pollId) {
        Session session = new Session(randomId(), kiosk, CredentialKind.TOKEN, token, Optional.of(new DeskOrigin(kioskHandle, pollId)),
                Optional.of(pollId), clock.instant(), false);
        sessions.put(session.id(), session);
        return session;
    }

    public boolean hasWaiting(String kiosk) {
        return waiting.containsKey(kiosk);
    }

    /** The ballot the desk sent to this kiosk, once. Also notes that the kiosk is alive, for the desk's list. */
    public Optional<Session> pickUp(String kiosk) {
        seen.put(kiosk, clock.instant());
        String id = waiting.remove(kiosk);
        if (id == null) return Optional.empty();
        return Optional.ofNullable(sessions.computeIfPresent(id, (k, s) -> s.pickedUp()));
    }

    /** A picked-up ballot whose pick-up could not be recorded waits again for the kiosk's next request. */
    public void putBack(Session session) {
        Session again = new Session(session.id(), session.kiosk(), session.kind(), session.credential(), session.desk(),
                session.pollId(), session.started(), true);
        if (sessions.replace(session.id(), again) != null) waiting.putIfAbsent(session.kiosk(), session.id());
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
        List<String> enrolled = enrolled();
        return seen.entrySet().stream().filter(e -> e.getValue().isAfter(since) && enrolled.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private String randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
