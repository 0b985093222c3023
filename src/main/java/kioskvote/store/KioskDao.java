package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/**
 * The kiosk_enrolment and kiosk_delivery tables: which tablet holds which kiosk name (a hash of its secret),
 * and the desk's kiosk ballots not yet picked up (a visit handle, never a token).
 */
public final class KioskDao {
    public record EnrolmentRow(String kioskName, String secretHash) {
        @Override
        public String toString() {
            return "EnrolmentRow[" + kioskName + "]";
        }
    }

    public record DeliveryRow(long visitId, String kioskName, String pollId, String bootId) {
    }

    private static final String DELIVERY_COLUMNS = "visit_id, kiosk_name, poll_id, boot_id";

    private final Handle handle;

    public KioskDao(Handle handle) {
        this.handle = handle;
    }

    /** Enrols the name, replacing the hash of an earlier tablet's secret (call inside a transaction). */
    public void putEnrolment(EnrolmentRow row) {
        handle.createUpdate("DELETE FROM kiosk_enrolment WHERE kiosk_name = ?").bind(0, row.kioskName()).execute();
        handle.createUpdate("INSERT INTO kiosk_enrolment (kiosk_name, secret_hash) VALUES (?, ?)")
                .bind(0, row.kioskName()).bind(1, row.secretHash()).execute();
    }

    public Optional<EnrolmentRow> findEnrolment(String kioskName) {
        return handle.createQuery("SELECT kiosk_name, secret_hash FROM kiosk_enrolment WHERE kiosk_name = ?").bind(0, kioskName)
                .map((rs, ctx) -> new EnrolmentRow(rs.getString(1), rs.getString(2))).findFirst();
    }

    /** @return 1 if the name was enrolled */
    public int deleteEnrolment(String kioskName) {
        return handle.createUpdate("DELETE FROM kiosk_enrolment WHERE kiosk_name = ?").bind(0, kioskName).execute();
    }

    public List<String> enrolledNames() {
        return handle.createQuery("SELECT kiosk_name FROM kiosk_enrolment ORDER BY kiosk_name").mapTo(String.class).list();
    }

    public void insertDelivery(DeliveryRow row) {
        handle.createUpdate("INSERT INTO kiosk_delivery (" + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?)")
                .bind(0, row.visitId()).bind(1, row.kioskName()).bind(2, row.pollId()).bind(3, row.bootId()).execute();
    }

    /** Claims the delivery: 1 for the one caller that deleted it, 0 if it was already picked up or released. */
    public int deleteDelivery(long visitId) {
        return handle.createUpdate("DELETE FROM kiosk_delivery WHERE visit_id = ?").bind(0, visitId).execute();
    }

    /** The kiosk ballots waiting for this kiosk, those of other station runs only when {@code notOfBoot} is given. */
    public List<DeliveryRow> deliveriesFor(String kioskName, Optional<String> notOfBoot) {
        return handle.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM kiosk_delivery WHERE kiosk_name = ? AND boot_id <> ? ORDER BY visit_id")
                .bind(0, kioskName).bind(1, notOfBoot.orElse("")).map((rs, ctx) -> delivery(rs)).list();
    }

    /** Every kiosk ballot waiting, for the desk's list. */
    public List<DeliveryRow> deliveries() {
        return handle.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM kiosk_delivery ORDER BY kiosk_name, visit_id")
                .map((rs, ctx) -> delivery(rs)).list();
    }

    private static DeliveryRow delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeliveryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
}
