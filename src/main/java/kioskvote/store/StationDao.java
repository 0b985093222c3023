package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The one row that ties a database to its meeting: present count and the admin passphrase hash. */
public final class StationDao {
    public record StationRow(String meetingId, int present, String adminSalt, String adminHash) {
    }

    private static final RowMapper<StationRow> STATION = ConstructorMapper.of(StationRow.class);

    private final Handle handle;

    public StationDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<StationRow> find() {
        return handle.createQuery("SELECT meeting_id, present, admin_salt, admin_hash FROM station")
                .map(STATION).findFirst();
    }

    public void insert(StationRow row) {
        handle.createUpdate("INSERT INTO station (meeting_id, present, admin_salt, admin_hash) VALUES (:meetingId, :present, :adminSalt, :adminHash)")
                .bindMethods(row).execute();
    }

    /** The fingerprint of the meeting key this database's slips are signed with, once a station has recorded it. */
    public Optional<String> keyFingerprint() {
        return handle.createQuery("SELECT key_fingerprint FROM station").mapTo(String.class).findFirst()
                .flatMap(Optional::ofNullable);
    }

    public void setKeyFingerprint(String fingerprint) {
        handle.createUpdate("UPDATE station SET key_fingerprint = :fingerprint").bind("fingerprint", fingerprint).execute();
    }

    public void setPresent(int present) {
        handle.createUpdate("UPDATE station SET present = :present").bind("present", present).execute();
    }

    public void setAdminHash(String salt, String hash) {
        handle.createUpdate("UPDATE station SET admin_salt = :salt, admin_hash = :hash").bind("salt", salt).bind("hash", hash).execute();
    }
}
