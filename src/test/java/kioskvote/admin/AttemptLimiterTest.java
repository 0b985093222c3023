package kioskvote.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
    final MovingClock clock = new MovingClock(Instant.parse("2026-12-10T08:30:00Z"));

    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanTheFiveFreeAttempts() throws Exception {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 200; i++) guesses.add(() -> limiter.begin("192.0.2.7", true).isEmpty());
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(guesses)) if (f.get()) allowed++;
            assertEquals(5, allowed);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(limiter.lockedFor("192.0.2.7", true).isPresent());
        assertTrue(limiter.lockedFor("192.0.2.8", true).isEmpty(), "another address is not locked out");
    }

    @Test
    void aRightPassphraseClearsTheCount() {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        for (int i = 0; i < 4; i++) limiter.begin("192.0.2.7", true);
        limiter.succeeded("192.0.2.7");
        for (int i = 0; i < 4; i++) assertTrue(limiter.begin("192.0.2.7", true).isEmpty());
    }

    /** 150 guesses from 30 addresses, five each (each address's free count), in parallel: 20 are checked in all. */
    @Test
    void manyAddressesShareOneBudgetThatBacksOffAndTheLaptopIsNotLockedOut() throws Exception {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int allowed = 0;
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int a = 0; a < 30; a++) {
                String address = "192.0.2." + (10 + a);
                for (int i = 0; i < 5; i++) guesses.add(() -> limiter.begin(address, true).isEmpty());
            }
            for (Future<Boolean> f : pool.invokeAll(guesses)) if (f.get()) allowed++;
        } finally {
            pool.shutdownNow();
        }
        assertEquals(AttemptLimiter.FREE_ATTEMPTS_FROM_THE_NETWORK, allowed, "150 guesses, 20 checked");
        Duration first = limiter.begin("198.51.100.1", true).orElseThrow(() -> new AssertionError("a fresh address is locked out too"));
        assertEquals(Duration.ofSeconds(30), first);
        assertTrue(limiter.begin("127.0.0.1", false).isEmpty(), "the laptop itself still signs in");

        clock.advance(Duration.ofSeconds(31));
        assertTrue(limiter.begin("198.51.100.1", true).isEmpty(), "after the wait, one more guess");
        assertEquals(Duration.ofSeconds(60), limiter.begin("198.51.100.2", true).orElseThrow(), "then the wait doubles");

        clock.advance(Duration.ofMinutes(16));
        assertTrue(limiter.begin("198.51.100.3", true).isEmpty(), "fifteen quiet minutes: the budget starts again");
    }

    @Test
    void theTableOfAddressesStaysBounded() {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        for (int i = 0; i < 20_000; i++) {
            limiter.begin("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), false);
        }
        assertTrue(limiter.addressesHeld() <= AttemptLimiter.MAX_ADDRESSES + 1, "held: " + limiter.addressesHeld());
        for (int i = 0; i < 5; i++) limiter.begin("10.200.0." + i, false);
        assertTrue(limiter.begin("10.200.0.99", false).isPresent(), "addresses past the table's size share one count");
        clock.advance(Duration.ofMinutes(16));
        assertTrue(limiter.begin("10.201.0.1", false).isEmpty(), "forgotten entries make room again");
    }

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
