package kioskvote.seal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * The public key of one poll's ballot box: the only half the station stores. Anyone holding it can
 * seal a ballot; only the private key, recombined from the committee's shares, opens one.
 */
public final class BallotBoxKey {
    private final byte[] publicKey;

    public BallotBoxKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != BoxCipher.KEY_BYTES) throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        this.publicKey = publicKey.clone();
    }

    public static BallotBoxKey fromHex(String hex) {
        return new BallotBoxKey(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return publicKey.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /**
     * The first four bytes of SHA-256 of the public key: carried in every share, so a share of another
     * poll's box is refused before any recombination. Not a security boundary (the recombined key is
     * checked against the whole public key), only a fast, clear refusal.
     */
    public int fingerprint() {
        byte[] hash = sha256(publicKey);
        return ((hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
    }

    /** The fingerprint as printed on a share card and in the minutes: eight hex digits. */
    public String fingerprintText() {
        return String.format("%08X", fingerprint());
    }

    /** Seals a ballot's plaintext to this box: {@code enc || ciphertext}, a fresh ephemeral key each time. */
    public byte[] seal(byte[] plaintext, BoxContext context) {
        HPKE hpke = BoxCipher.hpke();
        HPKEContextWithEncapsulation sender = hpke.setupBaseS(new X25519PublicKeyParameters(publicKey, 0), context.info());
        return assemble(sender, plaintext);
    }

    /** For the known-answer test: seals with a given ephemeral key pair (RFC 9180's ikmE). */
    byte[] sealWithEphemeral(byte[] plaintext, byte[] info, byte[] aad, byte[] ephemeralIkm) {
        HPKE hpke = BoxCipher.hpke();
        HPKEContextWithEncapsulation sender = hpke.setupBaseS(new X25519PublicKeyParameters(publicKey, 0), info, hpke.deriveKeyPair(ephemeralIkm));
        try {
            byte[] ciphertext = sender.seal(aad, plaintext);
            return concat(sender.getEncapsulation(), ciphertext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AEAD sealing failed", e);
        }
    }

    private static byte[] assemble(HPKEContextWithEncapsulation sender, byte[] plaintext) {
        try {
            return concat(sender.getEncapsulation(), sender.seal(new byte[0], plaintext));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AEAD sealing failed", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Constant-time comparison of two public keys. */
    public boolean sameKey(byte[] other) {
        return other != null && MessageDigest.isEqual(publicKey, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BallotBoxKey k && sameKey(k.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "BallotBoxKey[" + fingerprintText() + "]";
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
