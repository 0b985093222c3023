package kioskvote.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll commits to when it opens, before any ballot: one fingerprint (SHA-256) over the text
 * <pre>
 * kioskvote commitment v2
 * meeting: demo-2026
 * poll: tin-nhiem
 * poll-definition-sha256: …   (the frozen definition, meeting/PollDefinition)
 * meeting-public-key: …        (Ed25519, hex: the key that signs the slips and the record)
 * box-public-key: none | …     (the sealed ballot box's key, hex, when the poll is sealed)
 * box-signature: none | …      (the meeting key's signature of that box key in its context, seal/BoxEndorsement, hex)
 * ballot-page-sha256: …       (the page hash of the phone's ballot page, record/BallotPage; absent before it was committed)
 * tokens: N
 * </pre>
 * followed by N lines, the hashes (token/TokenHash) of the slips issued and not voided at the open, in
 * ascending order. That text is the record's commitment.txt. Slips issued later are not in it: their
 * hashes go into the audit chain as they are issued ("tokens-issued"), and `verify` accepts a spent token
 * that is in either place (docs/record.md).
 */
public record Commitment(String meetingId, String pollId, String definitionSha256, String meetingPublicKeyHex,
                         Optional<String> boxPublicKeyHex, Optional<String> boxSignatureHex, long tokens,
                         Optional<String> ballotPageSha256) {
    public static final String FIRST_LINE = "kioskvote commitment v2";
    /** The most lines a header has; a commitment made before the page hash was committed has one fewer. */
    public static final int MAX_HEADER_LINES = 9;
    private static final String PAGE_KEY = "ballot-page-sha256";

    public Commitment {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(definitionSha256, "definitionSha256");
        Objects.requireNonNull(meetingPublicKeyHex, "meetingPublicKeyHex");
        Objects.requireNonNull(boxPublicKeyHex, "boxPublicKeyHex");
        Objects.requireNonNull(boxSignatureHex, "boxSignatureHex");
        Objects.requireNonNull(ballotPageSha256, "ballotPageSha256");
        if (tokens < 0) throw new IllegalArgumentException("tokens cannot be negative");
    }

    /** A commitment without the ballot page's hash (as the station made them before it committed one). */
    public Commitment(String meetingId, String pollId, String definitionSha256, String meetingPublicKeyHex,
                      Optional<String> boxPublicKeyHex, Optional<String> boxSignatureHex, long tokens) {
        this(meetingId, pollId, definitionSha256, meetingPublicKeyHex, boxPublicKeyHex, boxSignatureHex, tokens, Optional.empty());
    }

    /** An unsealed poll's commitment (no box key, no signature of one). */
    public Commitment(String meetingId, String pollId, String definitionSha256, String meetingPublicKeyHex,
                      Optional<String> boxPublicKeyHex, long tokens, Optional<String> ballotPageSha256) {
        this(meetingId, pollId, definitionSha256, meetingPublicKeyHex, boxPublicKeyHex, Optional.empty(), tokens, ballotPageSha256);
    }

    /** How many lines the header has: the token hashes start after them. */
    public int headerLines() {
        return ballotPageSha256.isPresent() ? MAX_HEADER_LINES : MAX_HEADER_LINES - 1;
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
                + ballotPageSha256.map(page -> PAGE_KEY + ": " + page + "\n").orElse("")
                + "tokens: " + tokens + "\n";
    }

    /** The fingerprint of this header followed by the token hashes (ascending). */
    public String fingerprint(Iterable<String> sortedTokenHashes) {
        LinesDigest digest = new LinesDigest().addText(header());
        sortedTokenHashes.forEach(digest::add);
        return digest.hex();
    }

    /**
     * Reads the header back from its first lines (eight, or nine with the ballot page's hash; more may follow).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static Commitment parse(List<String> lines) {
        if (lines.size() < MAX_HEADER_LINES - 1 || !FIRST_LINE.equals(lines.get(0))) {
            throw new IllegalArgumentException("line 1: expected \"" + FIRST_LINE + "\"");
        }
        boolean page = lines.get(7).startsWith(PAGE_KEY + ": ");
        if (page && lines.size() < MAX_HEADER_LINES) throw new IllegalArgumentException("line 9: expected \"tokens: …\"");
        List<String> keys = new ArrayList<>(List.of("meeting", "poll", "poll-definition-sha256", "meeting-public-key", "box-public-key",
                "box-signature"));
        if (page) keys.add(PAGE_KEY);
        keys.add("tokens");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String line = lines.get(i + 1);
            String prefix = keys.get(i) + ": ";
            if (!line.startsWith(prefix)) throw new IllegalArgumentException("line " + (i + 2) + ": expected \"" + prefix + "…\"");
            values.put(keys.get(i), line.substring(prefix.length()));
        }
        long tokens;
        try {
            tokens = Long.parseLong(values.get("tokens"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + (keys.size() + 1) + ": tokens is not a number");
        }
        return new Commitment(values.get("meeting"), values.get("poll"), values.get("poll-definition-sha256"),
                values.get("meeting-public-key"), orNone(values.get("box-public-key")), orNone(values.get("box-signature")), tokens,
                Optional.ofNullable(values.get(PAGE_KEY)));
    }

    private static Optional<String> orNone(String value) {
        return "none".equals(value) ? Optional.empty() : Optional.of(value);
    }
}
