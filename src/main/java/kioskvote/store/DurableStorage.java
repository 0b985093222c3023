package kioskvote.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * "Acknowledged" means on stable storage, not merely handed to the operating system.
 * <ul>
 *   <li><b>H2</b>: WRITE_DELAY=0 writes every commit to the file, but the file's pages may still sit in the
 *       operating system's cache when the voter is answered, and a power cut would lose them. After each group
 *       commit the cast writer writes anything pending (MVStore.commit) and forces the file to the disk
 *       (FileChannel.force), what {@code CHECKPOINT SYNC} does in H2 2.3; only then are that commit's voters
 *       answered. One force per group commit, not per ballot.</li>
 *   <li><b>PostgreSQL</b>: COMMIT returns once the WAL is flushed to disk when synchronous_commit is on; the
 *       station sets it on for its own connections (a server or role default of off would otherwise apply).
 *       A server running with fsync=off cannot be fixed from a client; the station says so at start.</li>
 * </ul>
 */
public final class DurableStorage {
    /**
     * Casts are refused (503 disk_full) while less than this is free on the H2 file's disk. H2 closes its whole
     * database when a write fails (every read then fails too, until a restart), so the station stops writing
     * ballots while there is still room, keeps serving reads, and resumes by itself once space is freed.
     */
    public static final long RESERVE_BYTES = 16L * 1024 * 1024;

    private final Jdbi jdbi;
    private final boolean h2;
    private final Optional<Path> h2Directory;

    private DurableStorage(Jdbi jdbi, boolean h2, Optional<Path> h2Directory) {
        this.jdbi = jdbi;
        this.h2 = h2;
        this.h2Directory = h2Directory;
    }

    public static DurableStorage of(Jdbi jdbi) {
        String url = urlOf(jdbi);
        return new DurableStorage(jdbi, url.startsWith("jdbc:h2:"), h2Directory(url));
    }

    /** The directory of an H2 file database (jdbc:h2:file:/dir/name;… or jdbc:h2:/dir/name, with or without a file-system prefix). */
    static Optional<Path> h2Directory(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")) return Optional.empty();
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        int slash = path.indexOf('/');
        if (slash < 0) return Optional.empty();
        Path file = Path.of(path.substring(slash));
        return Optional.ofNullable(file.getParent());
    }

    /** Throws StorageFull, before anything is written, when the database's disk is down to its reserve. */
    public void requireRoom() {
        if (h2Directory.isEmpty()) return; // PostgreSQL reports its own full disk (SQLState 53100): answered 503 as well
        long usable;
        try {
            usable = Files.getFileStore(h2Directory.get()).getUsableSpace();
        } catch (IOException e) {
            return; // cannot tell: let the write itself decide
        }
        if (usable < RESERVE_BYTES) {
            throw new StorageFull("only " + usable / 1024 + " KB free on the disk of " + h2Directory.get());
        }
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

    /**
     * Taken inside a transaction: what forces its commit, and everything committed before it, to the disk once it
     * has committed (H2). Nothing to do on PostgreSQL, where the commit itself already waited for the disk.
     * <p>
     * It calls H2's store directly, as {@code CHECKPOINT SYNC} would (write what is pending, then FileChannel.force)
     * but without a second connection, the statement, and H2's database-wide lock around it: these were a sixth
     * of a cast's CPU, and the lock made each group wait for the previous group's force (JFR, docs/performance.md).
     * If the store was closed meanwhile (the file rewritten after a count), the reopened database is forced instead.
     */
    public Runnable forceAfterCommit(Handle handle) {
        if (!h2) return () -> { };
        Optional<MVStore> embedded = mvStoreOf(handle);
        if (embedded.isEmpty()) return () -> jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC")); // an H2 server: through SQL
        MVStore store = embedded.get();
        return () -> {
            if (store.isClosed()) {
                jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
                return;
            }
            store.commit(); // nothing left to write after a WRITE_DELAY=0 commit, unless H2 deferred it
            store.sync();
        };
    }

    /** The store of an embedded H2 database; empty for a connection to an H2 server (jdbc:h2:tcp:), whose store is elsewhere. */
    private static Optional<MVStore> mvStoreOf(Handle handle) {
        try {
            JdbcConnection connection = handle.getConnection().unwrap(JdbcConnection.class);
            if (!(connection.getSession() instanceof SessionLocal local) || local.getDatabase().getStore() == null) return Optional.empty();
            return Optional.of(local.getDatabase().getStore().getMvStore());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("not an H2 connection", e);
        }
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
