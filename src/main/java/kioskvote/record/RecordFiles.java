package kioskvote.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The files of an election record (a zip) and the exact form of their lines (docs/record.md). */
public final class RecordFiles {
    public static final String FORMAT = "kioskvote-record-v2";

    public static final String MEETING = "meeting.json";
    public static final String POLL = "poll.json";
    public static final String COMMITMENT = "commitment.txt";
    public static final String BALLOTS = "ballots.jsonl";
    public static final String RECEIPTS = "receipts.txt";
    public static final String SPENT_TOKENS = "spent-tokens.txt";
    public static final String COUNTS = "counts.json";
    public static final String TALLY = "tally.json";
    public static final String AUDIT = "audit.jsonl";
    public static final String HEAD = "head.txt";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    /**
     * A sealed poll's record only: how many ballots were sealed on voters' devices, how many at the station, and how
     * many the count found unreadable (docs/record.md). Listed and signed in the manifest; not recomputable from
     * the ballots, which by design do not say where each was sealed.
     */
    public static final String SEALING = "sealing.json";

    /** Every file the manifest lists, in the order the zip holds them. */
    public static final List<String> SIGNED = List.of(MEETING, POLL, COMMITMENT, BALLOTS, RECEIPTS, SPENT_TOKENS, COUNTS, TALLY, AUDIT, HEAD);

    /** Strict: a value followed by anything but white space is not JSON. */
    static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RecordFiles() {
    }

    /**
     * One line of ballots.jsonl: the answers exactly as the station stored them (canonical JSON), and nothing
     * else. The lines are sorted by this text and receipts.txt lists the codes apart, sorted too: a receipt
     * code proves a ballot was counted, never what it says (docs/security.md, "Receipts").
     */
    public static String ballotLine(String answersJson) {
        return answersJson;
    }

    /** One line of audit.jsonl: an audit chain entry with everything its hash covers. */
    public static String auditLine(long seq, String at, String event, String detail, String prevHash, String hash) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("at", at);
        line.put("event", event);
        line.put("detail", detail);
        line.put("prevHash", prevHash);
        line.put("hash", hash);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit line is plain data", e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is plain data", e);
        }
    }
}
