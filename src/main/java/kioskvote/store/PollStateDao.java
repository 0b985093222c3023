package kioskvote.store;

import java.util.Optional;

import org.jdbi.v3.core.Handle;

import kioskvote.meeting.PollState;

/**
 * Poll lifecycle rows: draft → open → closed, the frozen definition and the cast counter. The row carries the
 * meeting's {@link PollState}, read from its stored word here, once: store/ may use the meeting's value types
 * (docs/architecture.md), so no caller converts a string.
 */
public final class PollStateDao {
    public record PollStateRow(String pollId, PollState state, int castCount, Optional<String> definitionJson,
                               Optional<String> definitionHash, Optional<String> openedAt, Optional<String> closedAt,
                               Optional<String> boxPublicKey, int boxThreshold, int boxShares, Optional<String> countedAt) {
        /** A sealed poll: opened with a ballot-box key. */
        public boolean sealed() {
            return boxPublicKey.isPresent();
        }
    }

    private final Handle handle;

    public PollStateDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<PollStateRow> find(String pollId) {
        return handle.createQuery("SELECT poll_id, state, cast_count, definition_json, definition_hash, opened_at, closed_at, "
                        + "box_public_key, box_threshold, box_shares, counted_at FROM poll_state WHERE poll_id = ?")
                .bind(0, pollId)
                .map((rs, ctx) -> new PollStateRow(rs.getString(1), PollState.fromCode(rs.getString(2)), rs.getInt(3),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                        Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                        Optional.ofNullable(rs.getString(8)), rs.getInt(9), rs.getInt(10), Optional.ofNullable(rs.getString(11))))
                .findFirst();
    }

    public void insertDraft(String pollId) {
        handle.createUpdate("INSERT INTO poll_state (poll_id, state, cast_count) VALUES (?, 'draft', 0)")
                .bind(0, pollId).execute();
    }

    /** @return true if the poll was a draft and is now open */
    public boolean open(String pollId, String definitionJson, String definitionHash, String at) {
        return handle.createUpdate("UPDATE poll_state SET state = 'open', definition_json = ?, definition_hash = ?, "
                        + "opened_at = ? WHERE poll_id = ? AND state = 'draft'")
                .bind(0, definitionJson).bind(1, definitionHash).bind(2, at).bind(3, pollId)
                .execute() == 1;
    }

    /**
     * A sealed poll's box: its public key (hex) and the k of n its private key was split into, stored in
     * the opening transaction, before any ballot can be cast. The private key is never stored.
     */
    public void setBox(String pollId, String publicKeyHex, int threshold, int shares) {
        handle.createUpdate("UPDATE poll_state SET box_public_key = ?, box_threshold = ?, box_shares = ? WHERE poll_id = ?")
                .bind(0, publicKeyHex).bind(1, threshold).bind(2, shares).bind(3, pollId).execute();
    }

    /**
     * Marks a closed sealed poll counted. Also the lock of the count: of two committees presenting
     * shares at once, one gets true and counts, the other false.
     */
    public boolean markCounted(String pollId, String at) {
        return handle.createUpdate("UPDATE poll_state SET counted_at = ? WHERE poll_id = ? AND state = 'closed' "
                        + "AND box_public_key IS NOT NULL AND counted_at IS NULL")
                .bind(0, at).bind(1, pollId).execute() == 1;
    }

    /** @return true if the poll was open and is now closed */
    public boolean close(String pollId, String at) {
        return handle.createUpdate("UPDATE poll_state SET state = 'closed', closed_at = ? WHERE poll_id = ? AND state = 'open'")
                .bind(0, at).bind(1, pollId).execute() == 1;
    }

    /**
     * Counts one ballot in, only while the poll is open. The row lock this takes is held until the
     * casting transaction commits, so closing the poll waits for casts in flight and no ballot can
     * land after the close.
     */
    public boolean countCastIfOpen(String pollId) {
        return handle.createUpdate("UPDATE poll_state SET cast_count = cast_count + 1 WHERE poll_id = ? AND state = 'open'")
                .bind(0, pollId).execute() == 1;
    }

    /**
     * Locks the poll's row until the transaction ends, only while the poll is open (the cast writer, once per poll
     * and group: ballot/GroupPolls); the close then waits for the casts in flight, as with {@link #countCastIfOpen}.
     * Changes nothing.
     */
    public boolean lockIfOpen(String pollId) {
        return handle.createUpdate("UPDATE poll_state SET cast_count = cast_count WHERE poll_id = ? AND state = 'open'")
                .bind(0, pollId).execute() == 1;
    }

    /** Adds a group's ballots to the poll's counters, in the transaction that holds its row ({@link #lockIfOpen}). */
    public void addCounts(String pollId, int cast, int stationSealed, int deviceSealed) {
        handle.createUpdate("UPDATE poll_state SET cast_count = cast_count + ?, station_sealed = station_sealed + ?, "
                        + "device_sealed = device_sealed + ? WHERE poll_id = ?")
                .bind(0, cast).bind(1, stationSealed).bind(2, deviceSealed).bind(3, pollId).execute();
    }

    /** The meeting key's signature over the box key in its context (seal/BoxEndorsement), hex; written at the open. */
    public void setBoxSignature(String pollId, String signatureHex) {
        handle.createUpdate("UPDATE poll_state SET box_signature = ? WHERE poll_id = ?").bind(0, signatureHex).bind(1, pollId).execute();
    }

    public java.util.Optional<String> boxSignature(String pollId) {
        return handle.createQuery("SELECT box_signature FROM poll_state WHERE poll_id = ?").bind(0, pollId)
                .mapTo(String.class).findOne().filter(java.util.Objects::nonNull);
    }

    /** One more ballot of this sealed poll sealed on a voter's device, or at the station: counters, nothing per ballot. */
    public void countSealing(String pollId, boolean onDevice) {
        handle.createUpdate(onDevice ? "UPDATE poll_state SET device_sealed = device_sealed + 1 WHERE poll_id = ?"
                : "UPDATE poll_state SET station_sealed = station_sealed + 1 WHERE poll_id = ?").bind(0, pollId).execute();
    }

    public void setUnreadable(String pollId, long unreadable) {
        handle.createUpdate("UPDATE poll_state SET unreadable_ballots = ? WHERE poll_id = ?").bind(0, unreadable).bind(1, pollId).execute();
    }

    /** How a sealed poll's ballots were sealed, and how many did not read at the count. */
    public record SealingCounts(long onDevices, long atStation, long unreadable) {
    }

    public SealingCounts sealingCounts(String pollId) {
        return handle.createQuery("SELECT device_sealed, station_sealed, unreadable_ballots FROM poll_state WHERE poll_id = ?")
                .bind(0, pollId).map((rs, ctx) -> new SealingCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).findOne()
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
        return handle.createUpdate("DELETE FROM poll_state WHERE poll_id = ? AND state = 'draft' AND cast_count = 0").bind(0, pollId).execute() == 1;
    }

    /** Sealed polls whose box is not counted yet, and how many key cards were dealt at their open. */
    public java.util.Map<String, Integer> uncountedBoxes() {
        java.util.Map<String, Integer> boxes = new java.util.LinkedHashMap<>();
        handle.createQuery("SELECT poll_id, box_shares FROM poll_state WHERE box_public_key IS NOT NULL AND counted_at IS NULL ORDER BY poll_id")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> boxes.put(e.getKey(), e.getValue()));
        return boxes;
    }
}
