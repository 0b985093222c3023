package kioskvote.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The poll_commitment and committed_token tables: what a poll committed to at its open, and its record's head. */
public final class CommitmentDao {
    public record CommitmentRow(String pollId, String header, int tokenCount, String sha256, Optional<String> recordHead,
                                Optional<Integer> headBallots, Optional<String> countsJson, Optional<String> tallyJson) {
    }

    private static final int INSERT_CHUNK = 1000;

    private static final RowMapper<CommitmentRow> ROW = ConstructorMapper.of(CommitmentRow.class);

    private final Handle handle;

    public CommitmentDao(Handle handle) {
        this.handle = handle;
    }

    public void insert(String pollId, String header, int tokenCount, String sha256, List<String> sortedTokenHashes) {
        handle.createUpdate("INSERT INTO poll_commitment (poll_id, header, token_count, sha256) VALUES (:pollId, :header, :tokenCount, :sha256)")
                .bind("pollId", pollId).bind("header", header).bind("tokenCount", tokenCount).bind("sha256", sha256).execute();
        // In chunks: a batch holds every row's bindings until it runs, and a meeting with 100,000 slips
        // would otherwise hold them all at once (beyond the launcher's 112 MB heap, measured by bench/run).
        for (int from = 0; from < sortedTokenHashes.size(); from += INSERT_CHUNK) {
            var batch = handle.prepareBatch("INSERT INTO committed_token (poll_id, token_hash) VALUES (:pollId, :tokenHash)");
            for (String hash : sortedTokenHashes.subList(from, Math.min(from + INSERT_CHUNK, sortedTokenHashes.size()))) {
                batch.bind("pollId", pollId).bind("tokenHash", hash).add();
            }
            batch.execute();
        }
    }

    public Optional<CommitmentRow> find(String pollId) {
        return handle.createQuery("SELECT poll_id, header, token_count, sha256, record_head, head_ballots, counts_json, tally_json "
                        + "FROM poll_commitment WHERE poll_id = :pollId")
                .bind("pollId", pollId).map(ROW).findFirst();
    }

    /** Whether any poll has opened (and committed): slips issued from then on are logged by their hashes. */
    public boolean anyCommitment() {
        return handle.createQuery("SELECT COUNT(*) FROM poll_commitment").mapTo(Long.class).one() > 0;
    }

    /** The committed token hashes of a poll in ascending order, one at a time (a large meeting has many). */
    public void forEachToken(String pollId, Consumer<String> each) {
        handle.createQuery("SELECT token_hash FROM committed_token WHERE poll_id = :pollId ORDER BY token_hash")
                .bind("pollId", pollId).setFetchSize(1000).mapTo(String.class).forEach(each);
    }

    /** Fixes the record's head, figures and tally (at the close, or for a sealed poll at the count). */
    public void setRecordHead(String pollId, String head, int ballots, String countsJson, String tallyJson) {
        handle.createUpdate("UPDATE poll_commitment SET record_head = :head, head_ballots = :ballots, counts_json = :countsJson, "
                        + "tally_json = :tallyJson WHERE poll_id = :pollId")
                .bind("head", head).bind("ballots", ballots).bind("countsJson", countsJson).bind("tallyJson", tallyJson)
                .bind("pollId", pollId).execute();
    }
}
