package kioskvote.token;

import java.util.Objects;

/**
 * Checks that a token was printed by this meeting's key. Whether it was issued, voided or
 * already spent is the store's question, not this class's.
 */
public final class TokenVerifier {
    private final MeetingKey key;
    private final String meetingId;
    private final int meetingTag;

    public TokenVerifier(MeetingKey key, String meetingId) {
        this.key = Objects.requireNonNull(key, "key");
        this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
        this.meetingTag = Token.meetingTagOf(meetingId);
    }

    /** @throws TokenRejected MALFORMED, OTHER_MEETING or BAD_SIGNATURE */
    public Token verify(String encoded) {
        Token token = TokenCodec.decode(encoded);
        if (token.meetingTag() != meetingTag) {
            throw new TokenRejected(TokenRejected.Reason.OTHER_MEETING);
        }
        if (!key.verify(Token.signedMessage(meetingId, token.serial()), token.signature())) {
            throw new TokenRejected(TokenRejected.Reason.BAD_SIGNATURE);
        }
        return token;
    }
}
