package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * "Acknowledged" means on stable storage, not merely handed to the operating system.
 * <ul>
 *   <li><b>H2</b>: WRITE_DELAY=0 writes every commit to the file, but the file's pages may still sit in the
 *       operating system's cache when the voter is answered, and a power cut would lose them. After each group
 *       commit the cast writer runs {@code CHECKPOINT SYNC}: H2 2.3 writes anything pending (MVStore.commit) and
 *       forces its file to the disk (FileChannel.force); only then are that commit's voters answered. One force
 *       per group commit, not per ballot.</li>
 *   <li><b>PostgreSQL</b>: COMMIT returns once the WAL is flushed to disk when synchronous_commit is on; the
 *       station sets it on for its own connections (a server or role default of off would otherwise apply).
 *       A server running with fsync=off cannot be fixed from a client; the station says so at start.</li>
 * </ul>
 */
public final class DurableStorage {
    private final boolean h2;

    private DurableStorage(boolean h2) {
        this.h2 = h2;
    }

    public static DurableStorage of(Jdbi jdbi) {
        return new DurableStorage(urlOf(jdbi).startsWith("jdbc:h2:"));
    }

    private static String urlOf(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getURL();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the database URL", e);
            }
        });
    }

    /** Forces everything committed so far to the disk (H2); on PostgreSQL the commit itself already waited for it. */
    public void forceCommitted(Handle handle) {
        if (h2) handle.execute("CHECKPOINT SYNC");
    }

    /** A line for the terminal when the database cannot keep acknowledged ballots through a power cut. */
    public static Optional<String> warning(Jdbi jdbi) {
        if (!urlOf(jdbi).startsWith("jdbc:postgresql:")) return Optional.empty();
        return jdbi.withHandle(h -> {
            String fsync = h.createQuery("SHOW fsync").mapTo(String.class).one();
            String synchronous = h.createQuery("SHOW synchronous_commit").mapTo(String.class).one();
            if (!"on".equalsIgnoreCase(fsync)) {
                return Optional.of("WARNING: the PostgreSQL server runs with fsync=" + fsync
                        + ": acknowledged ballots would not survive a power cut. Set fsync=on for a meeting.");
            }
            if ("off".equalsIgnoreCase(synchronous)) {
                return Optional.of("WARNING: synchronous_commit=" + synchronous + " on this station's connections.");
            }
            return Optional.empty();
        });
    }
}
