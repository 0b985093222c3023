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
    private record Session(StaffRole role, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AdminSessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new session for someone who signed in as {@code role}; returns its id (the cookie's value). */
    public String start(StaffRole role) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(session, new Session(role, clock.instant()));
        return session;
    }

    /** The role of a live session, whose idle time starts again; empty for an unknown or expired one. */
    public Optional<StaffRole> touch(String session) {
        if (session == null) return Optional.empty();
        Instant now = clock.instant();
        Session seen = sessions.get(session);
        if (seen == null) return Optional.empty();
        if (seen.lastSeen().plus(IDLE).isBefore(now)) {
            sessions.remove(session);
            return Optional.empty();
        }
        sessions.put(session, new Session(seen.role(), now));
        return Optional.of(seen.role());
    }

    public void end(String session) {
        if (session != null) sessions.remove(session);
    }

    /** Ends every session of a role, when the organiser changes or withdraws that role's secret. */
    public void endAll(StaffRole role) {
        sessions.values().removeIf(s -> s.role() == role);
    }
}
