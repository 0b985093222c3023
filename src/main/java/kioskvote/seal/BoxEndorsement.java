package kioskvote.seal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the meeting key signs when a sealed poll opens: the poll's box key in its context (meeting, poll,
 * definition hash). Every sealing (the station's and the voter's page) and the count check this signature
 * against the meeting key, so a box key swapped in the database is refused instead of sealed to
 * (docs/security.md, "Sealed on the device"). Length-prefixed fields, as BoxContext's info; public/seal.js
 * builds the same bytes.
 */
public final class BoxEndorsement {
    private static final String LABEL = "kioskvote box key v1";

    private BoxEndorsement() {
    }

    public static byte[] message(BoxContext context, BallotBoxKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {LABEL, context.meetingId(), context.pollId(), context.definitionHash(), key.hex()}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
