package kioskvote.token;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A slip's secret: 128 random bits, printed in the fragment of the slip's URL ({@code /V#digits}, which a
 * browser never sends) and nowhere else. The voter's page derives from it the slip's signing key
 * ({@link SlipKey}) and the short code ({@link ShortCode}); the station stores neither the secret nor the
 * key, only a keyed hash of the public key and a slow keyed hash of the code (docs/security.md). It never
 * appears in {@link #toString()}, logs or exception messages.
 */
public record Token(byte[] secret) {
    public static final int SECRET_BYTES = 16;
    /** 2^128 has 39 decimal digits: the slip's QR code holds them in numeric mode. */
    public static final int ENCODED_LENGTH = 39;

    public Token {
        Objects.requireNonNull(secret, "secret");
        if (secret.length != SECRET_BYTES) throw new IllegalArgumentException("a slip secret is 16 bytes");
        secret = secret.clone();
    }

    public static Token random(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Token(secret);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The secret as 39 decimal digits (zero-padded, big-endian): what follows '#' in the slip's URL. */
    public String encoded() {
        String digits = new BigInteger(1, secret).toString();
        return "0".repeat(ENCODED_LENGTH - digits.length()) + digits;
    }

    /** @throws TokenRejected MALFORMED unless the input is exactly 39 ASCII digits below 2^128 */
    public static Token decode(String encoded) {
        if (encoded == null) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        String digits = encoded.strip();
        if (digits.length() != ENCODED_LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        }
        BigInteger value = new BigInteger(digits);
        if (value.bitLength() > SECRET_BYTES * 8) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        byte[] magnitude = value.toByteArray();
        byte[] secret = new byte[SECRET_BYTES];
        int copy = Math.min(magnitude.length, SECRET_BYTES);
        System.arraycopy(magnitude, magnitude.length - copy, secret, SECRET_BYTES - copy, copy);
        return new Token(secret);
    }

    /** The slip's Ed25519 key pair, derived from the secret as the voter's page derives it. */
    public SlipKey slipKey() {
        return SlipKey.derive(secret);
    }

    /** The short code printed under the QR code (derived from the secret, never stored). */
    public String shortCode() {
        return ShortCode.of(secret);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "Token[…]";
    }
}
