package kioskvote.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One sealed poll's storage key: every sealed ballot of the poll is stored wrapped in it (AES-256-GCM,
 * bound to the poll id), on top of its HPKE sealing to the committee's box key.
 *
 * Why a second layer: after the count the committee's cards still exist, so a sealed row that lingers in
 * a free page of the database file (or PostgreSQL's WAL, or a backup) could be opened with them, in the
 * order it was cast. The storage key is kept apart from the database and destroyed at the count: what
 * lingers is then noise to anyone, cards or not, and the count needs no rewrite of the whole database
 * (docs/security.md, "After the count").
 */
public final class StorageKey implements AutoCloseable {
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String LABEL = "kioskvote/box-storage/v1\n";

    private final byte[] key;

    private StorageKey(byte[] key) {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("a storage key is 32 bytes");
        this.key = key;
    }

    public static StorageKey generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new StorageKey(key);
    }

    /** Takes a copy of stored key bytes. */
    public static StorageKey of(byte[] stored) {
        return new StorageKey(stored.clone());
    }

    /** A copy of the key, for the store that keeps it apart from the database; the caller zeroes it. */
    public byte[] bytes() {
        return key.clone();
    }

    /** nonce(12) || AES-256-GCM(sealed) with the poll id as associated data. */
    public byte[] wrap(String pollId, byte[] sealed, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return wrapWithNonce(pollId, sealed, nonce);
    }

    /** For the known-answer test: the nonce given. */
    byte[] wrapWithNonce(String pollId, byte[] sealed, byte[] nonce) {
        byte[] body = aesGcm(Cipher.ENCRYPT_MODE, key, nonce, associatedData(pollId), sealed);
        byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + body.length);
        System.arraycopy(body, 0, wrapped, NONCE_BYTES, body.length);
        return wrapped;
    }

    /** @throws SealBroken if the bytes were not wrapped with this key for this poll, or were changed */
    public byte[] unwrap(String pollId, byte[] wrapped) {
        if (wrapped.length < NONCE_BYTES + TAG_BITS / 8) throw new SealBroken("a wrapped ballot is too short");
        return aesGcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(wrapped, NONCE_BYTES), associatedData(pollId),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length));
    }

    private static byte[] associatedData(String pollId) {
        return (LABEL + pollId).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-GCM with a 128-bit tag (ciphertext || tag), as NIST SP 800-38D; the known-answer test calls it directly. */
    static byte[] aesGcm(int mode, byte[] key, byte[] nonce, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SealBroken("not wrapped with this poll's storage key, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "StorageKey[…]";
    }
}
