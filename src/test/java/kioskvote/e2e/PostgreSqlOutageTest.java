package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.Waiting;
import kioskvote.PostgresTest;

/**
 * PostgreSQL stops in the middle of a vote and comes back: the station answers 503 try_again meanwhile,
 * never 200, and takes ballots again by itself, without being restarted.
 */
@PostgresTest
class PostgreSqlOutageTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> BALLOT = TokenAndInputRefusalTest.FULL_BALLOT;

    /** In this JVM: the database goes away, not the station, which is never restarted. */
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    /** One answer to one attempt, with when it was sent and when it came back. */
    record Attempt(long sentNanos, long answeredNanos, int status, String code) {
    }

    @Test
    void noBallotIsAcknowledgedDuringAnOutageAndVotingResumesWhenTheDatabaseReturns() throws Exception {
        try (PostgresCluster postgres = PostgresCluster.start()) {
            String db = postgres.newDatabase();
            station.database(db).start();
            try {
                Api api = station.api();
                List<String> tokens = api.issueTokens(70);
                api.adminPost("/api/admin/present", Map.of("present", 40));
                assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());

                // Phones voting all along: each retries with the same receipt and marks until it is told 200.
                Map<String, String> acknowledged = new ConcurrentHashMap<>();
                List<Attempt> attempts = new CopyOnWriteArrayList<>();
                AtomicInteger acks = new AtomicInteger();
                ExecutorService phones = Executors.newFixedThreadPool(4);
                List<Future<?>> done = new ArrayList<>();
                for (String token : tokens.subList(0, 60)) {
                    done.add(phones.submit(() -> {
                        String receipt = Receipts.random();
                        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
                        while (System.nanoTime() < giveUp) {
                            long sent = System.nanoTime();
                            Api.Reply reply = new Api(station.url(), null).cast(POLL, token, BALLOT, receipt);
                            attempts.add(new Attempt(sent, System.nanoTime(), reply.status(), reply.errorCode()));
                            if (reply.status() == 200) {
                                assertEquals(Receipts.codeOf(receipt), reply.json().path("receipt").asText());
                                acknowledged.put(token, Receipts.codeOf(receipt));
                                acks.incrementAndGet();
                                return null;
                            }
                            assertEquals(503, reply.status(), reply.body());
                            assertEquals("try_again", reply.errorCode());
                            Thread.sleep(100);
                        }
                        throw new AssertionError("voting did not resume within 3 minutes");
                    }));
                }

                Waiting.until(Duration.ofSeconds(60), () -> acks.get() >= 15);
                postgres.stopServer();
                long downFrom = System.nanoTime();

                // While the database is down: a clear "try again", never an acknowledgement.
                List<String> outageTokens = tokens.subList(60, 65);
                Map<String, String> outageReceipts = new ConcurrentHashMap<>();
                for (String token : outageTokens) {
                    String receipt = Receipts.random();
                    outageReceipts.put(token, receipt);
                    long sent = System.nanoTime();
                    Api.Reply reply = api.cast(POLL, token, BALLOT, receipt);
                    long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                    assertEquals(503, reply.status(), reply.body());
                    assertTrue(millis < 10_000, "told to try again after " + millis + " ms");
                    assertEquals("try_again", reply.errorCode());
                    assertFalse(reply.json().path("error").path("message").path("en").asText().isBlank());
                }
                Waiting.until(Duration.ofSeconds(30),
                        () -> attempts.stream().anyMatch(t -> t.sentNanos() > downFrom && t.status() == 503));
                long downUntil = System.nanoTime();
                postgres.startServer();

                // Back by itself: the phones finish, the refused voters retry and are counted.
                for (Future<?> f : done) f.get(3, java.util.concurrent.TimeUnit.MINUTES);
                phones.shutdownNow();
                for (String token : outageTokens) {
                    Api.Reply retry = api.cast(POLL, token, BALLOT, outageReceipts.get(token));
                    assertEquals(200, retry.status(), retry.body());
                    assertFalse(retry.json().path("alreadyCounted").asBoolean(), "it was not in the box before");
                    acknowledged.put(token, Receipts.codeOf(outageReceipts.get(token)));
                }
                assertEquals(200, api.cast(POLL, tokens.get(65), BALLOT, Receipts.random()).status(), "a new voter after the outage");

                List<Attempt> duringOutage = attempts.stream()
                        .filter(t -> t.sentNanos() > downFrom && t.answeredNanos() < downUntil).toList();
                assertTrue(duringOutage.stream().noneMatch(t -> t.status() == 200), "acknowledged during the outage: " + duringOutage);
                assertFalse(duringOutage.isEmpty(), "the phones did try during the outage");

                assertEquals(66, api.get("/api/polls/" + POLL).json().path("cast").asInt());
                assertEquals(200, api.closeCountAndShow(POLL).status());
                Set<String> published = new HashSet<>();
                api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
                assertTrue(published.containsAll(acknowledged.values()), "every acknowledged ballot is there");
                assertEquals(66, published.size());
            } finally {
                station.stop(); // before its PostgreSQL server goes
            }
        }
    }
}
