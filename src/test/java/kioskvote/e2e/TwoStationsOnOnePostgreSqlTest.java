package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.PostgresTest;
import kioskvote.ProcessTest;
import kioskvote.StationCommand;
import kioskvote.StationExtension;
import kioskvote.Waiting;
import kioskvote.token.MeetingKey;

/**
 * Two kioskvote servers on one PostgreSQL database, as two rooms (or a load balancer) of one meeting:
 * the second station holds a copy of the first one's meeting key (docs/scaling.md).
 */
@ProcessTest
@PostgresTest
class TwoStationsOnOnePostgreSqlTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> BALLOT = TokenAndInputRefusalTest.FULL_BALLOT;

    /** Processes of their own: the first is killed mid-vote. */
    @RegisterExtension
    final StationExtension first = StationExtension.process();
    @RegisterExtension
    final StationExtension second = StationExtension.process().sharingTheDatabaseOf(first).startedByTheTest();

    /** The operator's step: copy the key pair (private file stays 0600) into the second station's data directory. */
    StationExtension startSecond() throws Exception {
        Files.createDirectories(second.dataDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String file : List.of(MeetingKey.PRIVATE_KEY_FILE, MeetingKey.PUBLIC_KEY_FILE)) {
            Files.copy(first.dataDir().resolve(file), second.dataDir().resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return second.start();
    }

    @Test
    void votersSpreadOverTwoStationsAreCountedOnceAndBothChairScreensShowTheSameTurnout() throws Exception {
        StationExtension a = first;
        StationExtension b = startSecond();
        Api apiA = new Api(a.url(), a.passphrase());
        Api apiB = new Api(b.url(), a.passphrase()); // one meeting, one admin passphrase
        List<String> tokens = new ArrayList<>(apiA.issueTokens(30));
        tokens.addAll(apiB.issueTokens(30)); // a slip printed by either station is good on both
        assertEquals(200, apiB.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, apiA.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        assertEquals("open", apiB.get("/api/polls/" + POLL).json().path("state").asText());

        try (ChairFeed screenA = new ChairFeed(a.url()); ChairFeed screenB = new ChairFeed(b.url())) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService voters = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Api.Reply>> casts = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String token = tokens.get(i);
                    String station = (i % 2 == 0 ? a : b).url();
                    casts.add(() -> new Api(station, null).cast(POLL, token, BALLOT, Receipts.random()));
                }
                for (Future<Api.Reply> f : voters.invokeAll(casts)) {
                    assertEquals(200, f.get().status(), f.get().body());
                    acknowledged.add(f.get().json().path("receipt").asText());
                }
            } finally {
                voters.shutdownNow();
            }
            screenA.millisUntilCast(POLL, 50, 10_000);
            screenB.millisUntilCast(POLL, 50, 10_000);
            assertEquals(50, screenA.cast(POLL));
            assertEquals(50, screenB.cast(POLL));

            // One more ballot on A: B's screen, which heard nothing of it locally, shows it within a second.
            String receipt = Receipts.random();
            assertEquals(200, apiA.cast(POLL, tokens.get(50), BALLOT, receipt).status());
            acknowledged.add(Receipts.codeOf(receipt));
            long millis = screenB.millisUntilCast(POLL, 51, 5_000);
            assertTrue(millis <= 1_000, "the other station's screen took " + millis + " ms");

            // 500 concurrent uses of one slip, half on each station: exactly one is accepted.
            String contested = tokens.get(51);
            ExecutorService crowd = Executors.newFixedThreadPool(100);
            int accepted = 0;
            int alreadyUsed = 0;
            try {
                List<Callable<Api.Reply>> attempts = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    Api client = new Api((i % 2 == 0 ? a : b).url(), null);
                    attempts.add(() -> client.cast(POLL, contested, BALLOT, Receipts.random()));
                }
                for (Future<Api.Reply> f : crowd.invokeAll(attempts)) {
                    Api.Reply r = f.get();
                    if (r.status() == 200) {
                        accepted++;
                        acknowledged.add(r.json().path("receipt").asText());
                    } else if ("token_already_used".equals(r.errorCode())) {
                        alreadyUsed++;
                    } else {
                        throw new AssertionError("unexpected answer " + r.status() + " " + r.body());
                    }
                }
            } finally {
                crowd.shutdownNow();
            }
            assertEquals(1, accepted);
            assertEquals(499, alreadyUsed);
            screenA.millisUntilCast(POLL, 52, 10_000);
            screenB.millisUntilCast(POLL, 52, 10_000);
            assertEquals(screenA.cast(POLL), screenB.cast(POLL));
            assertEquals(52, screenB.cast(POLL));

            // Closing on B closes on A: A refuses the next ballot, and A's screen says closed.
            assertEquals(200, apiB.closeCountAndShow(POLL).status());
            assertEquals("poll_not_open", apiA.cast(POLL, tokens.get(52), BALLOT, Receipts.random()).errorCode());
            Waiting.until(Duration.ofSeconds(5), () -> screenA.state(POLL).equals("closed"));

            List<String> published = new ArrayList<>();
            apiA.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
            assertEquals(acknowledged, new HashSet<>(published));
            assertEquals(52, published.size());
        }
    }

    @Test
    void whenOneStationIsKilledMidVoteTheOtherCarriesOnAndNothingAcknowledgedIsLost() throws Exception {
        StationExtension a = first;
        StationExtension b = startSecond();
        Api apiB = new Api(b.url(), a.passphrase());
        List<String> tokens = apiB.issueTokens(120);
        apiB.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, apiB.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());

        // Each voter goes to their room's station; a phone whose station dies retries on the other one
        // with the same receipt code and marks, as the ballot page does after a lost answer.
        AtomicInteger acknowledgedSoFar = new AtomicInteger();
        Map<String, String> receiptOfToken = new ConcurrentHashMap<>();
        ExecutorService voters = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean roomA = i % 2 == 0;
            done.add(voters.submit(() -> {
                String receipt = Receipts.random();
                Api.Reply reply = null;
                if (roomA) {
                    try {
                        reply = new Api(a.url(), null).cast(POLL, token, BALLOT, receipt);
                    } catch (UncheckedIOException stationGone) {
                        reply = null;
                    }
                }
                if (reply == null || reply.status() != 200) {
                    if (reply != null && reply.status() != 503) throw new AssertionError(reply.status() + " " + reply.body());
                    reply = new Api(b.url(), null).cast(POLL, token, BALLOT, receipt);
                }
                assertEquals(200, reply.status(), reply.body());
                assertEquals(Receipts.codeOf(receipt), reply.json().path("receipt").asText());
                receiptOfToken.put(token, Receipts.codeOf(receipt));
                acknowledgedSoFar.incrementAndGet();
                return null;
            }));
        }
        Waiting.until(Duration.ofSeconds(60), () -> acknowledgedSoFar.get() >= 30);
        a.kill9(); // mid-vote
        for (Future<?> f : done) f.get(3, java.util.concurrent.TimeUnit.MINUTES);
        voters.shutdownNow();

        assertEquals(120, receiptOfToken.size());
        assertEquals(120, apiB.get("/api/polls/" + POLL).json().path("cast").asInt());
        assertEquals(200, apiB.closeCountAndShow(POLL).status());
        List<String> published = new ArrayList<>();
        apiB.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        assertEquals(new HashSet<>(receiptOfToken.values()), new HashSet<>(published), "every acknowledged ballot is in the box");
        assertEquals(120, published.size());
    }

    @Test
    void aStationWithoutTheMeetingKeyOrWithAnotherOneIsRefusedAtStart() throws Exception {
        StationExtension a = first;
        Path dataB = Files.createDirectories(second.dataDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String db = first.jdbcUrl();
        StationCommand.Result noKey = StationCommand.run("serve", "--config", FullConfidenceVoteTest.DEMO.toString(),
                "--data", dataB.toString(), "--port", "0", "--db", db);
        assertEquals(2, noKey.exitCode(), noKey.output());
        assertTrue(noKey.output().contains("there is no meeting-key.ed25519 in"), noKey.output());
        assertTrue(Files.notExists(dataB.resolve(MeetingKey.PRIVATE_KEY_FILE)), "no stray key was created");

        MeetingKey.loadOrCreate(dataB, new SecureRandom()); // a station that made its own key
        StationCommand.Result otherKey = StationCommand.run("serve", "--config", FullConfidenceVoteTest.DEMO.toString(),
                "--data", dataB.toString(), "--port", "0", "--db", db);
        assertEquals(2, otherKey.exitCode(), otherKey.output());
        assertTrue(otherKey.output().contains("is not the key this database's slips are signed with"), otherKey.output());
        assertTrue(otherKey.output().contains(a.output().stream().filter(l -> l.startsWith("Meeting key fingerprint: "))
                .findFirst().orElseThrow().substring("Meeting key fingerprint: ".length())), "names the right key");
        assertTrue(!otherKey.output().contains("\tat "), "no stack trace");
    }
}
