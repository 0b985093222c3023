package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The kiosk_key table: each enrolled kiosk's request key, bound to its enrolment by the enrolment's secret hash. */
public final class KioskKeyDao {
    /** A kiosk's key as long as {@code secretHash} is its enrolment's (kiosk_enrolment). */
    public record KeyRow(String kioskName, String secretHash, String publicKey) {
    }

    private static final RowMapper<KeyRow> ROW = ConstructorMapper.of(KeyRow.class);

    private final Handle handle;

    public KioskKeyDao(Handle handle) {
        this.handle = handle;
    }

    /** Replaces the kiosk's key (call inside a transaction). */
    public void put(KeyRow row) {
        handle.createUpdate("DELETE FROM kiosk_key WHERE kiosk_name = :kioskName").bind("kioskName", row.kioskName()).execute();
        handle.createUpdate("INSERT INTO kiosk_key (kiosk_name, secret_hash, public_key) VALUES (:kioskName, :secretHash, :publicKey)")
                .bindMethods(row).execute();
    }

    /** The key of the kiosk's current enrolment: only if its secret hash is the enrolment's. */
    public Optional<KeyRow> findCurrent(String kioskName) {
        return handle.createQuery("SELECT k.kiosk_name, k.secret_hash, k.public_key FROM kiosk_key k JOIN kiosk_enrolment e"
                        + " ON e.kiosk_name = k.kiosk_name AND e.secret_hash = k.secret_hash WHERE k.kiosk_name = :kioskName")
                .bind("kioskName", kioskName).map(ROW).findFirst();
    }
}
