package kioskvote.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-12-10T08:30:00Z"), ZoneOffset.UTC);

    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanTheFiveFreeAttempts() throws Exception {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 200; i++) guesses.add(() -> limiter.begin("192.0.2.7").isEmpty());
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(guesses)) if (f.get()) allowed++;
            assertEquals(5, allowed);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(limiter.lockedFor("192.0.2.7").isPresent());
        assertTrue(limiter.lockedFor("192.0.2.8").isEmpty(), "another address is not locked out");
    }

    @Test
    void aRightPassphraseClearsTheCount() {
        AttemptLimiter limiter = new AttemptLimiter(clock);
        for (int i = 0; i < 4; i++) limiter.begin("192.0.2.7");
        limiter.succeeded("192.0.2.7");
        for (int i = 0; i < 4; i++) assertTrue(limiter.begin("192.0.2.7").isEmpty());
    }
}
