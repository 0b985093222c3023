package kioskvote.token;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The code printed under the QR for people who type instead of scan: the first 50 bits of the
 * serial in Crockford base32 ("XXXXX-XXXXX"), which has no I, L, O or U to misread.
 */
public final class ShortCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARS = 10;

    private ShortCode() {
    }

    public static String of(byte[] serial) {
        Objects.requireNonNull(serial, "serial");
        if (serial.length < 7) throw new IllegalArgumentException("serial too short for a short code");
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (serial[i] & 0xFF); // 56 bits; the top 50 are used
        }
        bits >>>= 6;
        char[] code = new char[CHARS];
        for (int i = CHARS - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return format(new String(code));
    }

    /** The canonical form of what a person typed, or empty if it cannot be a short code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) return Optional.empty();
        StringBuilder clean = new StringBuilder(CHARS);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) continue;
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) return Optional.empty();
            clean.append(mapped);
            if (clean.length() > CHARS) return Optional.empty();
        }
        return clean.length() == CHARS ? Optional.of(format(clean.toString())) : Optional.empty();
    }

    private static String format(String tenChars) {
        return tenChars.substring(0, 5) + "-" + tenChars.substring(5);
    }
}
