package kioskvote.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The code printed under the QR for people who type instead of scan: 50 bits derived from the slip's secret
 * (HKDF-SHA256, info "short-code"), so nothing the station stores gives it, in Crockford base32 (no I, L, O
 * or U to misread), as two groups of five characters each followed by a check character (Luhn mod 32):
 * "XXXXXC-XXXXXC". One mistyped character, or two neighbours swapped, is caught and its group named.
 */
public final class ShortCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int DATA_PER_GROUP = 5;
    private static final int GROUPS = 2;
    private static final int GROUP = DATA_PER_GROUP + 1;
    private static final int CHARS = GROUPS * GROUP;

    /**
     * What a person typed, read: the code if it is well formed and every check character agrees; otherwise
     * the groups (1-based) whose check character does not, if the text has the shape of a code.
     */
    public record Reading(Optional<String> code, List<Integer> wrongGroups) {
        public Reading {
            Objects.requireNonNull(code, "code");
            wrongGroups = List.copyOf(wrongGroups);
        }

        /** Neither a code nor a code with a typo: something else was typed. */
        public boolean notACode() {
            return code.isEmpty() && wrongGroups.isEmpty();
        }
    }

    private ShortCode() {
    }

    public static String of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] derived = Hkdf.derive(secret, Hkdf.SLIP_SALT, "short-code", 7);
        long bits = 0;
        for (byte b : derived) bits = (bits << 8) | (b & 0xFF); // 56 bits; the top 50 are used
        bits >>>= 6;
        char[] data = new char[GROUPS * DATA_PER_GROUP];
        for (int i = data.length - 1; i >= 0; i--) {
            data[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        StringBuilder code = new StringBuilder(CHARS + 1);
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) code.append('-');
            String group = new String(data, g * DATA_PER_GROUP, DATA_PER_GROUP);
            code.append(group).append(checkCharacter(group));
        }
        return code.toString();
    }

    /** The canonical form of a well-formed code with correct check characters, or empty. */
    public static Optional<String> normalize(String typed) {
        return read(typed).code();
    }

    public static Reading read(String typed) {
        if (typed == null) return new Reading(Optional.empty(), List.of());
        StringBuilder clean = new StringBuilder(CHARS);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) continue;
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0 || clean.length() == CHARS) return new Reading(Optional.empty(), List.of());
            clean.append(mapped);
        }
        if (clean.length() != CHARS) return new Reading(Optional.empty(), List.of());
        List<Integer> wrong = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = clean.substring(g * GROUP, (g + 1) * GROUP);
            if (checkCharacter(group.substring(0, DATA_PER_GROUP)) != group.charAt(DATA_PER_GROUP)) wrong.add(g + 1);
        }
        if (!wrong.isEmpty()) return new Reading(Optional.empty(), wrong);
        return new Reading(Optional.of(clean.substring(0, GROUP) + "-" + clean.substring(GROUP)), List.of());
    }

    /** Luhn mod 32 over the group's characters: catches every single substitution and adjacent transposition but one pair. */
    static char checkCharacter(String group) {
        int factor = 2;
        int sum = 0;
        for (int i = group.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(group.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
