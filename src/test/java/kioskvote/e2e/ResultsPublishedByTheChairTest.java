package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;

/**
 * Someone in the room, with only the meeting's network, tries to learn a motion's outcome before the chair
 * announces it: every public route that would tell it (results, anonymous ballots, receipt codes, the record,
 * the receipt look-up) answers a clear refusal until the chair shows the results; staff keep the minutes.
 */
class ResultsPublishedByTheChairTest {
    private static final String MOTION = "bieu-quyet-quy-che";
    private static final List<String> PUBLIC_ROUTES = List.of("/results", "/ballots", "/receipts", "/record");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    private Api api;

    @BeforeEach
    void start() {
        api = station.api();
    }

    @Test
    void nothingOfACountedPollIsPublicUntilTheChairShowsItsResults() {
        List<String> tokens = api.issueTokens(2);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
        String mine = ReceiptCode.randomSecret(new SecureRandom());
        Api.Reply cast = api.cast(MOTION, tokens.get(0), Map.of("motion", List.of("agree")), mine);
        assertEquals(200, cast.status());
        String receipt = cast.json().path("receipt").asText();
        assertEquals(200, api.cast(MOTION, tokens.get(1), Map.of("motion", List.of("disagree")), ReceiptCode.randomSecret(new SecureRandom())).status());
        assertEquals(200, api.closeAndCount(MOTION).status());

        // Counted: the committee and the chair have the figures, the room has nothing yet.
        for (String route : PUBLIC_ROUTES) {
            Api.Reply refused = api.get("/api/polls/" + MOTION + route);
            assertEquals(409, refused.status(), route + ": " + refused.body());
            assertEquals("results_not_shown", refused.errorCode(), route);
            String vi = refused.json().path("error").path("message").path("vi").asText();
            String en = refused.json().path("error").path("message").path("en").asText();
            assertTrue(en.contains("only once the chair shows them"), route + ": " + en);
            assertTrue(vi.contains("chủ tọa công bố"), route + ": " + vi);
            assertFalse(refused.body().contains("agree") || refused.body().contains(receipt), route + " tells nothing of the ballots");
        }
        Api.Reply lookUp = api.get("/receipts?lang=en&code=" + receipt);
        assertTrue(lookUp.body().contains("data-result=\"not-found\""), "the look-up does not find a code before the results are shown");
        assertFalse(lookUp.body().contains("/api/polls/" + MOTION + "/record"), "no record offered for download yet");
        assertEquals(2, api.adminGet("/api/admin/polls/" + MOTION + "/minutes.json").json().path("counts").path("received").asInt(),
                "the minutes stay available to staff");

        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/show-results", Map.of()).status());

        for (String route : PUBLIC_ROUTES) {
            assertEquals(200, api.get("/api/polls/" + MOTION + route).status(), route);
        }
        assertTrue(api.get("/api/polls/" + MOTION + "/receipts").json().path("receipts").toString().contains(receipt));
        assertEquals(2, api.get("/api/polls/" + MOTION + "/ballots").json().path("ballots").size());
        Api.Reply found = api.get("/receipts?lang=en&code=" + receipt);
        assertTrue(found.body().contains("data-result=\"found\""), "the code is found once the results are shown");
        assertTrue(found.body().contains("/api/polls/" + MOTION + "/record"), "and the record is offered for download");
    }
}
