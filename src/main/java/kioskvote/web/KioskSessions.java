package kioskvote.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ballots in progress on the tablet kiosks, in memory only: a session stands for one voter's
 * credential (a scanned token, a typed short code, or a token the desk sent) while they fill in the
 * ballot, so the page holds only a random session id. A ballot the desk sends to a kiosk waits here
 * until that kiosk picks it up. Nothing here is written anywhere; a restart forgets it all.
 */
public final class KioskSessions {
    /** After this long without a cast a session is dropped, whatever the kiosk's own idle timer says. */
    static final Duration SESSION_LIMIT = Duration.ofMinutes(30);
    /** A kiosk is listed on the desk page while it asked for work within this time. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(30);

    enum CredentialKind { TOKEN, SHORT_CODE }

    /** Set when the desk sent this ballot: who received it, so an abandoned one can be voided and replaced. */
    record DeskOrigin(String personId, String pollId) {
    }

    record Session(String id, String kiosk, CredentialKind kind, String credential, Optional<DeskOrigin> desk,
                   Optional<String> pollId, Instant started) {
        Session {
            Objects.requireNonNull(credential, "credential");
        }

        @Override
        public String toString() {
            return "Session[" + kiosk + "]"; // the credential can cast a ballot: never in a log
        }
    }

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> waiting = new ConcurrentHashMap<>(); // kiosk name → session sent by the desk
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public KioskSessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A kiosk's name as it appears in its URL (/kiosk/phong-1). */
    static String requireName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) throw new BadRequest(ErrorCatalog.badKioskName());
        return name;
    }

    Session start(String kiosk, CredentialKind kind, String credential, Optional<String> pollId) {
        Session session = new Session(randomId(), kiosk, kind, credential, Optional.empty(), pollId, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** @return false if a ballot sent earlier is still waiting on that kiosk (one voter at a time) */
    boolean sendFromDesk(String kiosk, String token, String personId, String pollId) {
        Session session = new Session(randomId(), kiosk, CredentialKind.TOKEN, token, Optional.of(new DeskOrigin(personId, pollId)),
                Optional.of(pollId), clock.instant());
        if (waiting.putIfAbsent(kiosk, session.id()) != null) return false;
        sessions.put(session.id(), session);
        return true;
    }

    boolean hasWaiting(String kiosk) {
        return waiting.containsKey(kiosk);
    }

    /** The ballot the desk sent to this kiosk, once. Also notes that the kiosk is alive, for the desk's list. */
    Optional<Session> pickUp(String kiosk) {
        seen.put(kiosk, clock.instant());
        String id = waiting.remove(kiosk);
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    Optional<Session> find(String kiosk, String id) {
        if (id == null) return Optional.empty();
        Session session = sessions.get(id);
        return session != null && session.kiosk().equals(kiosk) ? Optional.of(session) : Optional.empty();
    }

    /** Forgets a session (cast, or abandoned); returns it if it was there. */
    Optional<Session> end(String kiosk, String id) {
        Optional<Session> session = find(kiosk, id);
        session.ifPresent(s -> sessions.remove(s.id()));
        return session;
    }

    /** Removes and returns the sessions older than the limit, for the caller to void what the desk sent. */
    List<Session> expire() {
        Instant limit = clock.instant().minus(SESSION_LIMIT);
        List<Session> expired = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.started().isBefore(limit) && sessions.remove(s.id()) != null) {
                waiting.remove(s.kiosk(), s.id());
                expired.add(s);
            }
        }
        return expired;
    }

    /** Kiosks that asked for work recently, by name. */
    List<String> kiosksSeen() {
        Instant since = clock.instant().minus(SEEN_WITHIN);
        return seen.entrySet().stream().filter(e -> e.getValue().isAfter(since)).map(Map.Entry::getKey).sorted().toList();
    }

    private String randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
