package kioskvote.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key derived from the meeting's private key for one purpose ("short-code",
 * "kiosk-visit"). The database stores only these hashes, so a copy of it alone cannot turn one back into
 * what was hashed, nor compute the hash of a guess: the key is in the key file, never in the database.
 */
public final class KeyedHash {
    private final SecretKeySpec key;

    private KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The key for {@code purpose}: HMAC-SHA256(meeting private key, "kioskvote-keyed-hash-v1\n" + purpose). */
    public static KeyedHash of(MeetingKey meetingKey, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return new KeyedHash(meetingKey.derive(("kioskvote-keyed-hash-v1\n" + purpose).getBytes(StandardCharsets.UTF_8)));
    }

    /** A key given as is (known-answer tests). */
    static KeyedHash ofRawKey(byte[] key) {
        return new KeyedHash(key.clone());
    }

    /** The hash of the UTF-8 text, as 64 lowercase hex digits. */
    public String hex(String text) {
        return HexFormat.of().formatHex(hmac(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[…]";
    }
}
