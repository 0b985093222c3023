package kioskvote.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll commits to when it opens, before any ballot: one fingerprint (SHA-256) over the text
 * <pre>
 * kioskvote commitment v1
 * meeting: demo-2026
 * poll: tin-nhiem
 * poll-definition-sha256: …   (the frozen definition, meeting/PollDefinition)
 * meeting-public-key: …        (Ed25519, hex: the key that signs the slips and the record)
 * box-public-key: none | …     (the sealed ballot box's key, hex, when the poll is sealed)
 * box-signature: none | …      (the meeting key's signature of that box key in its context, seal/BoxEndorsement, hex)
 * tokens: N
 * </pre>
 * followed by N lines, the hashes (token/TokenHash) of the slips issued and not voided at the open, in
 * ascending order. That text is the record's commitment.txt. Slips issued later are not in it: their
 * hashes go into the audit chain as they are issued ("tokens-issued"), and `verify` accepts a spent token
 * that is in either place (docs/record.md).
 */
public record Commitment(String meetingId, String pollId, String definitionSha256, String meetingPublicKeyHex,
                         Optional<String> boxPublicKeyHex, Optional<String> boxSignatureHex, long tokens) {
    public static final String FIRST_LINE = "kioskvote commitment v2";
    public static final int HEADER_LINES = 8;

    public Commitment {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(definitionSha256, "definitionSha256");
        Objects.requireNonNull(meetingPublicKeyHex, "meetingPublicKeyHex");
        Objects.requireNonNull(boxPublicKeyHex, "boxPublicKeyHex");
        Objects.requireNonNull(boxSignatureHex, "boxSignatureHex");
        if (tokens < 0) throw new IllegalArgumentException("tokens cannot be negative");
    }

    /** The header, every line ending in "\n", exactly as hashed. */
    public String header() {
        return FIRST_LINE + "\n"
                + "meeting: " + meetingId + "\n"
                + "poll: " + pollId + "\n"
                + "poll-definition-sha256: " + definitionSha256 + "\n"
                + "meeting-public-key: " + meetingPublicKeyHex + "\n"
                + "box-public-key: " + boxPublicKeyHex.orElse("none") + "\n"
                + "box-signature: " + boxSignatureHex.orElse("none") + "\n"
                + "tokens: " + tokens + "\n";
    }

    /** The fingerprint of this header followed by the token hashes (ascending). */
    public String fingerprint(Iterable<String> sortedTokenHashes) {
        LinesDigest digest = new LinesDigest().addText(header());
        sortedTokenHashes.forEach(digest::add);
        return digest.hex();
    }

    /**
     * Reads the header's eight lines back.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static Commitment parse(List<String> lines) {
        if (lines.size() < HEADER_LINES || !FIRST_LINE.equals(lines.get(0))) {
            throw new IllegalArgumentException("line 1: expected \"" + FIRST_LINE + "\"");
        }
        String[] keys = {"meeting", "poll", "poll-definition-sha256", "meeting-public-key", "box-public-key", "box-signature", "tokens"};
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            String line = lines.get(i + 1);
            String prefix = keys[i] + ": ";
            if (!line.startsWith(prefix)) throw new IllegalArgumentException("line " + (i + 2) + ": expected \"" + prefix + "…\"");
            values.put(keys[i], line.substring(prefix.length()));
        }
        long tokens;
        try {
            tokens = Long.parseLong(values.get("tokens"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + HEADER_LINES + ": tokens is not a number");
        }
        return new Commitment(values.get("meeting"), values.get("poll"), values.get("poll-definition-sha256"),
                values.get("meeting-public-key"), orNone(values.get("box-public-key")), orNone(values.get("box-signature")), tokens);
    }

    private static Optional<String> orNone(String value) {
        return "none".equals(value) ? Optional.empty() : Optional.of(value);
    }
}
