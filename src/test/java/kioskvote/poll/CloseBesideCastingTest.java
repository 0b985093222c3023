package kioskvote.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.ReceiptCode;
import kioskvote.meeting.Poll;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.SealedBallotDao;

/**
 * The close and the count of one poll against casting, on a real H2 file: the close of poll A waits for A's casts in
 * flight and for nothing else, another poll's casts go on through A's close and count, and A's count holds exactly the
 * ballots A acknowledged, however the casts race the close (docs/performance.md).
 */
class CloseBesideCastingTest {
    private static final String A = "tin-nhiem";
    private static final String B = "bo-phieu-tin-nhiem";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final StationExtension fixture = StationExtension.direct();
    Map<String, OpenedPoll> opened = new HashMap<>();

    @BeforeEach
    void openTwoSealedPolls() {
        fixture.station().polls().setPresent(40);
        opened.put(A, fixture.station().polls().open(A, true));
        opened.put(B, fixture.station().polls().open(B, true));
    }

    @Test
    void aPollIsClosedAndCountedWhileAnotherPollsCastIsInFlight() throws Exception {
        String before = cast(A, fixture.issueTokens(1).get(0));
        // B's cast as the group writer holds it: B's counter raised, the slip spent, the sealed row written, not committed.
        try (Handle inFlight = fixture.station().jdbi().open()) {
            inFlight.begin();
            storeCastStatements(inFlight, B);
            CompletableFuture<CountResult> closeAndCount = CompletableFuture.supplyAsync(() -> {
                fixture.station().polls().close(A);
                return count(A);
            });
            // Had the close or the count waited for B's transaction, H2 would give up on the lock (10 s) or this would time out.
            CountResult counted = closeAndCount.get(120, TimeUnit.SECONDS);
            assertEquals(1, counted.counted());
            assertTrue(inFlight.isInTransaction(), "B's cast was still in flight through A's close and count");
            inFlight.commit();
        }
        assertEquals(List.of(before), fixture.station().results().receipts(A));
        assertEquals(1, castCount(B), "B's cast, committed after A's count, stands");
        cast(B, fixture.issueTokens(1).get(0));
        assertEquals(2, castCount(B), "and B keeps voting");
    }

    @Test
    void theCloseWaitsForItsOwnPollsCastInFlightAndTheCountHasIt() throws Exception {
        cast(A, fixture.issueTokens(1).get(0));
        CompletableFuture<PollStatus> close;
        Thread[] closer = new Thread[1];
        try (Handle inFlight = fixture.station().jdbi().open()) {
            inFlight.begin();
            storeCastStatements(inFlight, A);
            close = CompletableFuture.supplyAsync(() -> {
                closer[0] = Thread.currentThread();
                return fixture.station().polls().close(A);
            });
            awaitWaitingOnTheDatabase(closer, close);
            assertFalse(close.isDone(), "the close waits while a cast of its own poll is in flight");
            inFlight.commit(); // acknowledged now: the close must count it
        }
        assertEquals(2, close.get(120, TimeUnit.SECONDS).cast());
        CountResult counted = count(A);
        assertEquals(2, counted.counted(), "the cast in flight at the close is in the count (unreadable here: its row is not a real seal)");
        assertEquals(2, fixture.station().results().tally(A).counts().received());
    }

    @Test
    void castsRacingTheCloseLeaveExactlyTheAcknowledgedBallotsInTheCount() throws Exception {
        List<String> tokens = fixture.issueTokens(80);
        Set<String> acknowledgedA = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedB = ConcurrentHashMap.newKeySet();
        AtomicInteger refusedAfterClose = new AtomicInteger();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> voters = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            voters.add(CompletableFuture.runAsync(() -> {
                for (int i; (i = next.getAndIncrement()) < tokens.size(); ) {
                    try {
                        acknowledgedA.add(cast(A, tokens.get(i)));
                    } catch (BallotRejected e) {
                        if (e.code().equals(BallotRejected.Code.POLL_NOT_OPEN.code())) refusedAfterClose.incrementAndGet();
                        else unexpected.add(e);
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                    try {
                        acknowledgedB.add(cast(B, tokens.get(i)));
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            }));
        }
        while (acknowledgedA.size() < 10) Thread.onSpinWait(); // casting into both polls is under way
        fixture.station().polls().close(A);
        int acknowledgedAtClose = acknowledgedB.size();
        CompletableFuture.allOf(voters.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        assertEquals(List.of(), unexpected, "every cast into B, and every cast into A before its close, was acknowledged");

        CountResult countA = count(A);
        assertEquals(acknowledgedA.size(), countA.counted(), "A's count holds exactly the ballots A acknowledged");
        assertEquals(Set.copyOf(acknowledgedA), Set.copyOf(fixture.station().results().receipts(A)));
        assertEquals(tokens.size(), acknowledgedA.size() + refusedAfterClose.get(), "each A cast was acknowledged or refused, none lost");
        assertEquals(tokens.size(), acknowledgedB.size(), "B acknowledged every cast, before and after A's close");
        assertTrue(acknowledgedB.size() > acknowledgedAtClose || acknowledgedAtClose == tokens.size());
        fixture.station().polls().close(B);
        assertEquals(Set.copyOf(acknowledgedB), Set.copyOf(receiptsAfterCount(B)));
    }

    @Test
    void theCloseOfAPollOfThousandsOfBallotsWritesNoMoreThanTheCloseOfAPollOfOne() throws Exception {
        fixture.station().jdbi().useTransaction(h -> {
            for (int i = 0; i < 3000; i++) storeCastStatements(h, A);
        });
        fixture.station().jdbi().useTransaction(h -> storeCastStatements(h, B));
        long closeOfOne = bytesWrittenBy(() -> fixture.station().polls().close(B));
        long closeOfThousands = bytesWrittenBy(() -> fixture.station().polls().close(A));
        // What the close costs other polls' voters (the writer's disk, H2's locks) is what it writes: its own rows only.
        assertTrue(closeOfThousands < 2 * closeOfOne + 64 * 1024, closeOfThousands + " bytes written to close a poll of 3,000 ballots, "
                + closeOfOne + " for a poll of 1");
        assertEquals(3000, count(A).counted(), "and the count still has every ballot");
    }

    /** Bytes the H2 file store wrote while the action ran (nothing else writes meanwhile). */
    private long bytesWrittenBy(Runnable action) throws Exception {
        long before = writtenBytes();
        action.run();
        return writtenBytes() - before;
    }

    /** H2's own count of the bytes its file store wrote (private in H2 2.3, read by reflection). */
    private long writtenBytes() throws Exception {
        return fixture.station().jdbi().<Long, Exception>withHandle(h -> {
            var session = (org.h2.engine.SessionLocal) h.getConnection().unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            var fileStore = session.getDatabase().getStore().getMvStore().getFileStore();
            var writeBytes = org.h2.mvstore.FileStore.class.getDeclaredMethod("getWriteBytes");
            writeBytes.setAccessible(true);
            return (Long) writeBytes.invoke(fileStore);
        });
    }

    /** A sealed cast into the poll through the ballot box, sealed at the station; its receipt code. */
    private String cast(String pollId, String token) {
        Poll poll = fixture.station().meeting().poll(pollId).orElseThrow();
        Map<String, List<String>> marks = new HashMap<>();
        for (var q : poll.questions()) marks.put(q.id(), List.of(q.options().get(RANDOM.nextInt(q.options().size())).id()));
        return fixture.station().ballotBox().cast(pollId, token, marks, ReceiptCode.randomSecret(RANDOM)).receiptCode();
    }

    /** The statements of one sealed cast, as BallotBox runs them in the group writer's transaction (the sealed row is noise). */
    private static void storeCastStatements(Handle h, String pollId) {
        PollStateDao polls = new PollStateDao(h);
        assertTrue(polls.lockIfOpen(pollId));
        polls.addCounts(pollId, 1, 1, 0);
        new BallotDao(h).spendToken(RANDOM.nextLong() & Long.MAX_VALUE, pollId, "in-flight-" + RANDOM.nextLong());
        byte[] noise = new byte[200];
        RANDOM.nextBytes(noise);
        new SealedBallotDao(h).insert(RANDOM.nextLong() & Long.MAX_VALUE, pollId, "proof-" + RANDOM.nextLong(), Base64.getEncoder().encodeToString(noise));
    }

    private CountResult count(String pollId) {
        var cards = opened.get(pollId).shares().orElseThrow().cards();
        return fixture.station().boxOpening().count(pollId, cards.stream().limit(2).map(c -> c.share().code()).toList());
    }

    private List<String> receiptsAfterCount(String pollId) {
        count(pollId);
        return fixture.station().results().receipts(pollId);
    }

    private long castCount(String pollId) {
        return fixture.station().jdbi().withHandle(h -> new PollStateDao(h).find(pollId)).orElseThrow().castCount();
    }

    /** Until the closing thread waits inside the database for a lock (a condition; the deadline only stops a hung test). */
    private static void awaitWaitingOnTheDatabase(Thread[] closer, CompletableFuture<?> close) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (System.nanoTime() > deadline) throw new AssertionError("the close neither finished nor waited for the cast in flight");
            Thread t = closer[0];
            if (close.isDone()) return; // it did not wait: the assertion after this says so
            if (t != null && (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)
                    && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.h2."))
                    && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("close")
                    && f.getClassName().equals(PollLifecycle.class.getName()))) {
                return;
            }
            Thread.onSpinWait();
        }
    }
}
