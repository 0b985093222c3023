package kioskvote.token;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The public name of a token in the commitment and the election record: SHA-256 over a fixed label,
 * the meeting id and the serial. It names a slip without giving what is needed to vote with it (the
 * signature), and nobody can find the serial from it (128 random bits behind a hash).
 */
public final class TokenHash {
    private static final String LABEL = "kioskvote-token-hash-v1\n";

    private TokenHash() {
    }

    /** @param serialHex the serial as 32 lowercase hex digits ({@link Token#serialHex()}) */
    public static String of(String meetingId, String serialHex) {
        return HexFormat.of().formatHex(MeetingKey.sha256((LABEL + meetingId + "\n" + serialHex).getBytes(StandardCharsets.UTF_8)));
    }
}
