package kioskvote.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of the staff secrets (the organiser's passphrase, the chair's and the clerk's PINs).
 * Per address: after 5 wrong attempts that address waits 30 s, doubling with each further wrong attempt (up
 * to 15 minutes); a right attempt clears it. Across addresses, since a wrong guess names no role and many
 * addresses are cheap on a Wi-Fi: one budget of 20 wrong attempts from the network, then the same back-off for
 * every address, until 15 minutes pass without a wrong attempt. The laptop itself (loopback) is outside that
 * budget, so guesses from the air never lock the organiser out of the station laptop. The table of addresses
 * is bounded: when full, forgotten entries are dropped, and further addresses share one entry.
 */
public final class AttemptLimiter {
    private static final int FREE_ATTEMPTS = 5;
    static final int FREE_ATTEMPTS_FROM_THE_NETWORK = 20;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A count with no wrong attempt for this long starts again from zero (and its entry may be dropped). */
    private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 1024;
    private static final String OVERFLOW = "(other addresses)";

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failures> network = new ConcurrentHashMap<>(); // one entry: the global budget

    public AttemptLimiter(Clock clock) {
        this.clock = clock;
    }

    /** @return how long the address must still wait, if it is locked out (by its own count or, from the network, the global one) */
    public Optional<Duration> lockedFor(String address, boolean fromTheNetwork) {
        Optional<Duration> own = waitOf(failures.get(key(address)));
        if (own.isPresent() || !fromTheNetwork) return own;
        return waitOf(network.get(OVERFLOW));
    }

    /**
     * Counts an attempt as failed before it is checked, in one atomic step with the lock-out check, so
     * a burst of parallel guesses cannot all slip past the check before the first failure is recorded.
     * A right passphrase then clears the address's count ({@link #succeeded}); the network's stays.
     *
     * @param fromTheNetwork false for the laptop itself (loopback), which the global budget does not cover
     * @return how long the address must still wait, if it is locked out (the attempt is then not counted)
     */
    public Optional<Duration> begin(String address, boolean fromTheNetwork) {
        Optional<Duration> own = countIn(failures, key(address), FREE_ATTEMPTS);
        if (own.isPresent() || !fromTheNetwork) return own;
        return countIn(network, OVERFLOW, FREE_ATTEMPTS_FROM_THE_NETWORK);
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    /** How many addresses the table holds (never more than {@link #MAX_ADDRESSES} + 1). */
    int addressesHeld() {
        return failures.size();
    }

    private Optional<Duration> countIn(ConcurrentHashMap<String, Failures> table, String key, int free) {
        Duration[] wait = new Duration[1];
        table.compute(key, (a, f) -> {
            Instant now = clock.instant();
            if (f != null && f.lockedUntil().isAfter(now)) {
                wait[0] = Duration.between(now, f.lockedUntil());
                return f;
            }
            return counted(f != null && f.last().plus(FORGOTTEN_AFTER).isAfter(now) ? f : null, free, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    private static Failures counted(Failures f, int free, Instant now) {
        int count = f == null ? 1 : f.count() + 1;
        Instant until = now;
        if (count >= free) {
            long factor = 1L << Math.min(count - free, 10);
            Duration wait = FIRST_WAIT.multipliedBy(factor);
            until = until.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        return new Failures(count, until, now);
    }

    /** The address's own entry, or the shared one once the table is full of live entries. */
    private String key(String address) {
        if (failures.containsKey(address) || failures.size() < MAX_ADDRESSES) return address;
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> !e.getKey().equals(OVERFLOW) && !e.getValue().lockedUntil().isAfter(now)
                && !e.getValue().last().plus(FORGOTTEN_AFTER).isAfter(now));
        return failures.size() < MAX_ADDRESSES ? address : OVERFLOW;
    }

    private Optional<Duration> waitOf(Failures f) {
        if (f == null) return Optional.empty();
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
