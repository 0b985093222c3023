package kioskvote.token;

import java.security.SecureRandom;
import java.util.Objects;

/** Mints ballot tokens for one meeting: a random 128-bit serial signed by the meeting key. */
public final class TokenIssuer {
    private final MeetingKey key;
    private final String meetingId;
    private final int meetingTag;
    private final SecureRandom random;

    public TokenIssuer(MeetingKey key, String meetingId, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
        this.meetingTag = Token.meetingTagOf(meetingId);
        this.random = Objects.requireNonNull(random, "random");
    }

    public Token issue() {
        byte[] serial = new byte[Token.SERIAL_BYTES];
        random.nextBytes(serial);
        return new Token(serial, meetingTag, key.sign(Token.signedMessage(meetingId, serial)));
    }
}
