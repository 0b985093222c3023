package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/**
 * Slip batches and the slips issued in them (no link to a person, nor to a ballot). Rows are keyed by a
 * random id; the column {@code serial} holds the slip's stored id (a keyed hash of its public key, token/SlipHashes),
 * never its secret; a short code is stored only as its slow keyed hash ({@code code_mac}).
 */
public final class SlipDao {
    public record IssuedRow(String serial, String batchId, boolean voided) {
    }

    /** A token to insert: random key, serial, keyed hash of its short code, batch. */
    public record NewToken(long tokenId, String serial, String codeMac, String batchId) {
    }

    public record BatchRow(String batchId, String label, int slipCount, String createdAt, int voided) {
    }

    /** A V3 row, from before short codes were hashed (converted once at start). */
    public record LegacyRow(String serial, String shortCode, String batchId, boolean voided) {
    }

    private static final String COLUMNS = "serial, batch_id, voided";

    private final Handle handle;

    public SlipDao(Handle handle) {
        this.handle = handle;
    }

    public void insertBatch(String batchId, String label, int count, String at, boolean pool) {
        handle.createUpdate("INSERT INTO slip_batch (batch_id, label, slip_count, created_at, pool) VALUES (:batchId, :label, :count, :at, :pool)")
                .bind("batchId", batchId).bind("label", label).bind("count", count).bind("at", at).bind("pool", pool).execute();
    }

    public void insertIssued(List<NewToken> rows) {
        var batch = handle.prepareBatch("INSERT INTO issued_token (token_id, serial, code_mac, batch_id, voided) "
                + "VALUES (:tokenId, :serial, :codeMac, :batchId, FALSE)");
        for (NewToken row : rows) {
            batch.bind("tokenId", row.tokenId()).bind("serial", row.serial()).bind("codeMac", row.codeMac()).bind("batchId", row.batchId()).add();
        }
        batch.execute();
    }

    /** Moves stored slips (by stored id) into a run: the printable reserve's tokens, counted as issued from now on. */
    public void moveToBatch(List<String> serials, String batchId) {
        var batch = handle.prepareBatch("UPDATE issued_token SET batch_id = :batchId WHERE serial = :serial");
        for (String serial : serials) batch.bind("batchId", batchId).bind("serial", serial).add();
        if (!serials.isEmpty()) batch.execute();
    }

    public Optional<IssuedRow> findBySerial(String serial) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM issued_token WHERE serial = :serial")
                .bind("serial", serial).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    /**
     * The same, locking the row until the transaction ends: a cast and a void of the same slip then
     * happen one after the other, never both on a slip each saw as valid.
     */
    public Optional<IssuedRow> findBySerialForUpdate(String serial) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM issued_token WHERE serial = :serial FOR UPDATE")
                .bind("serial", serial).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    /** By the keyed hash of a short code (KeyedHash "short-code" of the normalized code). */
    public Optional<IssuedRow> findByCodeMac(String codeMac) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM issued_token WHERE code_mac = :codeMac")
                .bind("codeMac", codeMac).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    public Optional<IssuedRow> findByCodeMacForUpdate(String codeMac) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM issued_token WHERE code_mac = :codeMac FOR UPDATE")
                .bind("codeMac", codeMac).map((rs, ctx) -> new IssuedRow(rs.getString(1), rs.getString(2), rs.getBoolean(3))).findFirst();
    }

    /** Voids every slip of a run that has not voted in any poll (a lost stack, or the leftovers after the meeting). */
    public int voidUnusedOfBatch(String batchId) {
        return handle.createUpdate("UPDATE issued_token SET voided = TRUE WHERE batch_id = :batchId AND voided = FALSE "
                        + "AND serial NOT IN (SELECT serial FROM spent_token)")
                .bind("batchId", batchId).execute();
    }

    /**
     * Counts one more token drawn at the check-in desk into its standing batch, creating it on first use. The
     * batch holds no token (they are in the pool batches): it is the number of desk ballots handed out.
     * Two stations creating it at once: one gets the unique-key violation and its caller retries.
     */
    public void countIntoStandingBatch(String batchId, String label, String at) {
        int updated = handle.createUpdate("UPDATE slip_batch SET slip_count = slip_count + 1 WHERE batch_id = :batchId")
                .bind("batchId", batchId).execute();
        if (updated == 0) insertBatch(batchId, label, 1, at, false);
    }

    /** @return how many tokens changed from valid to voided */
    public int voidBySerial(String serial) {
        return handle.createUpdate("UPDATE issued_token SET voided = TRUE WHERE serial = :serial AND voided = FALSE")
                .bind("serial", serial).execute();
    }

    /**
     * The serials of every token the station would accept, issued and not voided (printed slips and the desk's
     * pool, drawn or not): what a poll commits to when it opens (docs/record.md).
     */
    public List<String> validSerials() {
        return handle.createQuery("SELECT serial FROM issued_token WHERE voided = FALSE").mapTo(String.class).list();
    }

    /** Slips printed, plus the desk's draws from its pool (a pool token not yet drawn is in nobody's hands). */
    public long countIssued() {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM issued_token t JOIN slip_batch b ON b.batch_id = t.batch_id "
                        + "WHERE b.pool = FALSE) + (SELECT COALESCE(SUM(slip_count), 0) FROM slip_batch "
                        + "WHERE pool = FALSE AND batch_id NOT IN (SELECT DISTINCT batch_id FROM issued_token))")
                .mapTo(Long.class).one();
    }

    public long countVoided() {
        return handle.createQuery("SELECT COUNT(*) FROM issued_token WHERE voided = TRUE").mapTo(Long.class).one();
    }

    /** The printed runs and the desk's standing batch; the desk's pool batches are not listed. */
    public List<BatchRow> batches() {
        return handle.createQuery("SELECT b.batch_id, b.label, b.slip_count, b.created_at, "
                        + "(SELECT COUNT(*) FROM issued_token t WHERE t.batch_id = b.batch_id AND t.voided = TRUE) "
                        + "FROM slip_batch b WHERE b.pool = FALSE ORDER BY b.created_at, b.batch_id")
                .map((rs, ctx) -> new BatchRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    public boolean hasLegacyTable() {
        return handle.createQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'issued_token_v3'")
                .mapTo(Integer.class).one() > 0;
    }

    public List<LegacyRow> legacyRows() {
        return handle.createQuery("SELECT serial, short_code, batch_id, voided FROM issued_token_v3")
                .map((rs, ctx) -> new LegacyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
    }

    /** Rows of a database from before V12, whose serial is still in clear (32 hex digits; a stored id has 64). */
    public List<String> clearSerials() {
        return handle.createQuery("SELECT serial FROM issued_token WHERE LENGTH(serial) = 32").mapTo(String.class).list();
    }

    /** Replaces a clear serial by the slip's stored id, in issued_token and spent_token, and its code's hash. */
    public void replaceClearSerial(String serial, String storedId, String codeMac) {
        handle.createUpdate("UPDATE issued_token SET serial = :storedId, code_mac = :codeMac WHERE serial = :serial")
                .bind("storedId", storedId).bind("codeMac", codeMac).bind("serial", serial).execute();
        handle.createUpdate("UPDATE spent_token SET serial = :storedId WHERE serial = :serial")
                .bind("storedId", storedId).bind("serial", serial).execute();
    }

    public void dropLegacyTable() {
        handle.execute("DROP TABLE issued_token_v3");
    }
}
