package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kioskvote.audit.Sha256;

/**
 * One-time enrolment codes: the organiser asks for one on the station laptop for a kiosk name, and types it on
 * the tablet, which is then enrolled (docs/roster-and-kiosk.md). The organiser's passphrase never touches a
 * tablet. A code is 80 random bits (16 letters and digits, typed in four groups), works once, for that
 * kiosk name only, for {@link #VALID_FOR}, and {@link #TRIES} wrong tries void it. Codes live in memory only,
 * as hashes: a restart or a copy of the database gives none.
 */
public final class KioskEnrolmentCodes {
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final int TRIES = 5;
    /** Crockford's base-32 without I, L, O, U: nothing to misread when typing from the laptop's screen. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private record Pending(String codeHash, Instant until, int triesLeft) {
    }

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public KioskEnrolmentCodes(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A fresh code for this kiosk name, replacing any earlier one, as XXXX-XXXX-XXXX-XXXX. */
    public String issue(String kiosk) {
        KioskSessions.requireName(kiosk);
        char[] code = new char[16];
        for (int i = 0; i < code.length; i++) code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        String text = new String(code);
        pending.put(kiosk, new Pending(hash(text), clock.instant().plus(VALID_FOR), TRIES));
        return text.substring(0, 4) + "-" + text.substring(4, 8) + "-" + text.substring(8, 12) + "-" + text.substring(12);
    }

    /** True, once, if the typed code is this kiosk's live code; a wrong try counts against it. */
    public boolean redeem(String kiosk, String typed) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        Optional<String> normalised = normalise(typed);
        boolean[] accepted = {false};
        pending.computeIfPresent(kiosk, (k, p) -> {
            if (normalised.isPresent() && MessageDigest.isEqual(p.codeHash().getBytes(StandardCharsets.US_ASCII),
                    hash(normalised.get()).getBytes(StandardCharsets.US_ASCII))) {
                accepted[0] = true;
                return null; // used: gone
            }
            return p.triesLeft() > 1 ? new Pending(p.codeHash(), p.until(), p.triesLeft() - 1) : null;
        });
        return accepted[0];
    }

    /** Spaces, dashes and case do not matter; the letters people confuse with digits are read as those digits. */
    static Optional<String> normalise(String typed) {
        if (typed == null) return Optional.empty();
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 16) return Optional.empty();
        for (char c : s.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) return Optional.empty();
        }
        return Optional.of(s);
    }

    private static String hash(String code) {
        return Sha256.hex(code.getBytes(StandardCharsets.US_ASCII));
    }
}
