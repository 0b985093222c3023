package kioskvote.store;

import java.time.OffsetDateTime;

import org.jdbi.v3.core.Handle;

/** Accepted batches of paper ballots: how many ballots each brought, nothing else. */
public final class PaperBatchDao {
    private final Handle handle;

    public PaperBatchDao(Handle handle) {
        this.handle = handle;
    }

    public boolean exists(String pollId, String batch) {
        return handle.createQuery("SELECT COUNT(*) FROM paper_batch WHERE poll_id = :pollId AND batch = :batch")
                .bind("pollId", pollId).bind("batch", batch)
                .mapTo(Integer.class).one() > 0;
    }

    public void insert(String pollId, String batch, int ballotCount, OffsetDateTime acceptedAt) {
        handle.createUpdate("INSERT INTO paper_batch (poll_id, batch, ballot_count, accepted_at) VALUES (:pollId, :batch, :ballotCount, :acceptedAt)")
                .bind("pollId", pollId).bind("batch", batch).bind("ballotCount", ballotCount).bind("acceptedAt", acceptedAt).execute();
    }

    /** Paper ballots accepted into a poll. */
    public long countBallots(String pollId) {
        return handle.createQuery("SELECT COALESCE(SUM(ballot_count), 0) FROM paper_batch WHERE poll_id = :pollId").bind("pollId", pollId)
                .mapTo(Long.class).one();
    }
}
