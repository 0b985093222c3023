package kioskvote.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a slip key signs to cast: "kioskvote-cast-v1\n" + meeting id + "\n" + poll id + "\n" + hex SHA-256 of
 * the cast's body. The body is the cast's fields as "name=value" lines (poll, receipt, and one q.QUESTION=OPTION
 * per mark, as the ballot form posts them), sorted by UTF-16 code units and joined by "\n": the page builds it
 * from its form (public/slip.js), the station from the request. A ballot sealed on the device has no marks or
 * receipt on the air: its body is "poll=", "proof=" (the retry proof) and "sealed-sha256=" (hex SHA-256 of the
 * sealed bytes), sorted the same way (public/ballot-device.js). A signature thus authorises this one cast in
 * this one poll: seen on the air, it casts nothing else.
 */
public final class CastStatement {
    private static final String PREFIX = "kioskvote-cast-v1\n";

    private CastStatement() {
    }

    public static byte[] of(String meetingId, String pollId, Map<String, List<String>> marks, String receipt) {
        return statement(meetingId, pollId, body(pollId, marks, receipt));
    }

    /** The statement of a cast sealed on the device: the retry proof and the sealed bytes' digest, no mark. */
    public static byte[] ofSealed(String meetingId, String pollId, String proof, byte[] sealed) {
        return statement(meetingId, pollId, sealedBody(pollId, proof, sealed));
    }

    private static byte[] statement(String meetingId, String pollId, String body) {
        String digest = HexFormat.of().formatHex(MeetingKey.sha256(body.getBytes(StandardCharsets.UTF_8)));
        return (PREFIX + meetingId + "\n" + pollId + "\n" + digest).getBytes(StandardCharsets.UTF_8);
    }

    static String sealedBody(String pollId, String proof, byte[] sealed) {
        List<String> lines = new ArrayList<>(List.of("poll=" + pollId, "proof=" + proof,
                "sealed-sha256=" + HexFormat.of().formatHex(MeetingKey.sha256(sealed))));
        lines.sort(null);
        return String.join("\n", lines);
    }

    static String body(String pollId, Map<String, List<String>> marks, String receipt) {
        List<String> lines = new ArrayList<>();
        lines.add("poll=" + pollId);
        lines.add("receipt=" + receipt);
        marks.forEach((question, options) -> {
            if (options != null) for (String option : options) lines.add("q." + question + "=" + option);
        });
        lines.sort(null);
        return String.join("\n", lines);
    }
}
