package kioskvote.token;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A slip's Ed25519 key pair: seed = HKDF-SHA256(secret, salt "kioskvote-slip-v1", info "slip-key", 32 bytes),
 * the RFC 8032 private key. The voter's page (public/slip.js) derives the same pair and signs the cast with
 * it; the station knows only a keyed hash of the public half, and a public key signs nothing.
 */
public final class SlipKey {
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private SlipKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    static SlipKey derive(byte[] secret) {
        byte[] seed = Hkdf.derive(secret, Hkdf.SLIP_SALT, "slip-key", Ed25519PrivateKeyParameters.KEY_SIZE);
        try {
            return new SlipKey(new Ed25519PrivateKeyParameters(seed, 0));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as 64 lowercase hex digits: what the phone's pages carry in their path. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The public key from 64 hex digits, or MALFORMED. */
    public static byte[] parsePublicKey(String hex) {
        return parseHex(hex, PUBLIC_KEY_BYTES);
    }

    /** A signature from 128 hex digits, or MALFORMED. */
    public static byte[] parseSignature(String hex) {
        return parseHex(hex, SIGNATURE_BYTES);
    }

    private static byte[] parseHex(String hex, int bytes) {
        if (hex == null || hex.length() != 2 * bytes) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        }
    }

    /** True if {@code signature} is the slip key's signature of {@code message}; never an exception. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            return MeetingKey.verify(publicKey, message, signature);
        } catch (IllegalArgumentException notAPoint) { // 32 bytes that are no point of the curve (a hostile client)
            return false;
        }
    }

    @Override
    public String toString() {
        return "SlipKey[…]";
    }
}
