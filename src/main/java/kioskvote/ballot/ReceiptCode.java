package kioskvote.ballot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The receipt a voter keeps, and the secret behind it.
 *
 * The voter's page chooses a random <em>receipt secret</em> (120 bits, never shown) and sends it with
 * the ballot. The station keeps only its SHA-256 (the <em>proof</em>) and shows the voter the
 * <em>receipt code</em>, the first 40 bits of that hash (XXXX-XXXX), which is published after the
 * close so anyone can check theirs was counted. A retry after a lost answer carries the same secret,
 * so the station can say "already counted" to the one page that knows it, and to no one else: a code
 * glimpsed on a screen or read from the public list does not give the secret.
 */
public final class ReceiptCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final Pattern SECRET = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}");

    private ReceiptCode() {
    }

    /** A fresh receipt secret, as a voter's page (or the server rendering the form) chooses it. */
    public static String randomSecret(SecureRandom random) {
        StringBuilder secret = new StringBuilder(29);
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) secret.append('-');
            secret.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return secret.toString();
    }

    public static String requireSecret(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) throw new BallotRejected(BallotRejected.Code.BAD_RECEIPT);
        return secret;
    }

    /** A receipt code as shown and published (XXXX-XXXX). */
    public static String requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) throw new BallotRejected(BallotRejected.Code.BAD_RECEIPT);
        return code;
    }

    /** What the station stores to recognise a retry: SHA-256 of the secret, hex. */
    public static String proofOf(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** The code the voter sees and finds in the public list: the first 40 bits of the proof. */
    public static String codeOf(String secret) {
        byte[] hash = sha256(secret);
        long bits = 0;
        for (int i = 0; i < 5; i++) bits = (bits << 8) | (hash[i] & 0xFF);
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt((int) ((bits >>> (35 - 5 * i)) & 31)));
        }
        return code.toString();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
