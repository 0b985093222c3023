package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * An open vote (docs/rules.md, "Open vote") beside a secret motion that is not sealed either: only the open vote's
 * public status carries running counts, and only while it is open; one vote per slip as in any poll.
 */
public class OpenVoteTest {
    /** The demo meeting with an open vote and an unsealed (informal) secret motion added. */
    public static final String EXTRA_POLLS = """

              - id: nghi-giai-lao
                kind: open_motion
                title: Biểu quyết công khai việc nghỉ giải lao
                motion: Hội nghị nghỉ giải lao 15 phút lúc 10 giờ

              - id: bieu-quyet-kin
                kind: motion
                sealed: false
                title: Biểu quyết kín không niêm phong
                motion: Thông qua chương trình hội nghị
            """;

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(OpenVoteTest::writeMeeting);
    private Api api;

    @BeforeEach
    void start() throws Exception {
        api = station.api();
    }

    public static void writeMeeting(Path config) throws Exception {
        String demo = Files.readString(Path.of("kiosk-config/demo/meeting.yaml"), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("meeting.yaml"), demo.stripTrailing() + "\n" + EXTRA_POLLS.stripIndent().indent(0), StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheOpenVoteShowsItsCountsWhileItRunsAndASlipVotesOnceInIt() throws Exception {
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        List<String> tokens = api.issueTokens(3);
        for (String poll : List.of("nghi-giai-lao", "bieu-quyet-kin")) {
            Api.Reply opened = api.adminPost("/api/admin/polls/" + poll + "/open", Map.of());
            assertEquals(200, opened.status(), opened.body());
            assertFalse(opened.json().path("sealed").asBoolean(), poll + " is not sealed");
            if (poll.equals("nghi-giai-lao")) {
                Api.Reply ballot = api.get("/v/" + kioskvote.token.TestSlips.keyOf(tokens.get(0)));
                assertEquals(200, ballot.status(), ballot.body());
                assertTrue(ballot.body().contains("BIỂU QUYẾT CÔNG KHAI"), "the ballot says it is open: " + ballot.body());
            }
        }
        List<String> marks = List.of("agree", "agree", "disagree");
        for (int i = 0; i < tokens.size(); i++) {
            for (String poll : List.of("nghi-giai-lao", "bieu-quyet-kin")) {
                Api.Reply cast = api.cast(poll, tokens.get(i), Map.of("motion", List.of(marks.get(i))), Receipts.random());
                assertEquals(2, cast.status() / 100, cast.body());
            }
        }
        Api.Reply again = api.cast("nghi-giai-lao", tokens.get(0), Map.of("motion", List.of("disagree")), Receipts.random());
        assertEquals(4, again.status() / 100, "one vote per slip in an open vote too: " + again.body());

        JsonNode open = api.get("/api/polls/nghi-giai-lao").json();
        assertEquals("open_motion", open.path("kind").asText());
        assertEquals(2, open.path("liveCounts").path("agree").asInt(), open.toString());
        assertEquals(1, open.path("liveCounts").path("disagree").asInt());
        assertEquals(0, open.path("liveCounts").path("abstain").asInt());
        JsonNode secret = api.get("/api/polls/bieu-quyet-kin").json();
        assertTrue(secret.path("liveCounts").isMissingNode(), "a secret motion, even unsealed, shows no count while open: " + secret);
        String all = api.get("/api/polls").body();
        assertEquals(all.indexOf("liveCounts"), all.lastIndexOf("liveCounts"), "one poll's counts in the list, not two: " + all);

        assertEquals(200, api.closeAndCount("nghi-giai-lao").status());
        assertTrue(api.get("/api/polls/nghi-giai-lao").json().path("liveCounts").isMissingNode(), "after the close, the outcome instead");
        JsonNode minutes = api.adminGet("/api/admin/polls/nghi-giai-lao/minutes.json").json();
        assertEquals("OPEN_MOTION", minutes.path("poll").path("kind").asText());
        assertEquals("passed", minutes.path("questions").get(0).path("outcome").asText(), "2 of 3 received: 4 > 3");
        String page = api.adminGet("/api/admin/polls/nghi-giai-lao/minutes").body();
        assertTrue(page.contains("Biểu quyết công khai: không niêm phong"), "the minutes say it was open");
        String cookie = AdminSession.cookie(station.url(), station.passphrase());
        String paper = page("/admin/polls/nghi-giai-lao/paper-form", cookie);
        assertTrue(paper.contains("id=\"open-banner\">Biểu quyết công khai<"), "the paper ballot says it is open");
        assertFalse(page("/admin/polls/bieu-quyet-kin/paper-form", cookie).contains("open-banner"), "a secret motion's does not");
        String dashboard = page("/admin", cookie);
        assertTrue(dashboard.contains("open-tag\">Biểu quyết công khai<"), "the admin dashboard names the open vote");
        assertEquals(1, dashboard.split("open-tag\"", -1).length - 1, "and only it");
    }

    private String page(String path, String cookie) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(station.url() + path))
                .header("Cookie", cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
