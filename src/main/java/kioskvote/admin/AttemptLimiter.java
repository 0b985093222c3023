package kioskvote.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of the admin passphrase: after 5 wrong attempts from one address, that address
 * waits 30 s, doubling with each further wrong attempt (up to 15 minutes). A right attempt clears it.
 */
public final class AttemptLimiter {
    private static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public AttemptLimiter(Clock clock) {
        this.clock = clock;
    }

    /** @return how long the address must still wait, if it is locked out */
    public Optional<Duration> lockedFor(String address) {
        Failures f = failures.get(address);
        if (f == null) return Optional.empty();
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /**
     * Counts an attempt as failed before it is checked, in one atomic step with the lock-out check, so
     * a burst of parallel guesses cannot all slip past the check before the first failure is recorded.
     * A right passphrase then clears the count ({@link #succeeded}).
     *
     * @return how long the address must still wait, if it is locked out (the attempt is then not counted)
     */
    public Optional<Duration> begin(String address) {
        Duration[] wait = new Duration[1];
        failures.compute(address, (a, f) -> {
            Instant now = clock.instant();
            if (f != null && f.lockedUntil().isAfter(now)) {
                wait[0] = Duration.between(now, f.lockedUntil());
                return f;
            }
            return counted(f);
        });
        return Optional.ofNullable(wait[0]);
    }

    private Failures counted(Failures f) {
        int count = f == null ? 1 : f.count() + 1;
        Instant until = clock.instant();
        if (count >= FREE_ATTEMPTS) {
            long factor = 1L << Math.min(count - FREE_ATTEMPTS, 10);
            Duration wait = FIRST_WAIT.multipliedBy(factor);
            until = until.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        return new Failures(count, until);
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
