package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * The demo conference end to end over HTTP: 41 slips printed, one voided, 40 attendees present,
 * 40 ballots with some subjects left unrated, then the minutes checked against figures computed by
 * hand from docs/rules.md. The station runs in this JVM ({@link StationExtension}).
 */
class FullConfidenceVoteTest {
    static final Path DEMO = Path.of("kiosk-config/demo");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    /** Voter i's level for each subject (null = left unrated), built so the counts below hold. */
    static Map<String, List<String>> ballotOf(int i) {
        Map<String, List<String>> marks = new TreeMap<>();
        marks.put("s1", List.of(i < 37 ? "high" : i < 39 ? "medium" : "low"));
        marks.put("s2", i < 30 ? List.of("high") : i < 36 ? List.of("medium") : i < 38 ? List.of("low") : List.of());
        marks.put("s3", i < 10 ? List.of("high") : i < 17 ? List.of("medium") : i < 38 ? List.of("low") : List.of());
        if (i < 39) marks.put("s4", List.of(i < 3 ? "high" : i < 12 ? "medium" : "low")); // voter 39 leaves s4 out entirely
        return marks;
    }

    @Test
    void fortyVotersGiveTheMinutesComputedByHand() throws Exception {
        station.start();
        Api api = station.api();
        List<String> tokens = api.issueTokens(41);
        assertEquals(200, api.adminPost("/api/admin/slips/void", Map.of("code", shortCodeOf(api, tokens.get(40)))).status());
        Api.Reply belowQuorum = api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
        assertEquals("quorum_not_met", belowQuorum.errorCode(), "0 of 40 present: the chair is warned first");
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());

        Set<String> receipts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String receipt = Receipts.random();
            Api.Reply reply = api.cast("tin-nhiem", tokens.get(i), ballotOf(i), receipt);
            assertEquals(200, reply.status(), reply.body());
            assertEquals(Receipts.codeOf(receipt), reply.json().path("receipt").asText());
            receipts.add(Receipts.codeOf(receipt));
        }
        assertEquals(40, api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
        assertEquals(409, api.get("/api/polls/tin-nhiem/results").status(), "no results before the close");
        assertEquals(200, api.closeCountAndShow("tin-nhiem").status());

        JsonNode minutes = api.adminGet("/api/admin/polls/tin-nhiem/minutes.json").json();
        JsonNode counts = minutes.path("counts");
        assertEquals(40, counts.path("summoned").asInt());
        assertEquals(40, counts.path("present").asInt());
        assertEquals(40, counts.path("issued").asInt());
        assertEquals(40, counts.path("received").asInt());
        assertEquals(1, counts.path("voided").asInt());

        expectSubject(minutes, "s1", "Nguyễn Văn An", 40, 0, 37, "92.50", 2, "5.00", 1, "2.50", List.of());
        expectSubject(minutes, "s2", "Trần Thị Bình", 38, 2, 30, "75.00", 6, "15.00", 2, "5.00", List.of());
        expectSubject(minutes, "s3", "Lê Hoàng Cường", 38, 2, 10, "25.00", 7, "17.50", 21, "52.50", List.of("LOW_MORE_THAN_HALF"));
        expectSubject(minutes, "s4", "Hoàng Thị Dung", 39, 1, 3, "7.50", 9, "22.50", 27, "67.50", List.of("LOW_TWO_THIRDS_OR_MORE"));

        Set<String> published = new HashSet<>();
        api.get("/api/polls/tin-nhiem/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        assertEquals(receipts, published, "every voter finds their receipt in the public list");
        assertTrue(minutes.path("keyFingerprint").asText().matches("([0-9A-F]{4} ){7}[0-9A-F]{4}"));
        assertEquals(64, minutes.path("pollDefinitionHash").asText().length());

        int recounted = 0;
        for (JsonNode ballot : api.get("/api/polls/tin-nhiem/ballots").json().path("ballots")) {
            if (ballot.path("s3").toString().equals("[\"low\"]")) recounted++;
        }
        assertEquals(21, recounted, "the anonymous ballot export recounts to the minutes");

        String page = api.adminGet("/api/admin/polls/tin-nhiem/minutes").body();
        assertTrue(page.contains("Nguyễn Văn An") && page.contains("92,50%") && page.contains("Phạm Thị Hoa"), "printable minutes");
        String csv = api.adminGet("/api/admin/polls/tin-nhiem/minutes.csv").body();
        assertTrue(csv.startsWith("\uFEFF"), "CSV starts with a BOM for Excel");
    }

    @Test
    void aMotionPassesWithMoreThanHalfOfBallotsReceived() throws Exception {
        station.start();
        Api api = station.api();
        List<String> tokens = api.issueTokens(5);
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", Map.of()).status());
        String[] votes = {"agree", "agree", "agree", "disagree", "abstain"};
        for (int i = 0; i < votes.length; i++) {
            assertEquals(200, api.cast("bieu-quyet-quy-che", tokens.get(i), Map.of("motion", List.of(votes[i])), Receipts.random()).status());
        }
        api.closeCountAndShow("bieu-quyet-quy-che");
        JsonNode motion = api.get("/api/polls/bieu-quyet-quy-che/results").json().path("questions").get(0);
        assertTrue(motion.path("passed").asBoolean(), motion.toString());
        assertEquals("60.00", motion.path("options").get(0).path("percent").asText());
    }

    static void expectSubject(JsonNode minutes, String id, String name, int valid, int invalid,
                              int high, String highPct, int medium, String mediumPct, int low, String lowPct, List<String> flags) {
        JsonNode q = null;
        for (JsonNode question : minutes.path("questions")) if (question.path("id").asText().equals(id)) q = question;
        assertEquals(name, q.path("title").asText());
        assertEquals(40, q.path("received").asInt(), id + " received");
        assertEquals(valid, q.path("valid").asInt(), id + " valid");
        assertEquals(invalid, q.path("invalid").asInt(), id + " invalid");
        Map<String, JsonNode> options = new TreeMap<>();
        q.path("options").forEach(o -> options.put(o.path("id").asText(), o));
        assertEquals(high, options.get("high").path("count").asInt(), id + " high");
        assertEquals(highPct, options.get("high").path("percent").asText(), id + " high %");
        assertEquals(medium, options.get("medium").path("count").asInt(), id + " medium");
        assertEquals(mediumPct, options.get("medium").path("percent").asText(), id + " medium %");
        assertEquals(low, options.get("low").path("count").asInt(), id + " low");
        assertEquals(lowPct, options.get("low").path("percent").asText(), id + " low %");
        List<String> actualFlags = new ArrayList<>();
        q.path("flags").forEach(f -> actualFlags.add(f.path("code").asText()));
        assertEquals(flags, actualFlags, id + " flags");
    }

    static String shortCodeOf(Api api, String token) {
        return kioskvote.token.Token.decode(kioskvote.token.TestSlips.secretOf(token)).shortCode();
    }
}
