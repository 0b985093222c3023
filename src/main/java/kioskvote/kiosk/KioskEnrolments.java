package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.store.KioskDao.EnrolmentRow;
import kioskvote.store.KioskDao;

/**
 * Which browsers are enrolled as which kiosk: the organiser enrols a tablet by name and it receives a random
 * secret in an HttpOnly cookie, required on every /kiosk/* request (a name like phong-1 is guessable, the secret
 * is not). The enrolment is stored in the database (kiosk_enrolment: the name and the SHA-256 of the secret,
 * never the secret) before the answer, and checked there on every request, so a tablet keeps working with its
 * cookie across a station restart and a withdrawal shuts it out at once. The ballots in progress on a kiosk are
 * {@link KioskSessions}, in memory.
 */
public final class KioskEnrolments {
    /** The enrolment cookie: Path=/kiosk, HttpOnly, SameSite=Strict. It holds nothing of any voter. */
    public static final String COOKIE = "kv_kiosk";
    /** The enrolment cookie's lifetime in the browser; it stops working sooner if the name is enrolled again or withdrawn. */
    public static final Duration ENROLMENT_COOKIE_AGE = Duration.ofDays(7);

    private final SecureRandom random;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final KioskEnrolmentCodes enrolmentCodes;
    private final KioskRequestProof requestProof;

    public KioskEnrolments(Clock clock, SecureRandom random, Jdbi jdbi, AuditLog audit) {
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

    /**
     * Enrols a browser as this kiosk: a fresh secret for its cookie, whose hash is committed before the
     * caller answers. Enrolling the name again (another tablet, or the same one) replaces the secret, so the
     * earlier browser is no longer that kiosk.
     */
    public String enrol(String kiosk) {
        KioskSessions.requireName(kiosk);
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
     * Withdraws the kiosk's enrolment (a lost tablet): its cookie opens nothing from now on. The sessions it held
     * end in {@link KioskSessions#withdraw}, which calls this first.
     */
    void withdraw(String kiosk) {
        KioskSessions.requireName(kiosk);
        boolean removed = jdbi.inTransaction(h -> {
            if (new KioskDao(h).deleteEnrolment(kiosk) != 1) return false;
            audit.append(h, "kiosk-withdrawn", "kiosk=" + kiosk);
            return true;
        });
        if (!removed) throw new KioskRejected(KioskRejected.Code.KIOSK_UNKNOWN, kiosk);
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
}
