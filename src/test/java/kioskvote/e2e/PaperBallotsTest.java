package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * Paper ballots entered twice by two tellers against the station in this JVM (kioskvote/StationExtension): the first
 * entry waits, a disagreement is listed and nothing is counted, the corrected entry is accepted, paper and phone
 * ballots are counted together and the minutes say how many came on paper (docs/rules.md, "Paper ballots").
 */
class PaperBallotsTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();

    static final String MOTION = "bieu-quyet-quy-che";

    static Map<String, Object> entry(String teller, List<String> codes, List<String> votes) {
        List<Object> ballots = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ballots.add(Map.of("code", codes.get(i), "answers", Map.of("motion", votes.get(i) == null ? List.of() : List.of(votes.get(i)))));
        }
        return Map.of("batch", "to-1", "teller", teller, "ballots", ballots);
    }

    @Test
    void aPaperBatchEnteredTwiceWithOneDisagreementIsAcceptedOnlyOnceTheEntriesAgree() throws Exception {
        Api api = new Api(station.url(), station.passphrase());
        List<String> tokens = api.issueTokens(6);
        List<String> codes = tokens.stream().map(t -> FullConfidenceVoteTest.shortCodeOf(api, t)).toList();
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
        assertEquals(200, api.cast(MOTION, tokens.get(0), Map.of("motion", List.of("agree")), Receipts.random()).status());
        String batches = "/api/admin/polls/" + MOTION + "/paper-batches";
        List<String> paper = codes.subList(1, 6);
        List<String> votes = java.util.Arrays.asList("agree", "agree", "disagree", "abstain", null);

        JsonNode first = api.adminPost(batches, entry("Phạm Thị Hoa", paper, votes)).json();
        assertEquals("WAITING_FOR_SECOND_ENTRY", first.path("state").asText());
        List<String> misread = java.util.Arrays.asList("agree", "agree", "agree", "abstain", null); // the third ballot misread
        JsonNode second = api.adminPost(batches, entry("Đỗ Minh Khang", paper, misread)).json();
        assertEquals("DIFFERENCES", second.path("state").asText());
        assertEquals(1, second.path("differences").size());
        assertEquals(codes.get(3), second.path("differences").get(0).path("code").asText(), "the ballot to recount");
        assertEquals(1, api.get("/api/polls/" + MOTION).json().path("cast").asInt(), "nothing counted while the entries differ");

        Api.Reply third = api.adminPost(batches, entry("Vũ Ngọc Lan", paper, votes));
        assertEquals("two_tellers_already", third.errorCode());
        Api.Reply badOption = api.adminPost(batches, entry("Đỗ Minh Khang", paper, java.util.Arrays.asList("yes", null, null, null, null)));
        assertEquals(400, badOption.status());
        assertEquals("unknown_option", badOption.errorCode());

        JsonNode corrected = api.adminPost(batches, entry("Đỗ Minh Khang", paper, votes)).json();
        assertEquals("ACCEPTED", corrected.path("state").asText(), corrected.toString());
        assertEquals(6, api.get("/api/polls/" + MOTION).json().path("cast").asInt(), "1 phone + 5 paper");
        assertEquals("batch_already_accepted", api.adminPost(batches, entry("Phạm Thị Hoa", paper, votes)).errorCode());
        assertEquals("token_already_used", api.cast(MOTION, tokens.get(2), Map.of("motion", List.of("agree")), Receipts.random()).errorCode(),
                "a paper ballot spends its slip like an electronic one");

        Map<String, Object> usedSlip = Map.of("batch", "to-2", "teller", "Phạm Thị Hoa",
                "ballots", List.of(Map.of("code", codes.get(0), "answers", Map.of("motion", List.of("agree")))));
        api.adminPost(batches, usedSlip);
        Api.Reply refused = api.adminPost(batches, Map.of("batch", "to-2", "teller", "Đỗ Minh Khang", "ballots", usedSlip.get("ballots")));
        assertEquals("slips_refused", refused.errorCode(), "a slip already used on a phone cannot vote again on paper");
        assertEquals(6, api.get("/api/polls/" + MOTION).json().path("cast").asInt());

        assertEquals(200, api.closeAndCount(MOTION).status());
        JsonNode minutes = api.adminGet("/api/admin/polls/" + MOTION + "/minutes.json").json();
        assertEquals(5, minutes.path("onPaper").asInt());
        JsonNode q = minutes.path("questions").get(0);
        assertEquals(3, q.path("options").get(0).path("count").asInt(), "agree: 1 phone + 2 paper");
        assertEquals(1, q.path("options").get(1).path("count").asInt());
        assertEquals(1, q.path("options").get(2).path("count").asInt());
        assertEquals(1, q.path("invalid").asInt());
        assertTrue(q.path("passed").asBoolean() == false, "3 of 6 is not more than half");
        String page = api.adminGet("/api/admin/polls/" + MOTION + "/minutes").body();
        assertTrue(page.contains("Trong đó phiếu giấy (Ban kiểm phiếu nhập)</th><td class=\"num\" id=\"on-paper\">5<"), "the minutes say how many came on paper");
    }
}
