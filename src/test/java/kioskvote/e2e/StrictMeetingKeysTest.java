package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * The meeting editor's API takes a poll by the same validator as meeting.yaml (docs/rules.md, "Motions"): a misspelt
 * rule key is refused with the nearest known key in both languages, a bad value is refused whether or not another key
 * makes it matter, and a motion that names no rule is counted by the default one, stated in the minutes.
 */
class StrictMeetingKeysTest {
    private static final String MOTION = "{\"id\":\"ke-hoach\",\"kind\":\"motion\",\"title\":\"Biểu quyết kế hoạch năm 2027\","
            + "\"motion\":\"Thông qua kế hoạch công tác năm 2027\"";

    /** One station for the class: the refusals change nothing, and the one poll added has an id of its own. */
    @RegisterExtension
    static final StationExtension STATION = StationExtension.inProcess();
    private final Api api = STATION.api();

    @Test
    void aMisspeltRuleKeyIsRefusedWithTheNearestKnownKeyInBothLanguagesAndNothingIsAdded() {
        JsonNode before = api.adminGet("/api/admin/meeting").json();
        for (String[] slip : List.of(new String[] {"pass_with", "more than 1/2", "passes_with"},
                new String[] {"abstention", "not_counted", "abstentions"}, new String[] {"passbase", "valid", "pass_base"})) {
            Api.Reply reply = api.postRaw("/api/admin/polls", MOTION + ",\"" + slip[0] + "\":\"" + slip[1] + "\"}", true);
            assertEquals(400, reply.status(), reply.body());
            assertEquals("unknown_key", reply.errorCode());
            JsonNode message = reply.json().path("error").path("message");
            assertTrue(message.path("en").asText().contains("Unknown key `" + slip[0] + "`")
                    && message.path("en").asText().contains("did you mean `" + slip[2] + "`?"), message.toString());
            assertTrue(message.path("vi").asText().contains("có phải ý bạn là `" + slip[2] + "`?"), message.toString());
        }
        Api.Reply far = api.postRaw("/api/admin/polls", MOTION + ",\"quorum\":\"2/3\"}", true);
        assertEquals("unknown_key_no_match", far.errorCode(), far.body());
        assertTrue(far.json().path("error").path("message").path("en").asText().contains("passes_with, pass_base, abstentions"), far.body());
        Api.Reply details = api.postRaw("/api/admin/meeting/details", "{\"title\":\"T\",\"date\":\"2026-12-10\",\"sumoned\":40}", true);
        assertEquals("unknown_key", details.errorCode(), details.body());
        assertEquals(before, api.adminGet("/api/admin/meeting").json(), "nothing changed");
    }

    @Test
    void aBadAbstentionsValueIsRefusedWithOrWithoutAPassRule() {
        for (String body : List.of(MOTION + ",\"abstentions\":\"sideways\"}", MOTION + ",\"passes_with\":\"more than 1/2\",\"abstentions\":\"sideways\"}")) {
            Api.Reply reply = api.postRaw("/api/admin/polls", body, true);
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertEquals("invalid_entry", reply.errorCode());
            assertTrue(reply.json().path("error").path("message").path("en").asText().contains("must be counted or not_counted"), reply.body());
        }
    }

    @Test
    void aMotionWithoutARuleIsCountedByTheDefaultRuleStatedOnTheBallotAndInTheMinutes() {
        Api.Reply added = api.postRaw("/api/admin/polls", MOTION.replace("\"ke-hoach\"", "\"ke-hoach-mac-dinh\"") + "}", true);
        assertEquals(201, added.status(), added.body());
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        List<String> tokens = api.issueTokens(3);
        assertEquals(200, api.adminPost("/api/admin/polls/ke-hoach-mac-dinh/open", Map.of()).status());
        Api.Reply ballot = api.get("/v/" + kioskvote.token.TestSlips.keyOf(tokens.get(0)));
        assertTrue(ballot.body().contains("Quy tắc mặc định"), "the ballot states the default rule: " + ballot.body());
        List<String> marks = List.of("agree", "agree", "disagree");
        for (int i = 0; i < tokens.size(); i++) {
            Api.Reply cast = api.cast("ke-hoach-mac-dinh", tokens.get(i), Map.of("motion", List.of(marks.get(i))), Receipts.random());
            assertEquals(2, cast.status() / 100, cast.body());
        }
        assertEquals(200, api.closeAndCount("ke-hoach-mac-dinh").status());
        JsonNode minutes = api.adminGet("/api/admin/polls/ke-hoach-mac-dinh/minutes.json").json();
        assertTrue(minutes.path("poll").path("majority").path("defaultRule").asBoolean(), minutes.toString());
        JsonNode question = minutes.path("questions").get(0);
        assertTrue(question.path("passed").asBoolean(), "2 of 3 is more than 1/2: " + question);
        String page = api.adminGet("/api/admin/polls/ke-hoach-mac-dinh/minutes").body();
        assertTrue(page.contains("Quy tắc mặc định của hệ thống") && page.contains("THÔNG QUA"), page);
    }
}
