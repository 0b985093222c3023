package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The audit_event table: append and read, never update or delete. */
public final class AuditDao {
    /** The longest detail an entry holds (audit_log.detail, migration V1). */
    public static final int MAX_DETAIL = 2000;

    public record AuditRow(long seq, String at, String event, String detail, String prevHash, String hash) {
    }

    private final Handle handle;

    public AuditDao(Handle handle) {
        this.handle = handle;
    }

    /**
     * The newest entry, read to chain the next one onto it. Several stations may share one database, so
     * first the station row is locked until the caller's transaction ends: appends from all stations take
     * turns and no two can chain onto the same entry (on one station this lock is uncontended).
     */
    public Optional<AuditRow> last() {
        handle.createQuery("SELECT meeting_id FROM station FOR UPDATE").mapTo(String.class).list();
        return handle.createQuery("SELECT seq, at, event, detail, prev_hash, hash FROM audit_event ORDER BY seq DESC")
                .setMaxRows(1).map((rs, ctx) -> row(rs)).findFirst();
    }

    public void append(AuditRow row) {
        handle.createUpdate("INSERT INTO audit_event (seq, at, event, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, row.seq()).bind(1, row.at()).bind(2, row.event()).bind(3, row.detail())
                .bind(4, row.prevHash()).bind(5, row.hash()).execute();
    }

    /** True if the log holds this event with exactly this detail (e.g. "results-shown", "poll=tin-nhiem"). */
    public boolean has(String event, String detail) {
        return handle.createQuery("SELECT COUNT(*) FROM audit_event WHERE event = ? AND detail = ?")
                .bind(0, event).bind(1, detail).mapTo(Long.class).one() > 0;
    }

    public List<AuditRow> all() {
        return handle.createQuery("SELECT seq, at, event, detail, prev_hash, hash FROM audit_event ORDER BY seq")
                .map((rs, ctx) -> row(rs)).list();
    }

    private static AuditRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
