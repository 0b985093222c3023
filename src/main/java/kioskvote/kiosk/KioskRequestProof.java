package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.Sha256;
import kioskvote.store.KioskKeyDao;
import kioskvote.token.MeetingKey;

/**
 * A kiosk's requests carry a proof a sniffer cannot replay (docs/security.md, "The network"). The tablet makes
 * an Ed25519 key pair when it is enrolled (public/kiosk-key.js), keeps the private half in its own storage and
 * registers the public half with the one-time code; from then on every kiosk POST carries the header
 * {@code X-Kiosk-Proof: counter.time.signature}, the signature over {@link #message}: the kiosk, method, path,
 * SHA-256 of the body, a counter the tablet raises for every request, and the station-clock time in ms. The
 * station refuses a request whose signature does not verify, whose counter it has already accepted (or that lags
 * more than {@link #WINDOW} behind the highest, so requests sent together may arrive out of order), that is older
 * than {@link #FRESH}, or that was signed before this station run started: the counters seen are in memory only,
 * and a request recorded before a restart carries a time from before it.
 */
public final class KioskRequestProof {
    public static final String HEADER = "X-Kiosk-Proof";
    /** How far a request's time may be from the station's clock. */
    public static final Duration FRESH = Duration.ofMinutes(2);
    static final int WINDOW = 64;
    private static final Pattern PROOF = Pattern.compile("([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})\\.([0-9a-f]{128})");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    /** The counters accepted from one key: the highest, and those within the window below it. */
    private static final class Counters {
        private long highest;
        private final Set<Long> recent = new HashSet<>();

        synchronized boolean accept(long counter) {
            if (counter <= highest - WINDOW || recent.contains(counter)) return false;
            recent.add(counter);
            if (counter > highest) {
                highest = counter;
                recent.removeIf(c -> c <= highest - WINDOW);
            }
            return true;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Instant started;
    private final Map<String, Counters> seen = new ConcurrentHashMap<>(); // public key → its counters

    public KioskRequestProof(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** The station's clock in ms, for the kiosk page to sign with (its own clock may be off). */
    public long now() {
        return clock.millis();
    }

    /** A key as the tablet sends it: 64 hex digits (an Ed25519 public key), lower-cased; empty if it is not one. */
    public static Optional<String> parseKey(String hex) {
        String key = hex == null ? "" : hex.strip().toLowerCase(Locale.ROOT);
        return KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /** Binds the tablet's public key to the enrolment made with {@code cookieSecret} (KioskSessions.enrol). */
    public void register(String kiosk, String cookieSecret, String publicKeyHex) {
        String key = parseKey(publicKeyHex).orElseThrow(() -> new KioskRejected(KioskRejected.Code.KIOSK_KEY_MISSING, kiosk));
        String secretHash = Sha256.hex(cookieSecret.getBytes(StandardCharsets.US_ASCII)); // as KioskSessions stores it
        jdbi.useTransaction(h -> new KioskKeyDao(h).put(new KioskKeyDao.KeyRow(kiosk, secretHash, key)));
    }

    /** What the tablet signs (public/kiosk-key.js builds the same text). */
    static byte[] message(String kiosk, String method, String path, byte[] body, long counter, long time) {
        return ("kioskvote kiosk request v1\n" + kiosk + "\n" + method + "\n" + path + "\n" + Sha256.hex(body) + "\n" + counter + "\n" + time)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Refuses (403 kiosk_proof_bad) a request of this kiosk without a valid, fresh, first-seen proof. */
    public void require(String kiosk, String method, String path, byte[] body, String header) {
        if (!accepts(kiosk, method, path, body, header)) throw new KioskRejected(KioskRejected.Code.KIOSK_PROOF_BAD, kiosk);
    }

    private boolean accepts(String kiosk, String method, String path, byte[] body, String header) {
        Matcher m = PROOF.matcher(header == null ? "" : header.strip());
        if (!m.matches()) return false;
        long counter = Long.parseLong(m.group(1));
        long time = Long.parseLong(m.group(2));
        long now = clock.millis();
        if (time < started.toEpochMilli() || Math.abs(now - time) > FRESH.toMillis()) return false;
        Optional<KioskKeyDao.KeyRow> key = jdbi.withHandle(h -> new KioskKeyDao(h).findCurrent(kiosk));
        if (key.isEmpty()) return false;
        byte[] publicKey = HexFormat.of().parseHex(key.get().publicKey());
        byte[] signature = HexFormat.of().parseHex(m.group(3));
        boolean signed;
        try {
            signed = MeetingKey.verify(publicKey, message(kiosk, method, path, body, counter, time), signature);
        } catch (IllegalArgumentException notAPoint) { // 32 bytes that are no point of the curve
            signed = false;
        }
        return signed && seen.computeIfAbsent(key.get().publicKey(), k -> new Counters()).accept(counter);
    }
}
