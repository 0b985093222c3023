package kioskvote.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/** Opens the station's database, brings its schema up to date, and hands out the Jdbi handle. */
public final class Database {
    private Database() {
    }

    /**
     * The embedded H2 file database in {@code dataDir}.
     * Durability: H2 by default writes a commit to its file up to WRITE_DELAY (500 ms) later, so a
     * kill -9 right after an acknowledgement could lose it. WRITE_DELAY=0 writes every commit to the
     * file before the commit returns; the e2e crash test (kill -9 after a burst) is the evidence.
     * LOCK_TIMEOUT is raised so that a burst of casts queues on the poll row instead of failing.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("kioskvote") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    public static Jdbi open(String jdbcUrl) {
        DataSource dataSource = JdbcConnectionPool.create(jdbcUrl, "kioskvote", "");
        ((JdbcConnectionPool) dataSource).setMaxConnections(32);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return Jdbi.create(dataSource);
    }
}
