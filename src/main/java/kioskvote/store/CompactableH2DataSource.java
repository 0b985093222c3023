package kioskvote.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.LoggerFactory;

/**
 * H2's connection pool, with one extra power: {@link #compact()} runs {@code SHUTDOWN COMPACT}, which
 * writes every live row into a fresh file and replaces the old one, so pages of deleted rows (the sealed
 * ballots after a count) are gone from the database file. The database must be closed for that, so new
 * connections wait while it runs, lent ones are waited for (at most {@link #DRAIN_MILLIS}), and the pool
 * is then made afresh (the old one's connections belong to the closed database).
 */
final class CompactableH2DataSource implements DataSource, Compactor {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CompactableH2DataSource.class);
    /** How long a compaction waits for connections in use to come back before giving up (it is retried at the next count). */
    static final long DRAIN_MILLIS = 15_000;
    private static final int MAX_CONNECTIONS = 32;

    private final String url;
    private final Object gate = new Object();
    private volatile JdbcConnectionPool pool;
    private boolean paused;
    private int lent;

    CompactableH2DataSource(String url) {
        this.url = url;
        this.pool = newPool();
    }

    private JdbcConnectionPool newPool() {
        JdbcConnectionPool created = JdbcConnectionPool.create(url, "kioskvote", "");
        created.setMaxConnections(MAX_CONNECTIONS);
        return created;
    }

    @Override
    public Connection getConnection() throws SQLException {
        synchronized (gate) {
            while (paused) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the database was being compacted", "08000", e);
                }
            }
            lent++;
        }
        try {
            return returning(pool.getConnection());
        } catch (SQLException | RuntimeException e) {
            giveBack();
            throw e;
        }
    }

    private void giveBack() {
        synchronized (gate) {
            lent--;
            gate.notifyAll();
        }
    }

    /** The connection, counted as lent until it is closed (once). */
    private Connection returning(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    connection.close();
                } finally {
                    if (closed.compareAndSet(false, true)) giveBack();
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public boolean compact() {
        synchronized (gate) {
            if (paused) return false;
            paused = true;
            long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
            try {
                while (lent > 0) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        LOG.warn("database compaction postponed: {} connections still in use after {} ms", lent, DRAIN_MILLIS);
                        paused = false;
                        gate.notifyAll();
                        return false;
                    }
                    gate.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                paused = false;
                gate.notifyAll();
                return false;
            }
        }
        boolean done = false;
        try (Connection raw = DriverManager.getConnection(url, "kioskvote", ""); Statement statement = raw.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
            done = true;
            // H2 wrote the fresh file with the process umask's mode (0644 under 022): the data directory's modes again.
            databaseFile().ifPresent(DataDirectory::secureFilesOf);
        } catch (SQLException e) {
            LOG.warn("database compaction failed: {}", e.getMessage());
        } finally {
            JdbcConnectionPool old = pool;
            pool = newPool();
            old.dispose();
            synchronized (gate) {
                paused = false;
                gate.notifyAll();
            }
        }
        return done;
    }

    /** The file name of an H2 file URL without its extension ({@code jdbc:h2:file:/dir/kioskvote;…}); none in memory. */
    private java.util.Optional<java.nio.file.Path> databaseFile() {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) return java.util.Optional.empty();
        return java.util.Optional.of(java.nio.file.Path.of(url.substring(prefix.length()).split(";", 2)[0]).toAbsolutePath());
    }

    /** Closes the pool's connections (the H2 file is released once none is open). */
    void dispose() {
        pool.dispose();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
