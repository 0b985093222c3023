package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * The demo meeting's new kinds of poll over HTTP against the station in this JVM (kioskvote/StationExtension): a
 * 30-voter election with a tie, its next round surviving a restart (the station stopped and started again on
 * its data); a practice round followed by the real polls with the same slips; the two-level confidence vote.
 * Figures computed by hand from docs/rules.md.
 */
class ElectionAndPracticeTest {
    static final Path DEMO = Path.of("kiosk-config/demo");
    static final String ELECTION = "bau-cu-bch-cong-doan";

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();

    /** The 30 election ballots: c1 = 24, c2 = 20, c3 = 17, c4 = 17, c5 = 5; one over the limit, one blank. */
    static List<List<String>> electionBallots() {
        List<List<String>> ballots = new ArrayList<>();
        ballots.addAll(Collections.nCopies(10, List.of("c1", "c2", "c3")));
        ballots.addAll(Collections.nCopies(7, List.of("c1", "c2", "c4")));
        ballots.addAll(Collections.nCopies(3, List.of("c1", "c3", "c4")));
        ballots.addAll(Collections.nCopies(4, List.of("c1", "c4", "c5")));
        ballots.addAll(Collections.nCopies(3, List.of("c2", "c3", "c4")));
        ballots.add(List.of("c3", "c5"));
        ballots.add(List.of("c1", "c2", "c3", "c4")); // four names kept for three seats: invalid
        ballots.add(List.of()); // every name crossed out: blank, invalid
        return ballots;
    }

    @Test
    void aThirtyVoterElectionWithATieGetsASecondRoundThatSurvivesARestart() throws Exception {
        String passphrase;
        List<String> tokens;
        passphrase = station.passphrase();
        Api api = new Api(station.url(), passphrase);
        tokens = api.issueTokens(30);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of()).status());
        List<List<String>> ballots = electionBallots();
        for (int i = 0; i < 30; i++) {
            Api.Reply reply = api.cast(ELECTION, tokens.get(i), Map.of("election", ballots.get(i)), Receipts.random());
            assertEquals(200, reply.status(), reply.body());
        }
        Api.Reply tooMany = api.cast(ELECTION, api.issueTokens(1).get(0),
                Map.of("election", List.of("c1", "c2", "c3", "c4", "c5", "c6")), Receipts.random());
        assertEquals("unknown_option", tooMany.errorCode(), "a name not on the ballot is refused at the door");
        assertEquals(409, api.adminPost("/api/admin/polls/" + ELECTION + "/next-round", Map.of()).status(), "not before the close");
        assertEquals(200, api.closeAndCount(ELECTION).status());

        JsonNode minutes = api.adminGet("/api/admin/polls/" + ELECTION + "/minutes.json").json();
        JsonNode election = minutes.path("election");
        assertEquals(30, election.path("received").asInt());
        assertEquals(28, election.path("valid").asInt());
        assertEquals(1, election.path("blank").asInt());
        assertEquals(1, election.path("overLimit").asInt());
        Map<String, JsonNode> byId = new TreeMap<>();
        election.path("ranked").forEach(c -> byId.put(c.path("id").asText(), c));
        assertEquals(24, byId.get("c1").path("votes").asInt());
        assertEquals("80.00", byId.get("c1").path("percent").asText());
        assertEquals(20, byId.get("c2").path("votes").asInt());
        assertEquals(17, byId.get("c3").path("votes").asInt());
        assertEquals(17, byId.get("c4").path("votes").asInt());
        assertEquals(5, byId.get("c5").path("votes").asInt());
        assertEquals("ELECTED", byId.get("c1").path("outcome").asText());
        assertEquals("ELECTED", byId.get("c2").path("outcome").asText());
        assertEquals("TIED", byId.get("c3").path("outcome").asText(), "17 = 17 for the last seat: never broken silently");
        assertEquals("TIED", byId.get("c4").path("outcome").asText());
        assertEquals("NO_MAJORITY", byId.get("c5").path("outcome").asText());
        assertTrue(election.path("tie").asBoolean());
        assertEquals(1, election.path("remainingSeats").asInt());

        String page = api.adminGet("/api/admin/polls/" + ELECTION + "/minutes").body();
        assertTrue(page.contains("Những người trúng cử: Đặng Thu Hà, Bùi Quốc Huy."), "the outcome in words");
        assertTrue(page.contains("Bằng phiếu ở vị trí cuối (không ai trong số họ trúng cử): Ngô Thị Lệ, Trịnh Văn Minh."));

        Api.Reply next = api.adminPost("/api/admin/polls/" + ELECTION + "/next-round", Map.of());
        assertEquals(201, next.status(), next.body());
        assertEquals(ELECTION + "-vong-2", next.json().path("pollId").asText());
        assertEquals(1, next.json().path("seats").asInt());
        assertEquals("c3,c4", next.json().path("candidates").findValuesAsText("id").stream().reduce((a, b) -> a + "," + b).orElse(""));
        assertEquals("second_round_exists", api.adminPost("/api/admin/polls/" + ELECTION + "/next-round", Map.of()).errorCode());

        station.restart(); // stopped and started again on its data
        api = new Api(station.url(), passphrase);
        String round2 = ELECTION + "-vong-2";
        assertEquals("draft", api.get("/api/polls/" + round2).json().path("state").asText(), "the next round is still there after a restart");
        assertEquals(200, api.adminPost("/api/admin/polls/" + round2 + "/open", Map.of()).status());
        for (int i = 0; i < 30; i++) {
            List<String> kept = i < 18 ? List.of("c3") : i < 29 ? List.of("c4") : List.of(); // the last crosses out both
            Api.Reply reply = api.cast(round2, tokens.get(i), Map.of("election", kept), Receipts.random());
            assertEquals(200, reply.status(), "the same slips vote again in the next round: " + reply.body());
        }
        assertEquals(200, api.closeAndCount(round2).status());
        JsonNode secondRound = api.adminGet("/api/admin/polls/" + round2 + "/minutes.json").json().path("election");
        assertEquals(29, secondRound.path("valid").asInt());
        assertEquals(1, secondRound.path("blank").asInt());
        assertEquals("c3", secondRound.path("ranked").get(0).path("id").asText());
        assertEquals("ELECTED", secondRound.path("ranked").get(0).path("outcome").asText(), "18 of 30: 36 > 30");
        assertEquals("NO_MAJORITY", secondRound.path("ranked").get(1).path("outcome").asText(), "11 of 30");
        assertEquals(0, secondRound.path("remainingSeats").asInt());
    }

    @Test
    void aPracticeRoundThenTheRealPollsWithTheSameSlipsAndATwoLevelConfidenceVote() throws Exception {
        Api api = new Api(station.url(), station.passphrase());
        List<String> tokens = api.issueTokens(5);
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/bo-phieu-thu/open", Map.of()).status());
        assertTrue(api.get("/api/polls/bo-phieu-thu").json().path("practice").asBoolean());
        for (String token : tokens) {
            assertEquals(200, api.cast("bo-phieu-thu", token, Map.of("motion", List.of("agree")), Receipts.random()).status());
        }
        assertEquals("token_already_used", api.cast("bo-phieu-thu", tokens.get(0), Map.of("motion", List.of("agree")),
                Receipts.random()).errorCode(), "a practice poll spends a slip once, like any poll");
        assertEquals(200, api.closeAndCount("bo-phieu-thu").status());
        assertEquals("practice_has_no_minutes", api.adminGet("/api/admin/polls/bo-phieu-thu/minutes.json").errorCode());
        assertEquals(409, api.adminGet("/api/admin/polls/bo-phieu-thu/minutes.csv").status());
        assertEquals(409, api.adminGet("/api/admin/polls/bo-phieu-thu/minutes").status());
        assertEquals(409, api.get("/api/polls/bo-phieu-thu/results").status());
        assertEquals(409, api.get("/api/polls/bo-phieu-thu/record").status(), "no election record of a practice poll");
        String chair = api.get("/chair?poll=bo-phieu-thu").body();
        assertTrue(chair.contains("practice-tag") && chair.contains("Bỏ phiếu thử"), "the chair's screen says practice");

        assertEquals(200, api.adminPost("/api/admin/polls/bo-phieu-tin-nhiem/open", Map.of()).status());
        String[] votes = {"trust", "distrust", "distrust", "distrust", null};
        for (int i = 0; i < tokens.size(); i++) {
            Api.Reply reply = api.cast("bo-phieu-tin-nhiem", tokens.get(i),
                    Map.of("s1", votes[i] == null ? List.of() : List.of(votes[i])), Receipts.random());
            assertEquals(200, reply.status(), "a slip spent in the practice is good for the real poll: " + reply.body());
        }
        assertEquals(200, api.closeAndCount("bo-phieu-tin-nhiem").status());
        JsonNode minutes = api.adminGet("/api/admin/polls/bo-phieu-tin-nhiem/minutes.json").json();
        assertEquals("CONFIDENCE_VOTE", minutes.path("poll").path("kind").asText());
        JsonNode subject = minutes.path("questions").get(0);
        assertEquals(2, subject.path("options").size(), "two levels, not the three of the rating");
        assertEquals("trust", subject.path("options").get(0).path("id").asText());
        assertEquals(1, subject.path("options").get(0).path("count").asInt());
        assertEquals(3, subject.path("options").get(1).path("count").asInt());
        assertEquals("60.00", subject.path("options").get(1).path("percent").asText());
        assertEquals(1, subject.path("invalid").asInt());
        assertEquals("DISTRUST_MORE_THAN_HALF", subject.path("flags").get(0).path("code").asText(), "2·3 > 5");
        String page = api.adminGet("/api/admin/polls/bo-phieu-tin-nhiem/minutes").body();
        assertTrue(page.contains("Không tín nhiệm: 3 phiếu (60,00%)"));
        assertFalse(page.contains("Tín nhiệm cao"), "the rating's words are not on a confidence vote");
        assertFalse(page.contains("Bỏ phiếu thử (làm quen"), "the practice poll is in no minutes (only its open and close"
                + " events stay in the annex's audit log, whose hash chain must be whole to be checked)");
    }
}
