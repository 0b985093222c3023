package kioskvote.seal;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * One poll's ballot-box key pair, held in memory only: from the opening until its private key is
 * split among the counting committee, and from the recombination of their shares until the count.
 * {@link #close()} zeroes the private key bytes this object holds; use it in try-with-resources.
 * (BouncyCastle's own key object, made for each {@link #open}, keeps a copy until it is garbage
 * collected; docs/security.md says what that means.)
 */
public final class BoxKeyPair implements AutoCloseable {
    private final byte[] privateKey;
    private final BallotBoxKey publicKey;
    private boolean closed;

    private BoxKeyPair(byte[] privateKey) {
        this.privateKey = privateKey;
        X25519PrivateKeyParameters params = new X25519PrivateKeyParameters(privateKey, 0);
        this.publicKey = new BallotBoxKey(params.generatePublicKey().getEncoded());
    }

    /** A fresh key pair from the station's random source. */
    public static BoxKeyPair generate(SecureRandom random) {
        byte[] privateKey = new byte[BoxCipher.KEY_BYTES];
        random.nextBytes(privateKey);
        return new BoxKeyPair(privateKey);
    }

    /** RFC 9180's DeriveKeyPair (for the known-answer test). */
    static BoxKeyPair derive(byte[] ikm) {
        AsymmetricCipherKeyPair pair = BoxCipher.hpke().deriveKeyPair(ikm);
        return new BoxKeyPair(((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded());
    }

    /** Takes ownership of {@code privateKey} (it is zeroed by {@link #close()}). */
    static BoxKeyPair ofPrivateKey(byte[] privateKey) {
        if (privateKey.length != BoxCipher.KEY_BYTES) throw new IllegalArgumentException("an X25519 private key is 32 bytes");
        return new BoxKeyPair(privateKey);
    }

    public BallotBoxKey publicKey() {
        return publicKey;
    }

    /** A copy of the private key, for the splitter; the caller zeroes it. */
    byte[] privateKeyCopy() {
        requireOpen();
        return privateKey.clone();
    }

    /**
     * Opens one sealed ballot. Throws {@link SealBroken} if it was not sealed to this box with this
     * context, or was altered.
     */
    public byte[] open(byte[] sealed, BoxContext context) {
        return open(sealed, context.info(), new byte[0]);
    }

    byte[] open(byte[] sealed, byte[] info, byte[] aad) {
        requireOpen();
        if (sealed == null || sealed.length < BoxCipher.ENC_BYTES + BoxCipher.TAG_BYTES) throw new SealBroken("too short to be a sealed ballot");
        HPKE hpke = BoxCipher.hpke();
        AsymmetricCipherKeyPair recipient = new AsymmetricCipherKeyPair(
                new X25519PublicKeyParameters(publicKey.bytes(), 0), new X25519PrivateKeyParameters(privateKey, 0));
        byte[] enc = Arrays.copyOfRange(sealed, 0, BoxCipher.ENC_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, BoxCipher.ENC_BYTES, sealed.length);
        try {
            return hpke.setupBaseR(enc, recipient, info).open(aad, ciphertext);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new SealBroken("the sealed ballot does not open with this box key and context");
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the box key pair was closed (its private key is zeroed)");
    }

    /** Zeroes the private key. */
    @Override
    public void close() {
        Arrays.fill(privateKey, (byte) 0);
        closed = true;
    }

    /** True once {@link #close()} ran; for tests. */
    boolean isZeroed() {
        for (byte b : privateKey) if (b != 0) return false;
        return closed;
    }

    @Override
    public String toString() {
        return "BoxKeyPair[" + publicKey.fingerprintText() + "]"; // never the private key
    }
}
