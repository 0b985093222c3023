package kioskvote.seal;

import org.bouncycastle.crypto.hpke.HPKE;

/**
 * The one HPKE suite of the sealed ballot box (RFC 9180): DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-128-GCM, base mode. A sealed ballot is {@code enc (32 bytes) || AEAD ciphertext}.
 * A new HPKE object per use: BouncyCastle's is cheap to make and not documented as thread-safe.
 */
final class BoxCipher {
    static final int KEY_BYTES = 32;
    static final int ENC_BYTES = 32;
    static final int TAG_BYTES = 16;

    private BoxCipher() {
    }

    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    }
}
