package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ballot acknowledged to a voter survives SIGKILL of the server at any moment: a burst of ballots,
 * kill -9 the instant the last acknowledgement arrives, restart on the same data directory.
 */
class CrashDurabilityTest {
    @TempDir
    Path data;

    /** The `serve` arguments that choose the database: none for the embedded H2 file in the data directory. */
    String[] database() {
        return new String[0];
    }

    @Test
    void everyAcknowledgedBallotSurvivesKillNineAndItsTokenStaysSpent() throws Exception {
        List<String> tokens;
        List<String> acknowledged = new ArrayList<>();
        List<String> acknowledgedTokens = new ArrayList<>();
        String[] database = database();
        StationProcess station = StationProcess.start(FullConfidenceVoteTest.DEMO, data, database);
        String passphrase = station.passphrase();
        try {
            Api api = new Api(station.url(), passphrase);
            tokens = api.issueTokens(150);
            api.adminPost("/api/admin/present", Map.of("present", 40));
            api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<Api.Reply>> casts = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                Map<String, List<String>> ballot = FullConfidenceVoteTest.ballotOf(i % 40);
                casts.add(() -> new Api(station.url(), null).cast("tin-nhiem", token, ballot, Receipts.random()));
            }
            List<Future<Api.Reply>> replies = pool.invokeAll(casts);
            station.kill9(); // the instant the last acknowledgement is in
            pool.shutdownNow();
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply r = replies.get(i).get();
                assertEquals(200, r.status(), r.body());
                acknowledged.add(r.json().path("receipt").asText());
                acknowledgedTokens.add(tokens.get(i));
            }
        } finally {
            station.kill9();
        }

        try (StationProcess restarted = StationProcess.start(FullConfidenceVoteTest.DEMO, data, database)) {
            Api api = new Api(restarted.url(), passphrase);
            assertEquals(acknowledged.size(), api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
            for (String token : acknowledgedTokens.subList(0, 10)) {
                assertEquals("token_already_used",
                        api.cast("tin-nhiem", token, Map.of("s1", List.of("low")), Receipts.random()).errorCode());
            }
            assertEquals(200, api.closeAndCount("tin-nhiem").status());
            List<String> published = new ArrayList<>();
            api.get("/api/polls/tin-nhiem/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
            assertEquals(acknowledged.stream().sorted().toList(), published);
            assertEquals(acknowledged.size(),
                    api.adminGet("/api/admin/polls/tin-nhiem/minutes.json").json().path("counts").path("received").asInt());
        }
    }
}
