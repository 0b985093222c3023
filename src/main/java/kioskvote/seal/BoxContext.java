package kioskvote.seal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a sealed ballot is bound to: the meeting, the poll and the hash of the poll definition frozen
 * when the poll opened. It is HPKE's {@code info}, so a ciphertext moved to another poll, another
 * meeting, or a poll whose definition was changed after the opening does not open.
 */
public record BoxContext(String meetingId, String pollId, String definitionHash) {
    private static final String LABEL = "kioskvote sealed ballot v1";

    public BoxContext {
        if (meetingId == null || meetingId.isEmpty()) throw new IllegalArgumentException("meetingId is empty");
        if (pollId == null || pollId.isEmpty()) throw new IllegalArgumentException("pollId is empty");
        if (definitionHash == null || definitionHash.isEmpty()) throw new IllegalArgumentException("definitionHash is empty");
    }

    /** Length-prefixed fields, so ("a", "bc") and ("ab", "c") give different bytes. */
    byte[] info() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {LABEL, meetingId, pollId, definitionHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
