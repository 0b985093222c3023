package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** Slip batches and the tokens issued in them (no link to a person, nor to a ballot). */
public final class SlipDao {
    public record IssuedRow(String serial, String shortCode, String batchId, boolean voided) {
    }

    public record BatchRow(String batchId, String label, int slipCount, String createdAt, int voided) {
    }

    private final Handle handle;

    public SlipDao(Handle handle) {
        this.handle = handle;
    }

    public void insertBatch(String batchId, String label, int count, String at) {
        handle.createUpdate("INSERT INTO slip_batch (batch_id, label, slip_count, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, batchId).bind(1, label).bind(2, count).bind(3, at).execute();
    }

    public void insertIssued(List<IssuedRow> rows) {
        var batch = handle.prepareBatch("INSERT INTO issued_token (serial, short_code, batch_id, voided) VALUES (?, ?, ?, ?)");
        for (IssuedRow row : rows) {
            batch.bind(0, row.serial()).bind(1, row.shortCode()).bind(2, row.batchId()).bind(3, row.voided()).add();
        }
        batch.execute();
    }

    public Optional<IssuedRow> findBySerial(String serial) {
        return handle.createQuery("SELECT serial, short_code, batch_id, voided FROM issued_token WHERE serial = ?")
                .bind(0, serial).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .findFirst();
    }

    /**
     * The same, locking the row until the transaction ends: a cast and a void of the same slip then
     * happen one after the other, never both on a slip each saw as valid.
     */
    public Optional<IssuedRow> findBySerialForUpdate(String serial) {
        return handle.createQuery("SELECT serial, short_code, batch_id, voided FROM issued_token WHERE serial = ? FOR UPDATE")
                .bind(0, serial).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .findFirst();
    }

    public Optional<IssuedRow> findByShortCode(String shortCode) {
        return handle.createQuery("SELECT serial, short_code, batch_id, voided FROM issued_token WHERE short_code = ?")
                .bind(0, shortCode).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .findFirst();
    }

    /** @return how many tokens changed from valid to voided */
    public int voidByShortCode(String shortCode) {
        return handle.createUpdate("UPDATE issued_token SET voided = TRUE WHERE short_code = ? AND voided = FALSE")
                .bind(0, shortCode).execute();
    }

    /** Voids every slip of a run that has not voted in any poll (a lost stack, or the leftovers after the meeting). */
    public int voidUnusedOfBatch(String batchId) {
        return handle.createUpdate("UPDATE issued_token SET voided = TRUE WHERE batch_id = ? AND voided = FALSE "
                        + "AND serial NOT IN (SELECT serial FROM spent_token)")
                .bind(0, batchId).execute();
    }

    /**
     * Counts one more slip into a standing batch (the check-in desk's), creating it on first use.
     * Two stations creating it at once: one gets the unique-key violation and its caller retries.
     */
    public void countIntoStandingBatch(String batchId, String label, String at) {
        int updated = handle.createUpdate("UPDATE slip_batch SET slip_count = slip_count + 1 WHERE batch_id = ?")
                .bind(0, batchId).execute();
        if (updated == 0) insertBatch(batchId, label, 1, at);
    }

    /** @return how many tokens changed from valid to voided */
    public int voidBySerial(String serial) {
        return handle.createUpdate("UPDATE issued_token SET voided = TRUE WHERE serial = ? AND voided = FALSE")
                .bind(0, serial).execute();
    }

    /** The serials of every slip issued and not voided: what a poll commits to when it opens. */
    public List<String> validSerials() {
        return handle.createQuery("SELECT serial FROM issued_token WHERE voided = FALSE").mapTo(String.class).list();
    }

    public long countIssued() {
        return handle.createQuery("SELECT COUNT(*) FROM issued_token").mapTo(Long.class).one();
    }

    public long countVoided() {
        return handle.createQuery("SELECT COUNT(*) FROM issued_token WHERE voided = TRUE").mapTo(Long.class).one();
    }

    public List<BatchRow> batches() {
        return handle.createQuery("SELECT b.batch_id, b.label, b.slip_count, b.created_at, "
                        + "(SELECT COUNT(*) FROM issued_token t WHERE t.batch_id = b.batch_id AND t.voided = TRUE) "
                        + "FROM slip_batch b ORDER BY b.created_at, b.batch_id")
                .map((rs, ctx) -> new BatchRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
                .list();
    }
}
