package kioskvote.web;

import java.util.Optional;

import io.javalin.http.Context;
import kioskvote.admin.Passphrase;
import kioskvote.store.StationDao;

/**
 * Lets a request through to an admin route only with the right passphrase, given as
 * {@code Authorization: Bearer <passphrase>}. Wrong attempts are rate-limited per address.
 */
final class AdminGuard {
    private final Station station;

    AdminGuard(Station station) {
        this.station = station;
    }

    void require(Context ctx) {
        String address = ctx.ip();
        Optional<java.time.Duration> locked = station.attempts().lockedFor(address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            throw new BadRequest(ErrorCatalog.tooManyAttempts(seconds));
        }
        Optional<String> attempt = bearer(ctx);
        if (attempt.isEmpty()) throw new BadRequest(ErrorCatalog.unauthorized());
        if (!matches(attempt.get())) {
            station.attempts().failed(address);
            throw new BadRequest(ErrorCatalog.unauthorized());
        }
        station.attempts().succeeded(address);
    }

    boolean matches(String attempt) {
        var row = station.jdbi().withHandle(h -> new StationDao(h).find()).orElseThrow();
        return Passphrase.matches(attempt.strip(), row.adminSalt(), row.adminHash());
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String value = header.substring(7).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
