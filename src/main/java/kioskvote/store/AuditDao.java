package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The audit_event table: append and read, never update or delete. */
public final class AuditDao {
    /** The longest detail an entry holds (audit_log.detail, migration V1). */
    public static final int MAX_DETAIL = 2000;

    public record AuditRow(long seq, String at, String event, String detail, String prevHash, String hash) {
    }

    private static final RowMapper<AuditRow> ROW = ConstructorMapper.of(AuditRow.class);

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
                .setMaxRows(1).map(ROW).findFirst();
    }

    public void append(AuditRow row) {
        handle.createUpdate("INSERT INTO audit_event (seq, at, event, detail, prev_hash, hash) VALUES (:seq, :at, :event, :detail, :prevHash, :hash)")
                .bindMethods(row).execute();
    }

    /** True if the log holds this event with exactly this detail (e.g. "results-shown", "poll=tin-nhiem"). */
    public boolean has(String event, String detail) {
        return handle.createQuery("SELECT COUNT(*) FROM audit_event WHERE event = :event AND detail = :detail")
                .bind("event", event).bind("detail", detail).mapTo(Long.class).one() > 0;
    }

    public List<AuditRow> all() {
        return handle.createQuery("SELECT seq, at, event, detail, prev_hash, hash FROM audit_event ORDER BY seq")
                .map(ROW).list();
    }
}
