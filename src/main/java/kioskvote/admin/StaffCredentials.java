package kioskvote.admin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.store.StaffCredentialDao;
import kioskvote.store.StaffCredentialDao.CredentialRow;

/**
 * Who a sign-in secret belongs to: the organiser's passphrase (AdminPassphrase), or the secret the
 * organiser set for the chair or the desk clerk (salted PBKDF2 in the database). A secret that passed
 * PBKDF2 once is remembered per role as a SHA-256 digest, so the API is not charged a PBKDF2 run per
 * request; the digest is forgotten when the role's secret changes.
 */
public final class StaffCredentials {
    /** Long enough that the attempt limiter (5 free tries, then doubling waits) makes guessing hopeless. */
    public static final int MIN_LENGTH = 6;

    private final Jdbi jdbi;
    private final AdminPassphrase organiser;
    private final AuditLog audit;
    private final SecureRandom random;
    private final AdminSessions sessions;
    private final Map<StaffRole, byte[]> verified = new ConcurrentHashMap<>();

    public StaffCredentials(Jdbi jdbi, AdminPassphrase organiser, AuditLog audit, SecureRandom random, AdminSessions sessions) {
        this.jdbi = jdbi;
        this.organiser = organiser;
        this.audit = audit;
        this.random = random;
        this.sessions = sessions;
    }

    /** The role this secret signs in as, if any. */
    public Optional<StaffRole> roleOf(String attempt) {
        if (attempt == null || attempt.isBlank()) return Optional.empty();
        String secret = attempt.strip();
        if (organiser.matches(secret)) return Optional.of(StaffRole.ORGANISER);
        byte[] digest = AdminPassphrase.digest(secret);
        for (var known : verified.entrySet()) {
            if (MessageDigest.isEqual(known.getValue(), digest)) return Optional.of(known.getKey());
        }
        for (CredentialRow row : jdbi.withHandle(h -> new StaffCredentialDao(h).all())) {
            if (Passphrase.matches(secret, row.salt(), row.hash())) {
                StaffRole role = StaffRole.valueOf(row.role());
                verified.put(role, digest);
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The roles besides the organiser that have a secret now. */
    public Set<StaffRole> configured() {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        jdbi.withHandle(h -> new StaffCredentialDao(h).all()).forEach(row -> roles.add(StaffRole.valueOf(row.role())));
        return roles;
    }

    /** Sets the chair's or the desk clerk's secret; one already signing in as someone else is refused. */
    public void set(StaffRole role, String secret) {
        if (role == StaffRole.ORGANISER) throw AccessRefused.roleNotAllowed();
        String clean = secret == null ? "" : secret.strip();
        if (clean.length() < MIN_LENGTH) throw AccessRefused.secretTooShort(MIN_LENGTH);
        Optional<StaffRole> existing = roleOf(clean);
        if (existing.isPresent() && existing.get() != role) throw AccessRefused.secretInUse();
        String salt = Passphrase.newSalt(random);
        String hash = Passphrase.hash(clean, salt);
        jdbi.useTransaction(h -> {
            new StaffCredentialDao(h).put(new CredentialRow(role.name(), salt, hash));
            audit.append(h, "staff-secret-set", "role=" + role.name().toLowerCase());
        });
        verified.remove(role);
        sessions.endAll(role); // whoever signed in with the old secret signs in again
    }

    /** Withdraws a role's secret: whoever held it can no longer sign in (their open sessions end at once). */
    public void remove(StaffRole role) {
        if (role == StaffRole.ORGANISER) throw AccessRefused.roleNotAllowed();
        jdbi.useTransaction(h -> {
            new StaffCredentialDao(h).remove(role.name());
            audit.append(h, "staff-secret-removed", "role=" + role.name().toLowerCase());
        });
        verified.remove(role);
        sessions.endAll(role);
    }
}
