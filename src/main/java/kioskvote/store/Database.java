package kioskvote.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens the station's database, brings its schema up to date, and hands out the Jdbi handle.
 * Two stores, one schema and one set of statements: the embedded H2 file (the default, one laptop)
 * and PostgreSQL (several stations serving one meeting, docs/scaling.md).
 */
public final class Database {
    /** Connections per station on PostgreSQL: casts of one poll queue on its row lock anyway. */
    static final int POSTGRES_POOL_SIZE = 16;
    /**
     * How long a request waits for a connection before it is answered 503 try_again. Short enough that
     * a voter during a database outage is told to retry within seconds (see FailFastDataSource); long
     * enough for a burst, since casts of one poll hold one connection at a time.
     */
    static final long POSTGRES_CONNECTION_TIMEOUT_MS = 3_000;

    private Database() {
    }

    /**
     * The embedded H2 file database in {@code dataDir}.
     * Durability: H2 by default writes a commit to its file up to WRITE_DELAY (500 ms) later, so a
     * kill -9 right after an acknowledgement could lose it. WRITE_DELAY=0 writes every commit to the
     * file before the commit returns; the e2e crash test (kill -9 after a burst) is the evidence.
     * LOCK_TIMEOUT is raised so that a burst of casts queues on the poll row instead of failing.
     * CACHE_SIZE (KB) is fixed at 32 MB: by default H2 sizes its page cache at 6.25% of the JVM's maximum heap,
     * which is 7 MB under the launcher's 112 MB heap (the 100,000-ballot tally then re-read its pages from the
     * file: 4.9 s in bench/run) and 380 MB on an uncapped JVM on a 24 GB laptop.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("kioskvote") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;CACHE_SIZE=32768";
    }

    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** Connections of the embedded H2 pool: more than the request threads that hold one at a time need. */
    private static final int H2_POOL_SIZE = 32;

    public static Jdbi open(String jdbcUrl) {
        DataSource dataSource = isPostgres(jdbcUrl) ? postgres(jdbcUrl) : h2(jdbcUrl);
        try {
            // On PostgreSQL, Flyway holds an advisory lock while it migrates: stations starting together take turns.
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            if (dataSource instanceof HikariDataSource hikari) hikari.close();
            if (dataSource instanceof JdbcConnectionPool h2) h2.dispose();
            throw e;
        }
        Jdbi jdbi = Jdbi.create(isPostgres(jdbcUrl) ? new FailFastDataSource(dataSource) : dataSource);
        // Jdbi's exception messages carry the statement's bound values (a serial, a receipt, a choice)
        // by default; those messages reach the server log, which must never hold them.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        jdbi.define(POOL_ATTRIBUTE, dataSource);
        StoredTypes.register(jdbi);
        return jdbi;
    }

    /** The embedded H2 file (or an H2 server's URL): H2's own pool. */
    private static JdbcConnectionPool h2(String jdbcUrl) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "kioskvote", "");
        pool.setMaxConnections(H2_POOL_SIZE);
        return pool;
    }

    /** True for an H2 database in a file of this process (not an H2 server's, not PostgreSQL). */
    public static boolean isEmbeddedH2(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:mem:")
                || jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    private static final String POOL_ATTRIBUTE = "kioskvote.pool";

    /**
     * Closes the connection pool behind a Jdbi from {@link #open}: the H2 file is released, PostgreSQL's
     * connections end. A station runs until its process stops; tests run many stations in one JVM.
     */
    public static void close(Jdbi jdbi) {
        Object pool = jdbi.getConfig(SqlStatements.class).getAttribute(POOL_ATTRIBUTE);
        if (pool instanceof JdbcConnectionPool h2) h2.dispose();
        if (pool instanceof HikariDataSource hikari) hikari.close();
    }

    /**
     * A pool that checks a connection before lending it after idleness and throws away any connection
     * that reported a lost link (SQLState 08…, 57P0…): after an outage, the first requests fail with
     * 503 try_again and the following ones get fresh connections, without restarting the station.
     * User and password come from the URL ({@code ?user=…&password=…}) or the driver's ~/.pgpass.
     */
    private static DataSource postgres(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kioskvote-postgresql");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(POSTGRES_CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("connectTimeout", "5");   // seconds; a URL parameter overrides it
        config.addDataSourceProperty("socketTimeout", "60");   // seconds: a vanished server cannot hang a request for ever
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "kioskvote");
        // A commit returns only once its WAL record is on disk, whatever the server's or role's default (DurableStorage).
        config.setConnectionInitSql("SET synchronous_commit TO on");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the database " + withoutPassword(jdbcUrl) + ": "
                    + rootMessage(e) + " (is PostgreSQL running, and do the URL's host, port, database and user exist?)", e);
        }
    }

    /** SQLState 23505 is the unique-key violation on both H2 and PostgreSQL. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /** The URL as it may be printed: a password parameter is masked. */
    public static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return String.valueOf(t.getMessage());
    }
}
