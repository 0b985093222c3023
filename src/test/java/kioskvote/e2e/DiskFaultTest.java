package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.ProcessTest;
import kioskvote.StationCommand;
import kioskvote.StationExtension;
import kioskvote.Waiting;
import kioskvote.store.DurableStorage;

/** The data disk full, read-only or missing (README.md, "Disk full"): clear answers, reads kept, voting resumes by itself. */
class DiskFaultTest {
    static final Map<String, List<String>> BALLOT = TokenAndInputRefusalTest.FULL_BALLOT;

    /** In this JVM: the disk fills under a running station, which is not killed; its data on the test's small disk. */
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aFullDiskRefusesCastsWithRetryLaterKeepsEveryReadAndVotingResumesWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount("size=64m")) {
            Path data = disk.dir.resolve("data");
            station.dataIn(data).start();
            try {
                Api api = station.api();
                List<String> tokens = api.issueTokens(20);
                api.adminPost("/api/admin/present", Map.of("present", 30));
                assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
                assertEquals(200, api.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", Map.of()).status());
                assertEquals(200, api.cast("bieu-quyet-quy-che", tokens.get(0), Map.of("motion", List.of("agree")), Receipts.random()).status());
                assertEquals(200, api.closeCountAndShow("bieu-quyet-quy-che").status());
                assertEquals(200, api.cast("tin-nhiem", tokens.get(1), BALLOT, Receipts.random()).status());

                Path filler = disk.fillLeaving(DurableStorage.RESERVE_BYTES / 2);
                String receipt = Receipts.random();
                String secret = kioskvote.token.TestSlips.secretOf(tokens.get(2));
                HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(station.url() + "/api/polls/tin-nhiem/ballots")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("slipKey", kioskvote.token.TestSlips.keyOf(secret),
                                "signature", kioskvote.token.TestSlips.sign(secret, api.meetingId(), "tin-nhiem", BALLOT, receipt),
                                "answers", BALLOT, "receipt", receipt))))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("disk_full"), refused.body());
                assertEquals("30", refused.headers().firstValue("Retry-After").orElse(null));
                for (int i = 0; i < 3; i++) { // every refusal the same, never a 500
                    assertEquals("disk_full", api.cast("tin-nhiem", tokens.get(2), BALLOT, Receipts.random()).errorCode());
                }
                // reads keep working: the chair's screen, the status, a closed poll's results
                assertEquals(200, api.get("/api/polls").status());
                assertEquals(1, api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
                assertEquals(200, api.get("/chair").status());
                assertEquals(200, api.get("/api/polls/bieu-quyet-quy-che/results").status());
                assertEquals(200, api.get("/api/meeting").status());

                // Something else fills the disk to the last byte and an organiser's write fails inside H2, which
                // closes its database: answered 503, never 500, and the station reopens it once space returns.
                Path rest = disk.fillLeaving(0);
                Api.Reply slips = api.adminPost("/api/admin/slips", Map.of("count", 200, "format", "json"));
                assertEquals(503, slips.status(), slips.body());
                Files.delete(rest);
                Files.delete(filler); // space returns: voting resumes by itself, the refused slip still unspent
                Waiting.until(Duration.ofSeconds(30), () -> api.get("/api/polls").status() == 200);
                assertEquals(200, api.cast("tin-nhiem", tokens.get(2), BALLOT, Receipts.random()).status());
                assertEquals(2, api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
            } finally {
                station.stop(); // before the small disk goes
            }
        }
    }

    @Test
    @ProcessTest // the command line's exit code
    void aReadOnlyDataDirectoryIsOneClearLineAndExitCodeTwo() throws Exception {
        try (SmallDisk disk = SmallDisk.mount("size=4m")) {
            Files.createDirectories(disk.dir.resolve("data"));
            disk.remountReadOnly();
            for (String data : List.of(disk.dir.resolve("data").toString(), disk.dir.resolve("missing").toString())) {
                StationCommand.Result result = StationCommand.run("serve", "--config", FullConfidenceVoteTest.DEMO.toString(),
                        "--data", data, "--port", "0");
                assertEquals(2, result.exitCode(), result.output());
                List<String> lines = result.output().lines().filter(l -> !l.isBlank()).toList();
                assertEquals(1, lines.size(), "not one line: " + result.output());
                assertTrue(lines.get(0).startsWith("kioskvote: ") && lines.get(0).contains(data) && lines.get(0).contains("read-only"),
                        lines.get(0));
                assertTrue(!result.output().contains("\tat "), "a stack trace: " + result.output());
            }
        }
    }
}
