package kioskvote.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;

/** The poll_commitment and committed_token tables: what a poll committed to at its open, and its record's head. */
public final class CommitmentDao {
    public record CommitmentRow(String pollId, String header, int tokenCount, String sha256, Optional<String> recordHead,
                                Optional<Integer> headBallots, Optional<String> countsJson, Optional<String> tallyJson) {
    }

    private static final int INSERT_CHUNK = 1000;

    private final Handle handle;

    public CommitmentDao(Handle handle) {
        this.handle = handle;
    }

    public void insert(String pollId, String header, int tokenCount, String sha256, List<String> sortedTokenHashes) {
        handle.createUpdate("INSERT INTO poll_commitment (poll_id, header, token_count, sha256) VALUES (?, ?, ?, ?)")
                .bind(0, pollId).bind(1, header).bind(2, tokenCount).bind(3, sha256).execute();
        // In chunks: a batch holds every row's bindings until it runs, and a meeting with 100,000 slips
        // would otherwise hold them all at once (beyond the launcher's 112 MB heap, measured by bench/run).
        for (int from = 0; from < sortedTokenHashes.size(); from += INSERT_CHUNK) {
            var batch = handle.prepareBatch("INSERT INTO committed_token (poll_id, token_hash) VALUES (?, ?)");
            for (String hash : sortedTokenHashes.subList(from, Math.min(from + INSERT_CHUNK, sortedTokenHashes.size()))) {
                batch.bind(0, pollId).bind(1, hash).add();
            }
            batch.execute();
        }
    }

    public Optional<CommitmentRow> find(String pollId) {
        return handle.createQuery("SELECT poll_id, header, token_count, sha256, record_head, head_ballots, counts_json, tally_json "
                        + "FROM poll_commitment WHERE poll_id = ?")
                .bind(0, pollId)
                .map((rs, ctx) -> new CommitmentRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(5)), Optional.ofNullable((Integer) rs.getObject(6, Integer.class)),
                        Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8))))
                .findFirst();
    }

    /** Whether any poll has opened (and committed): slips issued from then on are logged by their hashes. */
    public boolean anyCommitment() {
        return handle.createQuery("SELECT COUNT(*) FROM poll_commitment").mapTo(Long.class).one() > 0;
    }

    /** The committed token hashes of a poll in ascending order, one at a time (a large meeting has many). */
    public void forEachToken(String pollId, Consumer<String> each) {
        handle.createQuery("SELECT token_hash FROM committed_token WHERE poll_id = ? ORDER BY token_hash")
                .bind(0, pollId).setFetchSize(1000).mapTo(String.class).forEach(each);
    }

    /** Fixes the record's head, figures and tally (at the close, or for a sealed poll at the count). */
    public void setRecordHead(String pollId, String head, int ballots, String countsJson, String tallyJson) {
        handle.createUpdate("UPDATE poll_commitment SET record_head = ?, head_ballots = ?, counts_json = ?, tally_json = ? WHERE poll_id = ?")
                .bind(0, head).bind(1, ballots).bind(2, countsJson).bind(3, tallyJson).bind(4, pollId).execute();
    }
}
