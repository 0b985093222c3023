package kioskvote.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kioskvote.token.Token;

/** The printable slips' reserve: a run takes what is ready without waiting for the minting, and never a token twice. */
class PrintReserveTest {
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService minter = DeskPool.mintingThread();

    @AfterEach
    void stop() {
        minter.shutdownNow();
    }

    @Test
    void aRunTakesWhatIsReadyAtOnceWhileTheNextBatchIsStillMinting() throws Exception {
        CountDownLatch secondBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        PrintReserve reserve = new PrintReserve(250, n -> {
            if (batches.incrementAndGet() == 2) {
                secondBatch.countDown();
                await(release); // the second batch hangs: a slow machine
            }
            return tokens(n);
        }, minter);
        reserve.fillLater();
        assertTrue(secondBatch.await(30, TimeUnit.SECONDS));
        assertEquals(PrintReserve.BATCH, reserve.size(), "the first batch is ready while the second mints");
        List<Token> run = reserve.take(150);
        assertEquals(PrintReserve.BATCH, run.size(), "the run gets what is ready, at once; the rest it mints itself");
        release.countDown();
        waitFor(() -> reserve.size() == 250);
        assertEquals(4, batches.get(), "topped up after the run, a batch at a time: 100, 100, 50 more after the take");
        assertNoTokenInBoth(run, reserve.take(250));
    }

    @Test
    void tokensOfARunThatFailedAreReadyAgain() throws Exception {
        PrintReserve reserve = new PrintReserve(10, this::tokens, minter);
        reserve.fillLater();
        waitFor(() -> reserve.size() == 10);
        List<Token> run = reserve.take(4);
        reserve.putBack(run);
        waitFor(() -> reserve.size() >= 10);
        assertTrue(reserve.take(20).containsAll(run));
    }

    /** No token is handed to two runs. */
    private static void assertNoTokenInBoth(List<Token> first, List<Token> second) {
        var encoded = new HashSet<String>();
        for (Token t : first) encoded.add(t.encoded());
        for (Token t : second) assertTrue(encoded.add(t.encoded()), "a token in two runs");
    }

    private List<Token> tokens(int n) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Token.random(random));
        return out;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 30 s");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
