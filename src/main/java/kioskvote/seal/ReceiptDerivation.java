package kioskvote.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two values derived from a voter's receipt secret, independently of each other:
 * <ul>
 * <li>the <b>retry proof</b>, stored beside the sealed ballot so that a retry after a lost answer
 *     (same slip, same secret) is told "already counted": HMAC-SHA256(secret, "kioskvote/retry-proof/v1");</li>
 * <li>the <b>receipt code</b>, shown to the voter and published after the count, which lives only inside
 *     the sealed ballot until then: the first 40 bits of HMAC-SHA256(secret, "kioskvote/receipt-code/v1"),
 *     as XXXX-XXXX in Crockford base32.</li>
 * </ul>
 * Two HMACs under different labels are independent pseudo-random values of a 120-bit secret: the
 * stored proof says nothing about the receipt code (the earlier scheme made the code a prefix of the
 * stored proof), and the published code says nothing about the proof.
 */
public final class ReceiptDerivation {
    private static final String ALPHABET = ShareCode.ALPHABET;
    private static final byte[] PROOF_LABEL = "kioskvote/retry-proof/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE_LABEL = "kioskvote/receipt-code/v1".getBytes(StandardCharsets.US_ASCII);

    private ReceiptDerivation() {
    }

    /** The retry proof, 64 hex digits. */
    public static String retryProof(String secret) {
        return HexFormat.of().formatHex(hmac(secret, PROOF_LABEL));
    }

    /** The receipt code, XXXX-XXXX. */
    public static String receiptCode(String secret) {
        byte[] mac = hmac(secret, CODE_LABEL);
        long bits = 0;
        for (int i = 0; i < 5; i++) bits = (bits << 8) | (mac[i] & 0xFF);
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt((int) ((bits >>> (35 - 5 * i)) & 31)));
        }
        return code.toString();
    }

    private static byte[] hmac(String secret, byte[] label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
