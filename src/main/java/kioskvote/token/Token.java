package kioskvote.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A one-time ballot token: a random serial, the meeting it belongs to (as a 16-bit tag) and the
 * meeting key's signature. Whoever holds the token may cast one ballot, so it never appears in
 * {@link #toString()}, logs or exception messages.
 */
public record Token(byte[] serial, int meetingTag, byte[] signature) {
    public static final int SERIAL_BYTES = 16;
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] MESSAGE_PREFIX = "kioskvote-token-v1\n".getBytes(StandardCharsets.UTF_8);

    public Token {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(signature, "signature");
        if (serial.length != SERIAL_BYTES) throw new IllegalArgumentException("serial must be 16 bytes");
        if (signature.length != SIGNATURE_BYTES) throw new IllegalArgumentException("signature must be 64 bytes");
        if (meetingTag < 0 || meetingTag > 0xFFFF) throw new IllegalArgumentException("meeting tag must fit 2 bytes");
        serial = serial.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] serial() {
        return serial.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The serial as 32 lowercase hex digits: the key the store files a spent token under. */
    public String serialHex() {
        return HexFormat.of().formatHex(serial);
    }

    /** First two bytes of SHA-256(UTF-8 meeting id), unsigned: tells a slip from another meeting at a glance. */
    public static int meetingTagOf(String meetingId) {
        byte[] digest = MeetingKey.sha256(meetingId.getBytes(StandardCharsets.UTF_8));
        return ((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF);
    }

    /** The bytes the meeting key signs: "kioskvote-token-v1\n" + meetingId + "\n" + serial. */
    static byte[] signedMessage(String meetingId, byte[] serial) {
        byte[] id = (meetingId + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(MESSAGE_PREFIX, MESSAGE_PREFIX.length + id.length + serial.length);
        System.arraycopy(id, 0, message, MESSAGE_PREFIX.length, id.length);
        System.arraycopy(serial, 0, message, MESSAGE_PREFIX.length + id.length, serial.length);
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token that
                && meetingTag == that.meetingTag
                && MessageDigest.isEqual(serial, that.serial)
                && MessageDigest.isEqual(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * meetingTag + Arrays.hashCode(serial)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Token[…]";
    }
}
