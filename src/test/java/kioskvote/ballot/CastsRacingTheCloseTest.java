package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.store.PollStateDao;
import kioskvote.text.Refused;

/**
 * Casts written in groups (CastWriter, GroupPolls) while the chair closes the poll, with refused casts mixed in: no
 * ballot lands after the close, every acknowledged ballot and no other is in the count, and the poll's counters say
 * exactly what the box holds. Real H2 file, the demo meeting's sealed confidence poll.
 */
class CastsRacingTheCloseTest {
    private static final String POLL = BallotBoxTest.POLL;
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final StationExtension fixture = StationExtension.direct();
    kioskvote.poll.OpenedPoll opened;

    @BeforeEach
    void openTheConfidencePoll() {
        fixture.station().polls().setPresent(40);
        opened = fixture.station().polls().open(POLL, false);
    }

    @Test
    void castsRacingTheCloseAreCountedOnlyIfAcknowledgedAndTheCountersMatchTheBox() throws Exception {
        List<String> tokens = fixture.issueTokens(40);
        int attempts = 120; // each slip tried three times, with three different receipt secrets: one may count
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedAfterTheClose = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch halfway = new CountDownLatch(1);
        ExecutorService voters = Executors.newFixedThreadPool(24);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String token = tokens.get(i % tokens.size());
                outcomes.add(voters.submit(() -> {
                    boolean afterTheClose = closed.get();
                    try {
                        CastReceipt receipt = fixture.station().ballotBox().cast(POLL, token, BallotBoxTest.FULL_BALLOT,
                                ReceiptCode.randomSecret(RANDOM));
                        acknowledged.add(receipt.receiptCode());
                        if (afterTheClose) acknowledgedAfterTheClose.add(receipt.receiptCode());
                        return "acknowledged";
                    } catch (Refused e) {
                        return e.code();
                    } finally {
                        if (answered.incrementAndGet() == attempts / 3) halfway.countDown();
                    }
                }));
            }
            assertTrue(halfway.await(120, TimeUnit.SECONDS));
            fixture.station().polls().close(POLL); // while the other casts are in flight
            closed.set(true);
            Set<String> refusals = new HashSet<>();
            for (Future<String> outcome : outcomes) {
                String o = outcome.get(120, TimeUnit.SECONDS);
                if (!o.equals("acknowledged")) refusals.add(o);
            }
            assertTrue(Set.of("token_already_used", "poll_not_open").containsAll(refusals), refusals.toString());
        } finally {
            voters.shutdownNow();
        }
        assertEquals(Set.of(), acknowledgedAfterTheClose, "a cast that began after the close returned was acknowledged");
        assertTrue(acknowledged.size() >= attempts / 3 / 3, "casts before the close were acknowledged: " + acknowledged.size());
        PollStateDao.SealingCounts sealing = fixture.station().jdbi().withHandle(h -> new PollStateDao(h).sealingCounts(POLL));
        assertEquals(acknowledged.size(), fixture.station().pollStatuses().status(POLL).cast(), "ballots counted by the poll");
        assertEquals(acknowledged.size(), sealing.atStation(), "ballots the poll says the station sealed");
        fixture.station().boxOpening().count(POLL, opened.shares().orElseThrow().cards().stream().limit(2)
                .map(c -> c.share().code()).toList());
        assertEquals(acknowledged, new HashSet<>(fixture.station().results().receipts(POLL)),
                "the count holds every acknowledged ballot and nothing else");
    }
}
