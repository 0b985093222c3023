package kioskvote;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition, never for a time: a busy 2-core machine makes any fixed pause wrong one day. */
public final class Waiting {
    private Waiting() {
    }

    /** Checks {@code condition} every 20 ms until it holds; fails the test if it still does not after {@code limit}. */
    public static void until(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("condition not met within " + limit);
            Thread.sleep(20);
        }
    }
}
