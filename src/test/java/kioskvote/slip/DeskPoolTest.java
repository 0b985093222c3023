package kioskvote.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import kioskvote.token.Token;

/** The desk's pool minted while the station starts: a hand-out in the meantime waits for it, it mints no second batch. */
class DeskPoolTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aHandOutDuringTheFirstFillWaitsForItInsteadOfMintingASecondBatch() throws Exception {
        CountDownLatch minting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        DeskPool pool = new DeskPool(8, n -> {
            batches.incrementAndGet();
            minting.countDown();
            await(release);
            return tokens(n);
        }, random);
        CompletableFuture<Void> fill = pool.fillInBackground();
        assertTrue(minting.await(30, TimeUnit.SECONDS));
        CompletableFuture<Token> handOut = new CompletableFuture<>();
        Thread clerk = new Thread(() -> handOut.complete(pool.draw()));
        clerk.start();
        // the hand-out is blocked (waiting for the fill, or minting its own batch) before the fill may finish
        while (clerk.getState() != Thread.State.WAITING && clerk.getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();
        assertFalse(fill.isDone());
        release.countDown();
        assertNotNull(handOut.get(30, TimeUnit.SECONDS));
        fill.get(30, TimeUnit.SECONDS);
        assertEquals(1, batches.get(), "one batch minted: the hand-out took its token from the first fill");
        assertEquals(7, pool.size());
    }

    @Test
    void aFailedFirstFillLeavesTheHandOutToMintItsOwn() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        DeskPool pool = new DeskPool(4, n -> {
            if (batches.incrementAndGet() == 1) throw new IllegalStateException("database gone");
            return tokens(n);
        }, random);
        CompletableFuture<Void> fill = pool.fillInBackground();
        assertTrue(fill.handle((ok, failed) -> failed != null).get(30, TimeUnit.SECONDS));
        assertNotNull(pool.draw());
        assertEquals(2, batches.get());
    }

    private List<Token> tokens(int n) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Token.random(random));
        return out;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }
}
