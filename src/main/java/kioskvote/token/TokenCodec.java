package kioskvote.token;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Writes a token as digits only, so the slip's QR code can use numeric mode (3.33 bits per
 * character) and the whole slip URL fits a version-6 code at error correction M.
 * Layout: tag(2) || serial(16) || signature(64) = 82 bytes, read as one unsigned big-endian
 * integer, in decimal, zero-padded to 198 digits (2^656 has 198 digits).
 */
public final class TokenCodec {
    public static final int ENCODED_LENGTH = 198;

    private static final int TAG_BYTES = 2;
    private static final int RAW_BYTES = TAG_BYTES + Token.SERIAL_BYTES + Token.SIGNATURE_BYTES;

    private TokenCodec() {
    }

    public static String encode(Token token) {
        ByteBuffer raw = ByteBuffer.allocate(RAW_BYTES);
        raw.putShort((short) token.meetingTag());
        raw.put(token.serial());
        raw.put(token.signature());
        String digits = new BigInteger(1, raw.array()).toString();
        return "0".repeat(ENCODED_LENGTH - digits.length()) + digits;
    }

    /** @throws TokenRejected MALFORMED unless the input is exactly 198 ASCII digits below 2^656 */
    public static Token decode(String encoded) {
        if (encoded == null) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        String digits = encoded.strip();
        if (digits.length() != ENCODED_LENGTH) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        }
        BigInteger value = new BigInteger(digits);
        if (value.bitLength() > RAW_BYTES * 8) throw new TokenRejected(TokenRejected.Reason.MALFORMED);

        byte[] magnitude = value.toByteArray(); // may carry a leading sign byte, or be shorter than 82
        byte[] raw = new byte[RAW_BYTES];
        int copy = Math.min(magnitude.length, RAW_BYTES);
        System.arraycopy(magnitude, magnitude.length - copy, raw, RAW_BYTES - copy, copy);

        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int tag = buffer.getShort() & 0xFFFF;
        byte[] serial = new byte[Token.SERIAL_BYTES];
        byte[] signature = new byte[Token.SIGNATURE_BYTES];
        buffer.get(serial).get(signature);
        return new Token(serial, tag, signature);
    }
}
