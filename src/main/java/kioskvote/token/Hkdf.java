package kioskvote.token;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) with the slip's fixed salt: how the page and the station derive from a slip secret. */
final class Hkdf {
    /** The salt of every derivation from a slip secret; slip.js uses the same. */
    static final byte[] SLIP_SALT = "kioskvote-slip-v1".getBytes(StandardCharsets.UTF_8);

    private Hkdf() {
    }

    static byte[] derive(byte[] ikm, byte[] salt, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
