package kioskvote.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * While the database is unreachable, answers "no connection" at once instead of making every request
 * wait out the pool's timeout. Casts of a poll queue one behind the other (BallotBox), so without this
 * each voter in the queue would wait for every timeout ahead of them. After the pool fails to give a
 * connection, requests fail immediately for {@link #QUIET_MS}; then one request at a time asks the pool
 * again (it waits at most the pool's timeout) while the others still fail at once. The first success
 * ends the outage: nothing has to be restarted.
 * The failure is an SQLTransientConnectionException with SQLState 08001, which the web layer answers
 * with 503 try_again.
 */
final class FailFastDataSource implements DataSource {
    static final long QUIET_MS = 1_000;

    private final DataSource pool;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean down;
    private volatile long failedAtNanos;

    FailFastDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!down) return fromPool();
        if (System.nanoTime() - failedAtNanos < TimeUnit.MILLISECONDS.toNanos(QUIET_MS) || !probing.compareAndSet(false, true)) {
            throw new SQLTransientConnectionException("the database is unreachable; trying again shortly", "08001");
        }
        try {
            return fromPool();
        } finally {
            probing.set(false);
        }
    }

    private Connection fromPool() throws SQLException {
        try {
            Connection connection = pool.getConnection();
            down = false;
            return connection;
        } catch (SQLException e) {
            failedAtNanos = System.nanoTime();
            down = true;
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's own user and password are used");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
