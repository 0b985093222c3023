package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The audit_event table: append and read, never update or delete. */
public final class AuditDao {
    public record AuditRow(long seq, String at, String event, String detail, String prevHash, String hash) {
    }

    private final Handle handle;

    public AuditDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<AuditRow> last() {
        return handle.createQuery("SELECT seq, at, event, detail, prev_hash, hash FROM audit_event ORDER BY seq DESC")
                .setMaxRows(1).map((rs, ctx) -> row(rs)).findFirst();
    }

    public void append(AuditRow row) {
        handle.createUpdate("INSERT INTO audit_event (seq, at, event, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, row.seq()).bind(1, row.at()).bind(2, row.event()).bind(3, row.detail())
                .bind(4, row.prevHash()).bind(5, row.hash()).execute();
    }

    public List<AuditRow> all() {
        return handle.createQuery("SELECT seq, at, event, detail, prev_hash, hash FROM audit_event ORDER BY seq")
                .map((rs, ctx) -> row(rs)).list();
    }

    private static AuditRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
