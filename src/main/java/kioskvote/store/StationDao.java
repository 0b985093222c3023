package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The one row that ties a database to its meeting: present count and the admin passphrase hash. */
public final class StationDao {
    public record StationRow(String meetingId, int present, String adminSalt, String adminHash) {
    }

    private final Handle handle;

    public StationDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<StationRow> find() {
        return handle.createQuery("SELECT meeting_id, present, admin_salt, admin_hash FROM station")
                .map((rs, ctx) -> new StationRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .findFirst();
    }

    public void insert(StationRow row) {
        handle.createUpdate("INSERT INTO station (meeting_id, present, admin_salt, admin_hash) VALUES (?, ?, ?, ?)")
                .bind(0, row.meetingId()).bind(1, row.present()).bind(2, row.adminSalt()).bind(3, row.adminHash())
                .execute();
    }

    /** The fingerprint of the meeting key this database's slips are signed with, once a station has recorded it. */
    public Optional<String> keyFingerprint() {
        return handle.createQuery("SELECT key_fingerprint FROM station").mapTo(String.class).findFirst()
                .flatMap(Optional::ofNullable);
    }

    public void setKeyFingerprint(String fingerprint) {
        handle.createUpdate("UPDATE station SET key_fingerprint = ?").bind(0, fingerprint).execute();
    }

    public void setPresent(int present) {
        handle.createUpdate("UPDATE station SET present = ?").bind(0, present).execute();
    }

    public void setAdminHash(String salt, String hash) {
        handle.createUpdate("UPDATE station SET admin_salt = ?, admin_hash = ?").bind(0, salt).bind(1, hash).execute();
    }
}
