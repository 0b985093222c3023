package kioskvote.seal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The typeable form of a key share: 40 bytes as 64 Crockford base32 symbols in 16 groups of four,
 * each group followed by a check character, e.g. {@code 7K2MQ-X9DA1-…} (16 groups of five).
 *
 * The check character of group g is {@code g + Σ αⁱ·sᵢ} over GF(32) (α a root of x⁵+x²+1): every
 * single wrong symbol and every swap of two neighbouring symbols in a group changes it, and so does a
 * whole group typed in the wrong place, so the station can say "check character wrong in group 3".
 * Reading is forgiving as Crockford base32 intends: lower case, O for 0, I and L for 1, spaces and
 * dashes anywhere.
 */
final class ShareCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int PAYLOAD_BYTES = 40;
    static final int GROUPS = 16;
    static final int DATA_PER_GROUP = 4;

    private ShareCode() {
    }

    /** The code's characters, never a String (docs/security.md, "Memory"); the caller wipes them. */
    static CardText encode(byte[] payload) {
        if (payload.length != PAYLOAD_BYTES) throw new IllegalArgumentException("a share payload is 40 bytes");
        int[] symbols = toSymbols(payload);
        char[] code = new char[GROUPS * (DATA_PER_GROUP + 2) - 1];
        int n = 0;
        int[] group = new int[DATA_PER_GROUP];
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) code[n++] = '-';
            System.arraycopy(symbols, g * DATA_PER_GROUP, group, 0, DATA_PER_GROUP);
            for (int s : group) code[n++] = ALPHABET.charAt(s);
            code[n++] = ALPHABET.charAt(checkOf(g + 1, group));
        }
        Arrays.fill(symbols, 0);
        Arrays.fill(group, 0);
        return new CardText(code);
    }

    /** The payload, or a refusal: malformed, or the groups whose check character is wrong. */
    static byte[] decode(CharSequence typed) {
        if (typed == null) throw ShareRejected.of(ShareRejected.Reason.MALFORMED, "no code");
        List<Integer> values = new ArrayList<>();
        for (int at = 0; at < typed.length(); at++) {
            char c = typed.charAt(at);
            if (c == '-' || Character.isWhitespace(c)) continue;
            int v = valueOf(c);
            if (v < 0) throw ShareRejected.of(ShareRejected.Reason.MALFORMED, "character '" + c + "' is not in the code's alphabet");
            values.add(v);
        }
        int expected = GROUPS * (DATA_PER_GROUP + 1);
        if (values.size() != expected) {
            throw ShareRejected.of(ShareRejected.Reason.MALFORMED, values.size() + " symbols instead of " + expected);
        }
        int[] data = new int[GROUPS * DATA_PER_GROUP];
        List<Integer> badGroups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            int[] group = new int[DATA_PER_GROUP];
            for (int i = 0; i < DATA_PER_GROUP; i++) group[i] = values.get(g * (DATA_PER_GROUP + 1) + i);
            int check = values.get(g * (DATA_PER_GROUP + 1) + DATA_PER_GROUP);
            if (checkOf(g + 1, group) != check) badGroups.add(g + 1);
            System.arraycopy(group, 0, data, g * DATA_PER_GROUP, DATA_PER_GROUP);
        }
        if (!badGroups.isEmpty()) throw ShareRejected.badGroups(badGroups);
        return fromSymbols(data);
    }

    private static int valueOf(char c) {
        char u = Character.toUpperCase(c);
        if (u == 'O') return 0;
        if (u == 'I' || u == 'L') return 1;
        return ALPHABET.indexOf(u);
    }

    static int checkOf(int groupNumber, int[] group) {
        int check = groupNumber & 31;
        int coefficient = 1;
        for (int s : group) {
            coefficient = multiply(coefficient, 2); // α, α², α³, α⁴: distinct and never 1 (the check's own coefficient)
            check ^= multiply(coefficient, s);
        }
        return check;
    }

    /** Multiplication in GF(32) = GF(2)[x]/(x⁵+x²+1). */
    static int multiply(int a, int b) {
        int product = 0;
        for (int i = 0; i < 5; i++) {
            if ((b & 1) != 0) product ^= a;
            b >>= 1;
            a <<= 1;
            if ((a & 0x20) != 0) a ^= 0x25;
        }
        return product;
    }

    private static int[] toSymbols(byte[] bytes) {
        int[] symbols = new int[bytes.length * 8 / 5];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                symbols[n++] = (buffer >>> (bits - 5)) & 31;
                bits -= 5;
            }
        }
        return symbols;
    }

    private static byte[] fromSymbols(int[] symbols) {
        byte[] bytes = new byte[symbols.length * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int s : symbols) {
            buffer = (buffer << 5) | s;
            bits += 5;
            if (bits >= 8) {
                bytes[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return bytes;
    }
}
