package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.config.ConfigException;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.DeviceSealingRule;
import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.token.TestSlips;

/**
 * {@code station: device_sealing: required}: a sealed poll's marks may not travel to the station by the form
 * path or the marks API (409 device_sealing_required, in both languages), while a ballot sealed on the device is
 * counted; left out, the setting is "preferred" and the form path works as before.
 */
class DeviceSealingRequiredTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private static final String POLL = "tin-nhiem";

    private Path requiring(String value) throws Exception {
        Files.writeString(station.configDir().resolve("meeting.yaml"), Files.readString(FullConfidenceVoteTest.DEMO.resolve("meeting.yaml"))
                + "\nstation:\n  device_sealing: " + value + "\n");
        return station.configDir();
    }

    @Test
    void theFormPathIsRefusedAndADeviceSealedBallotCounted() throws Exception {
        Poll poll = MeetingLoader.load(FullConfidenceVoteTest.DEMO).meeting().poll(POLL).orElseThrow();
        assertEquals(DeviceSealingRule.REQUIRED, MeetingLoader.load(requiring("required")).station().deviceSealing());
        station.start();
        Api api = station.api();
        List<String> tokens = api.issueTokens(3);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());

        Api.Reply marks = api.cast(POLL, tokens.get(0), Map.of("s1", List.of("high")), ReceiptCode.randomSecret(new java.security.SecureRandom()));
        assertEquals(409, marks.status(), marks.body());
        assertEquals("device_sealing_required", marks.errorCode());

        String form = "poll=" + POLL + "&receipt=" + URLEncoder.encode(ReceiptCode.randomSecret(new java.security.SecureRandom()), StandardCharsets.UTF_8)
                + "&q.s1=high";
        for (String lang : List.of("vi", "en")) {
            HttpResponse<String> review = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(station.url() + "/v/" + TestSlips.keyOf(tokens.get(1)) + "/review?lang=" + lang))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", station.url())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, review.statusCode(), review.body());
            assertTrue(review.body().contains(lang.equals("vi") ? "xin Bàn điểm danh một phiếu giấy" : "ask the desk for a paper ballot"),
                    "the voter is told where to vote instead (" + lang + "): " + review.body());
        }
        assertEquals(0, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "nothing was cast by the form path");

        JsonNode box = api.get("/api/polls/" + POLL + "/box").json();
        Map<String, Object> sealed = DeviceSealedCastTest.sealedCast(api, tokens.get(2), BallotBoxKey.fromHex(box.path("boxPublicKey").asText()),
                new BoxContext(box.path("meeting").asText(), POLL, box.path("definitionHash").asText()), poll,
                Map.of("s1", List.of("high")), ReceiptCode.randomSecret(new java.security.SecureRandom()));
        assertEquals(200, api.post("/api/polls/" + POLL + "/sealed-ballots", sealed).status(), "a ballot sealed on the device");
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt());
    }

    @Test
    void leftOutTheSettingIsPreferredAndAnythingElseIsRefusedNamingTheField() throws Exception {
        assertEquals(DeviceSealingRule.PREFERRED, MeetingLoader.load(FullConfidenceVoteTest.DEMO).station().deviceSealing());
        assertEquals(DeviceSealingRule.PREFERRED, MeetingLoader.load(requiring("preferred")).station().deviceSealing());
        ConfigException e = assertThrows(ConfigException.class, () -> MeetingLoader.load(requiring("always")));
        assertEquals("station.device_sealing", e.field());
    }
}
