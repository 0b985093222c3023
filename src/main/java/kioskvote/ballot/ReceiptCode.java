package kioskvote.ballot;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import kioskvote.seal.ReceiptDerivation;

/**
 * The receipt a voter keeps, and the secret behind it.
 *
 * The voter's page chooses a random <em>receipt secret</em> (120 bits, never shown) and sends it with
 * the ballot. From it the station derives, independently, the <em>retry proof</em> it stores and the
 * <em>receipt code</em> (XXXX-XXXX) the voter keeps, which is published after the count so anyone can
 * check theirs was counted; knowing one says nothing about the other. In a sealed poll the code is
 * stored only inside the sealed ballot until the count. A retry after a lost answer carries the same secret,
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

    /**
     * What the station stores to recognise a retry: HMAC-SHA256 of the secret under its own label, hex
     * (kioskvote.seal.ReceiptDerivation). It says nothing about the receipt code.
     */
    public static String proofOf(String secret) {
        return ReceiptDerivation.retryProof(secret);
    }

    /** The code the voter sees and finds in the public list: 40 bits of an HMAC of the secret under another label. */
    public static String codeOf(String secret) {
        return ReceiptDerivation.receiptCode(secret);
    }
}
