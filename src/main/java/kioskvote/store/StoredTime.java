package kioskvote.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time a row stores: to the second, in the station's offset, so the minutes print the hour the room saw
 * (store/StoredTypes reads and writes it as text).
 */
public final class StoredTime {
    private StoredTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
