package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * Refusals over HTTP: bad tokens, bad input, wrong state, wrong passphrase. One station (in this JVM) for the
 * class, with the confidence poll open; each test takes slips of its own and compares before and after, so none
 * depends on what another test did. The lock-out of wrong passphrases, which would lock the others out, has a
 * station of its own.
 */
class TokenAndInputRefusalTest {
    static final Map<String, List<String>> FULL_BALLOT = Map.of("s1", List.of("high"), "s2", List.of("medium"),
            "s3", List.of("low"), "s4", List.of("high"));

    @RegisterExtension
    static final StationExtension STATION = StationExtension.inProcess();
    @RegisterExtension
    final StationExtension ownStation = StationExtension.inProcess().startedByTheTest();
    final Api api = STATION.api();

    @BeforeAll
    static void openTheConfidencePoll() {
        Api api = STATION.api();
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
    }

    /** A slip issued just now, not yet used in any poll. */
    String freshToken() {
        return api.issueTokens(1).get(0);
    }

    @Test
    void aReusedTokenIsRefusedWithoutRevealingTheBallot() {
        String token = freshToken();
        assertEquals(200, api.cast("tin-nhiem", token, FULL_BALLOT, Receipts.random()).status());
        Api.Reply again = api.cast("tin-nhiem", token, Map.of("s1", List.of("low")), Receipts.random());
        assertEquals(409, again.status());
        assertEquals("token_already_used", again.errorCode());
        assertEquals("Phiếu này đã được dùng để bỏ phiếu — hãy đến bàn Ban kiểm phiếu.", again.json().path("error").path("message").path("vi").asText());
        assertFalse(again.body().contains("high") || again.body().contains("medium"), "nothing of the earlier ballot");
    }

    @Test
    void aRetryOfAnAcceptedBallotIsToldItWasCounted() {
        String token = freshToken();
        String receipt = Receipts.random();
        assertEquals(200, api.cast("tin-nhiem", token, FULL_BALLOT, receipt).status());
        Api.Reply retry = api.cast("tin-nhiem", token, FULL_BALLOT, receipt);
        assertEquals(200, retry.status(), retry.body());
        assertTrue(retry.json().path("alreadyCounted").asBoolean());
        assertEquals(Receipts.codeOf(receipt), retry.json().path("receipt").asText());
    }

    @Test
    void theFrontPageTheTerminalQrOpensNamesTheMeetingAndLeadsToTheChairAndAdminPages() {
        Api.Reply home = api.get("/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Hội nghị lấy phiếu tín nhiệm") && home.body().contains("href=\"/chair\"")
                && home.body().contains("href=\"/admin\""), home.body());
    }

    @Test
    void onlyThePageThatHoldsTheReceiptSecretIsToldItsBallotWasCounted() {
        String voterToken = freshToken();
        String secret = Receipts.random();
        assertEquals(200, api.cast("tin-nhiem", voterToken, FULL_BALLOT, secret).status());
        // Someone who saw the receipt code (or any other secret) learns nothing by replaying a spent token.
        String otherSpent = freshToken();
        assertEquals(200, api.cast("tin-nhiem", otherSpent, Map.of("s1", List.of("low")), Receipts.random()).status());
        assertEquals("token_already_used", api.cast("tin-nhiem", otherSpent, FULL_BALLOT, Receipts.random()).errorCode());
        assertEquals("token_already_used", api.cast("tin-nhiem", voterToken, FULL_BALLOT, Receipts.random()).errorCode());
        assertTrue(api.cast("tin-nhiem", voterToken, FULL_BALLOT, secret).json().path("alreadyCounted").asBoolean());
    }

    @Test
    void forgedTruncatedAndOtherMeetingTokensAreRefusedEachWithItsOwnError() {
        String token = freshToken();
        String key = kioskvote.token.TestSlips.keyOf(token);
        // The slip's key with no signature (a page without JavaScript), or with another slip's signature.
        assertRefused(key, 403, "token_unsigned");
        String receipt = Receipts.random();
        String otherSlips = kioskvote.token.TestSlips.sign(freshToken(), api.meetingId(), "tin-nhiem", FULL_BALLOT, receipt);
        Api.Reply forged = api.post("/api/polls/tin-nhiem/ballots", Map.of("slipKey", key, "signature", otherSlips,
                "answers", FULL_BALLOT, "receipt", receipt));
        assertEquals(403, forged.status(), forged.body());
        assertEquals("token_bad_signature", forged.errorCode(), forged.body());
        assertRefused(key.substring(0, 40), 400, "token_malformed");
        assertRefused("not-a-token", 400, "token_malformed");

        // A slip whose key is well formed and signs its cast, but was never issued: refused too.
        assertRefused(kioskvote.token.Token.random(new SecureRandom()).encoded(), 403, "token_not_issued");

        // The genuine token was not spent by any of this.
        assertEquals(200, api.cast("tin-nhiem", token, FULL_BALLOT, Receipts.random()).status());
    }

    @Test
    void aVoidedSlipCannotVote() {
        String token = freshToken();
        String code = FullConfidenceVoteTest.shortCodeOf(api, token);
        assertEquals(200, api.adminPost("/api/admin/slips/void", Map.of("code", code.toLowerCase())).status());
        assertRefused(token, 403, "token_voided");
    }

    @Test
    void voidingTheRestOfARunKeepsTheSlipsThatVotedAndRefusesTheOthers() {
        Api.Reply run = api.adminPost("/api/admin/slips", Map.of("count", 3, "format", "json"));
        List<String> stack = new ArrayList<>();
        run.json().path("slips").forEach(s -> stack.add(s.path("url").asText().replaceAll(".*#", "")));
        assertEquals(200, api.cast("tin-nhiem", stack.get(0), FULL_BALLOT, Receipts.random()).status());
        Api.Reply voided = api.adminPost("/api/admin/slips/void-run", Map.of("batchId", run.json().path("batchId").asText()));
        assertEquals(2, voided.json().path("voided").asInt(), voided.body());
        assertRefused(stack.get(1), 403, "token_voided");
        assertEquals("unknown_slip", api.adminPost("/api/admin/slips/void-run", Map.of("batchId", "nope")).errorCode());
    }

    void assertRefused(String token, int status, String code) {
        Api.Reply reply = api.cast("tin-nhiem", token, FULL_BALLOT, Receipts.random());
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.errorCode());
        assertFalse(reply.json().path("error").path("message").path("en").asText().isBlank());
    }

    @Test
    void twoHundredConcurrentUsesOfOneTokenAcceptExactlyOne() throws Exception {
        String token = freshToken();
        int before = api.get("/api/polls/tin-nhiem").json().path("cast").asInt();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Callable<Api.Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Api client = STATION.anonymousApi();
                attempts.add(() -> client.cast("tin-nhiem", token, FULL_BALLOT, Receipts.random()));
            }
            int accepted = 0;
            int alreadyUsed = 0;
            for (Future<Api.Reply> f : pool.invokeAll(attempts)) {
                Api.Reply r = f.get();
                if (r.status() == 200) accepted++;
                else if ("token_already_used".equals(r.errorCode())) alreadyUsed++;
                else throw new AssertionError("unexpected answer " + r.status() + " " + r.body());
            }
            assertEquals(1, accepted);
            assertEquals(199, alreadyUsed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
    }

    static Stream<Arguments> badInputs() {
        String ok = "{\"slipKey\":\"%s\",\"answers\":{\"s1\":[\"high\"]},\"receipt\":\"ABCD-EFGH-JKMN-PQRS-TVWX-YZ01\"}";
        return Stream.of(
                Arguments.of("malformed JSON", "/api/polls/tin-nhiem/ballots", "{\"token\": ", 400, "bad_json"),
                Arguments.of("JSON of the wrong shape", "/api/polls/tin-nhiem/ballots", "[1,2,3]", 400, "bad_json"),
                Arguments.of("an empty body", "/api/polls/tin-nhiem/ballots", "", 400, "bad_json"),
                Arguments.of("an oversize body", "/api/polls/tin-nhiem/ballots", "{\"token\":\"" + "9".repeat(70_000) + "\"}", 413, "body_too_large"),
                Arguments.of("a missing receipt", "/api/polls/tin-nhiem/ballots", "{\"slipKey\":\"%s\",\"answers\":{}}", 400, "missing_field"),
                Arguments.of("a receipt of the wrong form", "/api/polls/tin-nhiem/ballots", ok.replace("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01", "ABCD-EFGH"), 400, "bad_receipt"),
                Arguments.of("an unknown subject", "/api/polls/tin-nhiem/ballots", ok.replace("\"s1\"", "\"s9\""), 400, "unknown_question"),
                Arguments.of("an unknown option", "/api/polls/tin-nhiem/ballots", ok.replace("\"high\"", "\"maybe\""), 400, "unknown_option"),
                Arguments.of("two levels for one subject", "/api/polls/tin-nhiem/ballots", ok.replace("[\"high\"]", "[\"high\",\"low\"]"), 400, "too_many_marks"),
                Arguments.of("an unknown poll", "/api/polls/no-such-poll/ballots", ok, 404, "unknown_poll"),
                Arguments.of("a poll not open yet", "/api/polls/bieu-quyet-quy-che/ballots",
                        "{\"slipKey\":\"%s\",\"answers\":{\"motion\":[\"agree\"]},\"receipt\":\"ABCD-EFGH-JKMN-PQRS-TVWX-YZ01\"}", 409, "poll_not_open"));
    }

    @ParameterizedTest(name = "{0} is refused with {3} {4}")
    @MethodSource("badInputs")
    void badInputIsRefusedAndChangesNothing(String what, String path, String bodyTemplate, int status, String code) {
        String token = freshToken();
        JsonNode before = api.get("/api/polls").json();
        Api.Reply reply = post(path, bodyTemplate.contains("%s") ? bodyTemplate.formatted(kioskvote.token.TestSlips.keyOf(token)) : bodyTemplate);
        assertEquals(status, reply.status(), what + ": " + reply.body());
        assertEquals(code, reply.errorCode(), what);
        assertEquals(before, api.get("/api/polls").json(), what + " changed the turnout");
        assertEquals(200, api.cast("tin-nhiem", token, FULL_BALLOT, Receipts.random()).status(), what + " spent the token");
    }

    /**
     * A body over the limit is refused on its declared length, before a byte of it is read, and the connection is cut
     * after the answer (web/ConnectionCutter). So it is declared here and not pushed: an HTTP client still pushing it
     * when the cut arrives may drop the answer it had (seen once beside a CPU hog). A pushed body is ChunkedBodyCutOffTest's.
     */
    private Api.Reply post(String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= kioskvote.web.HttpServerLimits.MAX_BODY_BYTES) return api.postRaw(path, body, false);
        try {
            RawHttp.Answer answer = RawHttp.exchange(STATION.url(), RawHttp.head("POST", path, STATION.url(),
                    "Content-Type: application/json", "Content-Length: " + bytes.length), new byte[0]);
            return new Api.Reply(answer.status(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()), answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void wrongPollStateIsRefused() {
        assertEquals("poll_not_draft", api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).errorCode());
        assertEquals("poll_already_closed", api.adminPost("/api/admin/polls/bieu-quyet-quy-che/close", Map.of()).errorCode());
        assertEquals("results_not_ready", api.get("/api/polls/tin-nhiem/results").errorCode());
        assertEquals("results_not_ready", api.get("/api/polls/tin-nhiem/receipts").errorCode());
        assertEquals("open", api.get("/api/polls/tin-nhiem").json().path("state").asText());
    }

    @Test
    void adminActionsNeedThePassphraseAndWrongAttemptsAreRateLimited() {
        Api api = ownStation.start().api();
        Api.Reply none = api.postRaw("/api/admin/polls/bieu-quyet-quy-che/open", "{}", false);
        assertEquals(401, none.status());
        assertEquals("unauthorized", none.errorCode());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(api.postWithPassphrase("/api/admin/polls/bieu-quyet-quy-che/open", Map.of(), "wrong-guess-" + i).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429), statuses);
        assertEquals("draft", api.get("/api/polls/bieu-quyet-quy-che").json().path("state").asText());
        assertEquals(404, api.get("/api/no-such-endpoint").status());
    }
}
