package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

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

    private static final RowMapper<EnrolmentRow> ENROLMENT = ConstructorMapper.of(EnrolmentRow.class);
    private static final RowMapper<DeliveryRow> DELIVERY = ConstructorMapper.of(DeliveryRow.class);

    private final Handle handle;

    public KioskDao(Handle handle) {
        this.handle = handle;
    }

    /** Enrols the name, replacing the hash of an earlier tablet's secret (call inside a transaction). */
    public void putEnrolment(EnrolmentRow row) {
        deleteEnrolment(row.kioskName());
        handle.createUpdate("INSERT INTO kiosk_enrolment (kiosk_name, secret_hash) VALUES (:kioskName, :secretHash)").bindMethods(row).execute();
    }

    public Optional<EnrolmentRow> findEnrolment(String kioskName) {
        return handle.createQuery("SELECT kiosk_name, secret_hash FROM kiosk_enrolment WHERE kiosk_name = :kioskName")
                .bind("kioskName", kioskName).map(ENROLMENT).findFirst();
    }

    /** @return 1 if the name was enrolled */
    public int deleteEnrolment(String kioskName) {
        return handle.createUpdate("DELETE FROM kiosk_enrolment WHERE kiosk_name = :kioskName").bind("kioskName", kioskName).execute();
    }

    public List<String> enrolledNames() {
        return handle.createQuery("SELECT kiosk_name FROM kiosk_enrolment ORDER BY kiosk_name").mapTo(String.class).list();
    }

    public void insertDelivery(DeliveryRow row) {
        handle.createUpdate("INSERT INTO kiosk_delivery (" + DELIVERY_COLUMNS + ") VALUES (:visitId, :kioskName, :pollId, :bootId)")
                .bindMethods(row).execute();
    }

    /** Claims the delivery: 1 for the one caller that deleted it, 0 if it was already picked up or released. */
    public int deleteDelivery(long visitId) {
        return handle.createUpdate("DELETE FROM kiosk_delivery WHERE visit_id = :visitId").bind("visitId", visitId).execute();
    }

    /** The kiosk ballots waiting for this kiosk, those of other station runs only when {@code notOfBoot} is given. */
    public List<DeliveryRow> deliveriesFor(String kioskName, Optional<String> notOfBoot) {
        return handle.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM kiosk_delivery WHERE kiosk_name = :kioskName AND boot_id <> :notOfBoot "
                        + "ORDER BY visit_id")
                .bind("kioskName", kioskName).bind("notOfBoot", notOfBoot.orElse("")).map(DELIVERY).list();
    }

    /** Every kiosk ballot waiting, for the desk's list. */
    public List<DeliveryRow> deliveries() {
        return handle.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM kiosk_delivery ORDER BY kiosk_name, visit_id")
                .map(DELIVERY).list();
    }
}
