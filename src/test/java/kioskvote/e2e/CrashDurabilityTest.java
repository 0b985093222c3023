package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.ProcessTest;
import kioskvote.Waiting;
import kioskvote.StationExtension;

/**
 * A ballot acknowledged to a voter survives SIGKILL of the server at any moment: a burst of ballots,
 * kill -9 the instant the last acknowledgement arrives, restart on the same data directory.
 */
@ProcessTest
class CrashDurabilityTest {
    /** `serve` in a process of its own, killed with SIGKILL and started again on its data (and on its database). */
    @RegisterExtension
    final StationExtension station = StationExtension.process();

    @Test
    void everyAcknowledgedBallotSurvivesKillNineAndItsTokenStaysSpent() throws Exception {
        List<String> tokens;
        List<String> acknowledged = new ArrayList<>();
        List<String> acknowledgedTokens = new ArrayList<>();
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

        station.restart(); // on the same data, as the operator would after the crash
        Api api = new Api(station.url(), passphrase);
        assertEquals(acknowledged.size(), api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
        for (String token : acknowledgedTokens.subList(0, 10)) {
            assertEquals("token_already_used",
                    api.cast("tin-nhiem", token, Map.of("s1", List.of("low")), Receipts.random()).errorCode());
        }
        assertEquals(200, api.closeCountAndShow("tin-nhiem").status());
        List<String> published = new ArrayList<>();
        api.get("/api/polls/tin-nhiem/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        assertEquals(acknowledged.stream().sorted().toList(), published);
        assertEquals(acknowledged.size(),
                api.adminGet("/api/admin/polls/tin-nhiem/minutes.json").json().path("counts").path("received").asInt());
    }

    /**
     * kill -9 while 32 voters are still casting (casts in flight, a group commit possibly half done): every ballot a
     * voter was told was stored is there after the restart, its token spent; nothing else beyond what was sent.
     */
    @Test
    void killNineInTheMiddleOfContinuousCastingLosesNoAcknowledgedBallot() throws Exception {
        String passphrase = station.passphrase();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledgedTokens = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger attempted = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            Api api = new Api(station.url(), passphrase);
            List<String> tokens = api.issueTokens(1000);
            api.adminPost("/api/admin/present", Map.of("present", 40));
            api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < 32; t++) {
                pool.submit(() -> {
                    Api voter = new Api(station.url(), null);
                    for (int i; (i = next.getAndIncrement()) < tokens.size(); ) {
                        String receipt = Receipts.random();
                        attempted.incrementAndGet();
                        try {
                            Api.Reply r = voter.cast("tin-nhiem", tokens.get(i), FullConfidenceVoteTest.ballotOf(i % 40), receipt);
                            if (r.status() == 200) {
                                acknowledgedTokens.add(tokens.get(i));
                                acknowledged.add(r.json().path("receipt").asText());
                            }
                        } catch (RuntimeException connectionLost) {
                            return; // the station is gone: this cast was not acknowledged
                        }
                    }
                });
            }
            Waiting.until(java.time.Duration.ofSeconds(60), () -> acknowledged.size() >= 200);
        } finally {
            station.kill9(); // mid-load: casts in flight on every connection
            pool.shutdown();
            pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<String> told = new ArrayList<>(acknowledged);
        station.restart(); // on the same data, as the operator would after the crash
        Api api = new Api(station.url(), passphrase);
        int stored = api.get("/api/polls/tin-nhiem").json().path("cast").asInt();
        assertTrue(stored >= told.size() && stored <= attempted.get(), stored + " stored, " + told.size() + " acknowledged, "
                + attempted.get() + " sent");
        for (String token : acknowledgedTokens.subList(0, 10)) {
            assertEquals("token_already_used", api.cast("tin-nhiem", token, Map.of("s1", List.of("low")), Receipts.random()).errorCode());
        }
        assertEquals(200, api.closeCountAndShow("tin-nhiem").status());
        java.util.Set<String> published = new java.util.HashSet<>();
        api.get("/api/polls/tin-nhiem/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        List<String> lost = told.stream().filter(r -> !published.contains(r)).toList();
        assertEquals(List.of(), lost, "acknowledged but lost");
        System.out.printf("kill -9 mid-load: %d sent, %d acknowledged, %d stored, 0 lost%n", attempted.get(), told.size(), stored);
    }
}
