package kioskvote.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import kioskvote.store.StationDao;

/**
 * Checks an admin passphrase attempt: against the one in meeting.yaml when the organiser set one there
 * (the file already holds it in clear, so hashing it into the database would add nothing but a slow
 * start), otherwise against the PBKDF2 hash of the passphrase generated at first start. A passphrase
 * that passed PBKDF2 once is remembered as a SHA-256 digest, so scripts calling the admin API are not
 * charged a PBKDF2 run per request.
 */
public final class AdminPassphrase {
    /** Stored in place of a hash when the passphrase lives in meeting.yaml. */
    public static final String FROM_CONFIG = "meeting.yaml";

    private final Jdbi jdbi;
    private final Optional<byte[]> configuredDigest;
    private volatile byte[] verifiedDigest;

    public AdminPassphrase(Jdbi jdbi, Optional<String> configured) {
        this.jdbi = jdbi;
        this.configuredDigest = configured.map(AdminPassphrase::digest);
    }

    public boolean matches(String attempt) {
        byte[] digest = digest(attempt.strip());
        if (configuredDigest.isPresent()) return MessageDigest.isEqual(digest, configuredDigest.get());
        byte[] known = verifiedDigest;
        if (known != null && MessageDigest.isEqual(digest, known)) return true;
        var row = jdbi.withHandle(h -> new StationDao(h).find()).orElseThrow();
        if (FROM_CONFIG.equals(row.adminHash())) return false;
        boolean ok = Passphrase.matches(attempt.strip(), row.adminSalt(), row.adminHash());
        if (ok) verifiedDigest = digest;
        return ok;
    }

    /** SHA-256 of a secret, to remember one that passed PBKDF2 (also StaffCredentials). */
    static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
