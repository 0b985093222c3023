package kioskvote.store;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import kioskvote.meeting.PollState;

/**
 * Poll lifecycle rows: draft → open → closed, the frozen definition and the cast counter. The row carries the
 * meeting's {@link PollState}, read from its stored word in one place (StoredTypes): store/ may use the meeting's value types
 * (docs/architecture.md), so no caller converts a string.
 */
public final class PollStateDao {
    public record PollStateRow(String pollId, PollState state, int castCount, Optional<String> definitionJson,
                               Optional<String> definitionHash, Optional<OffsetDateTime> openedAt, Optional<OffsetDateTime> closedAt,
                               Optional<String> boxPublicKey, int boxThreshold, int boxShares, Optional<OffsetDateTime> countedAt) {
        /** A sealed poll: opened with a ballot-box key. */
        public boolean sealed() {
            return boxPublicKey.isPresent();
        }
    }

    private static final RowMapper<PollStateRow> ROW = ConstructorMapper.of(PollStateRow.class);
    private static final RowMapper<SealingCounts> SEALING = ConstructorMapper.of(SealingCounts.class);

    private final Handle handle;

    public PollStateDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<PollStateRow> find(String pollId) {
        return handle.createQuery("SELECT poll_id, state, cast_count, definition_json, definition_hash, opened_at, closed_at, "
                        + "box_public_key, box_threshold, box_shares, counted_at FROM poll_state WHERE poll_id = :pollId")
                .bind("pollId", pollId).map(ROW).findFirst();
    }

    public void insertDraft(String pollId) {
        handle.createUpdate("INSERT INTO poll_state (poll_id, state, cast_count) VALUES (:pollId, 'draft', 0)")
                .bind("pollId", pollId).execute();
    }

    /** @return true if the poll was a draft and is now open */
    public boolean open(String pollId, String definitionJson, String definitionHash, OffsetDateTime at) {
        return handle.createUpdate("UPDATE poll_state SET state = 'open', definition_json = :definitionJson, definition_hash = :definitionHash, "
                        + "opened_at = :at WHERE poll_id = :pollId AND state = 'draft'")
                .bind("definitionJson", definitionJson).bind("definitionHash", definitionHash).bind("at", at).bind("pollId", pollId)
                .execute() == 1;
    }

    /**
     * A sealed poll's box: its public key (hex) and the k of n its private key was split into, stored in
     * the opening transaction, before any ballot can be cast. The private key is never stored.
     */
    public void setBox(String pollId, String publicKeyHex, int threshold, int shares) {
        handle.createUpdate("UPDATE poll_state SET box_public_key = :publicKey, box_threshold = :threshold, box_shares = :shares "
                        + "WHERE poll_id = :pollId")
                .bind("publicKey", publicKeyHex).bind("threshold", threshold).bind("shares", shares).bind("pollId", pollId).execute();
    }

    /**
     * Marks a closed sealed poll counted. Also the lock of the count: of two committees presenting
     * shares at once, one gets true and counts, the other false.
     */
    public boolean markCounted(String pollId, OffsetDateTime at) {
        return handle.createUpdate("UPDATE poll_state SET counted_at = :at WHERE poll_id = :pollId AND state = 'closed' "
                        + "AND box_public_key IS NOT NULL AND counted_at IS NULL")
                .bind("at", at).bind("pollId", pollId).execute() == 1;
    }

    /** @return true if the poll was open and is now closed */
    public boolean close(String pollId, OffsetDateTime at) {
        return handle.createUpdate("UPDATE poll_state SET state = 'closed', closed_at = :at WHERE poll_id = :pollId AND state = 'open'")
                .bind("at", at).bind("pollId", pollId).execute() == 1;
    }

    /**
     * Locks the poll's row until the transaction ends, only while the poll is open (the cast writer, once per poll
     * and group: ballot/GroupPolls); the close then waits for the casts in flight.
     * Changes nothing.
     */
    public boolean lockIfOpen(String pollId) {
        return handle.createUpdate("UPDATE poll_state SET cast_count = cast_count WHERE poll_id = :pollId AND state = 'open'")
                .bind("pollId", pollId).execute() == 1;
    }

    /** Adds a group's ballots to the poll's counters, in the transaction that holds its row ({@link #lockIfOpen}). */
    public void addCounts(String pollId, int cast, int stationSealed, int deviceSealed) {
        handle.createUpdate("UPDATE poll_state SET cast_count = cast_count + :cast, station_sealed = station_sealed + :stationSealed, "
                        + "device_sealed = device_sealed + :deviceSealed WHERE poll_id = :pollId")
                .bind("cast", cast).bind("stationSealed", stationSealed).bind("deviceSealed", deviceSealed).bind("pollId", pollId).execute();
    }

    /** The meeting key's signature over the box key in its context (seal/BoxEndorsement), hex; written at the open. */
    public void setBoxSignature(String pollId, String signatureHex) {
        handle.createUpdate("UPDATE poll_state SET box_signature = :signature WHERE poll_id = :pollId")
                .bind("signature", signatureHex).bind("pollId", pollId).execute();
    }

    public java.util.Optional<String> boxSignature(String pollId) {
        return handle.createQuery("SELECT box_signature FROM poll_state WHERE poll_id = :pollId").bind("pollId", pollId)
                .mapTo(String.class).findOne().filter(java.util.Objects::nonNull);
    }

    public void setUnreadable(String pollId, long unreadable) {
        handle.createUpdate("UPDATE poll_state SET unreadable_ballots = :unreadable WHERE poll_id = :pollId")
                .bind("unreadable", unreadable).bind("pollId", pollId).execute();
    }

    /** How a sealed poll's ballots were sealed, and how many did not read at the count. */
    public record SealingCounts(long onDevices, long atStation, long unreadable) {
    }

    public SealingCounts sealingCounts(String pollId) {
        return handle.createQuery("SELECT device_sealed AS on_devices, station_sealed AS at_station, unreadable_ballots AS unreadable "
                        + "FROM poll_state WHERE poll_id = :pollId")
                .bind("pollId", pollId).map(SEALING).findOne()
                .orElse(new SealingCounts(0, 0, 0));
    }

    /**
     * Locks every draft row until the transaction ends (the meeting editor): an opening waits for the edit, and an
     * edit made while a poll opens sees it opened. Changes nothing.
     */
    public void lockDrafts() {
        handle.createUpdate("UPDATE poll_state SET cast_count = cast_count WHERE state = 'draft'").execute();
    }

    /**
     * True when the poll never left its draft and nothing of it is stored anywhere: no spent slip, ballot (readable,
     * sealed or counted), paper batch or commitment. Only then may the meeting editor delete it.
     */
    public boolean isUntouchedDraft(String pollId) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM poll_state WHERE poll_id = :p AND state = 'draft' AND cast_count = 0)"
                        + " - (SELECT COUNT(*) FROM spent_token WHERE poll_id = :p) - (SELECT COUNT(*) FROM ballot WHERE poll_id = :p)"
                        + " - (SELECT COUNT(*) FROM sealed_ballot WHERE poll_id = :p) - (SELECT COUNT(*) FROM counted_ballot WHERE poll_id = :p)"
                        + " - (SELECT COUNT(*) FROM paper_batch WHERE poll_id = :p) - (SELECT COUNT(*) FROM poll_commitment WHERE poll_id = :p)")
                .bind("p", pollId).mapTo(Integer.class).one() == 1;
    }

    /** Deletes a draft's row (the meeting editor, after {@link #isUntouchedDraft}). */
    public boolean deleteDraft(String pollId) {
        return handle.createUpdate("DELETE FROM poll_state WHERE poll_id = :pollId AND state = 'draft' AND cast_count = 0")
                .bind("pollId", pollId).execute() == 1;
    }

    /** Sealed polls whose box is not counted yet, and how many key cards were dealt at their open. */
    public java.util.Map<String, Integer> uncountedBoxes() {
        java.util.Map<String, Integer> boxes = new java.util.LinkedHashMap<>();
        handle.createQuery("SELECT poll_id, box_shares FROM poll_state WHERE box_public_key IS NOT NULL AND counted_at IS NULL ORDER BY poll_id")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> boxes.put(e.getKey(), e.getValue()));
        return boxes;
    }
}
