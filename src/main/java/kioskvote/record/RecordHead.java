package kioskvote.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kioskvote.audit.Sha256;

/**
 * The head of a poll's record, fixed at the close (for a sealed poll, at the count) and shown then on the
 * projector and in the minutes: its hash covers the commitment, every ballot, every spent token, the
 * figures and tally published, and the audit chain up to the close. A record that lost a ballot, even one
 * re-signed with the meeting key and recomputed throughout, has another head (and another count): that
 * is what `verify --count N --head HASH` compares with what the room saw. The text is the record's head.txt:
 * <pre>
 * kioskvote record head v2
 * meeting: … / poll: … / commitment-sha256: … / ballots: N / ballots-sha256: … / receipts-sha256: … / spent-tokens: N /
 * spent-tokens-sha256: … / counts-sha256: … / tally-sha256: … / audit-at-close: …
 * </pre>
 */
public record RecordHead(String meetingId, String pollId, String commitmentSha256, long ballots, String ballotsSha256, String receiptsSha256,
                         long spentTokens, String spentTokensSha256, String countsSha256, String tallySha256, String auditAtClose) {
    public static final String FIRST_LINE = "kioskvote record head v2";
    private static final List<String> KEYS = List.of("meeting", "poll", "commitment-sha256", "ballots", "ballots-sha256",
            "receipts-sha256", "spent-tokens", "spent-tokens-sha256", "counts-sha256", "tally-sha256", "audit-at-close");

    public RecordHead {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(commitmentSha256, "commitmentSha256");
        Objects.requireNonNull(ballotsSha256, "ballotsSha256");
        Objects.requireNonNull(receiptsSha256, "receiptsSha256");
        Objects.requireNonNull(spentTokensSha256, "spentTokensSha256");
        Objects.requireNonNull(countsSha256, "countsSha256");
        Objects.requireNonNull(tallySha256, "tallySha256");
        Objects.requireNonNull(auditAtClose, "auditAtClose");
    }

    public String text() {
        return FIRST_LINE + "\n"
                + "meeting: " + meetingId + "\n"
                + "poll: " + pollId + "\n"
                + "commitment-sha256: " + commitmentSha256 + "\n"
                + "ballots: " + ballots + "\n"
                + "ballots-sha256: " + ballotsSha256 + "\n"
                + "receipts-sha256: " + receiptsSha256 + "\n"
                + "spent-tokens: " + spentTokens + "\n"
                + "spent-tokens-sha256: " + spentTokensSha256 + "\n"
                + "counts-sha256: " + countsSha256 + "\n"
                + "tally-sha256: " + tallySha256 + "\n"
                + "audit-at-close: " + auditAtClose + "\n";
    }

    /** The head hash: SHA-256 of {@link #text()}, lowercase hex. */
    public String hash() {
        return Sha256.hex(text());
    }

    /** "ab12 cd34 …": the head as the projector and the minutes show it, in groups of four. */
    public static String grouped(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) out.append(' ');
            out.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException naming the line that is wrong */
    public static RecordHead parse(List<String> lines) {
        if (lines.size() != KEYS.size() + 1 || !FIRST_LINE.equals(lines.get(0))) {
            throw new IllegalArgumentException("expected \"" + FIRST_LINE + "\" and " + KEYS.size() + " lines");
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            String prefix = KEYS.get(i) + ": ";
            if (!lines.get(i + 1).startsWith(prefix)) throw new IllegalArgumentException("line " + (i + 2) + ": expected \"" + prefix + "…\"");
            v.put(KEYS.get(i), lines.get(i + 1).substring(prefix.length()));
        }
        try {
            return new RecordHead(v.get("meeting"), v.get("poll"), v.get("commitment-sha256"), Long.parseLong(v.get("ballots")),
                    v.get("ballots-sha256"), v.get("receipts-sha256"), Long.parseLong(v.get("spent-tokens")), v.get("spent-tokens-sha256"), v.get("counts-sha256"),
                    v.get("tally-sha256"), v.get("audit-at-close"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a count is not a number");
        }
    }
}
