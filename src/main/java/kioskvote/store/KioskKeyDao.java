package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The kiosk_key table: each enrolled kiosk's request key, bound to its enrolment by the enrolment's secret hash. */
public final class KioskKeyDao {
    /** A kiosk's key as long as {@code secretHash} is its enrolment's (kiosk_enrolment). */
    public record KeyRow(String kioskName, String secretHash, String publicKey) {
    }

    private final Handle handle;

    public KioskKeyDao(Handle handle) {
        this.handle = handle;
    }

    /** Replaces the kiosk's key (call inside a transaction). */
    public void put(KeyRow row) {
        handle.createUpdate("DELETE FROM kiosk_key WHERE kiosk_name = ?").bind(0, row.kioskName()).execute();
        handle.createUpdate("INSERT INTO kiosk_key (kiosk_name, secret_hash, public_key) VALUES (?, ?, ?)")
                .bind(0, row.kioskName()).bind(1, row.secretHash()).bind(2, row.publicKey()).execute();
    }

    /** The key of the kiosk's current enrolment: only if its secret hash is the enrolment's. */
    public Optional<KeyRow> findCurrent(String kioskName) {
        return handle.createQuery("SELECT k.kiosk_name, k.secret_hash, k.public_key FROM kiosk_key k JOIN kiosk_enrolment e"
                        + " ON e.kiosk_name = k.kiosk_name AND e.secret_hash = k.secret_hash WHERE k.kiosk_name = ?")
                .bind(0, kioskName).map((rs, ctx) -> new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3))).findFirst();
    }
}
