package kioskvote.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins made through the admin login form: a random id per browser, kept in memory only (a
 * restart signs everyone out), ended by signing out or after 12 idle hours.
 */
public final class AdminSessions {
    public static final String COOKIE = "kv_admin";
    private static final Duration IDLE = Duration.ofHours(12);

    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    public AdminSessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public String start() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        lastSeen.put(session, clock.instant());
        return session;
    }

    /** True for a live session, whose idle time starts again. */
    public boolean touch(String session) {
        if (session == null) return false;
        Instant now = clock.instant();
        Optional<Instant> seen = Optional.ofNullable(lastSeen.get(session));
        if (seen.isEmpty()) return false;
        if (seen.get().plus(IDLE).isBefore(now)) {
            lastSeen.remove(session);
            return false;
        }
        lastSeen.put(session, now);
        return true;
    }

    public void end(String session) {
        if (session != null) lastSeen.remove(session);
    }
}
