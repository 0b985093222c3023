package kioskvote.store;

import java.util.List;

import org.jdbi.v3.core.Handle;

/** Ballots of a sealed poll before the count: a random id, the retry proof and the ciphertext, nothing readable. */
public final class SealedBallotDao {
    public record SealedRow(long sealedId, String ciphertext) {
    }

    private final Handle handle;

    public SealedBallotDao(Handle handle) {
        this.handle = handle;
    }

    /** Throws the database's unique-key violation if the retry proof is already in this poll's box. */
    public void insert(long sealedId, String pollId, String retryProof, String ciphertextBase64) {
        handle.createUpdate("INSERT INTO sealed_ballot (sealed_id, poll_id, retry_proof, ciphertext) VALUES (:sealedId, :pollId, :retryProof, :ciphertext)")
                .bind("sealedId", sealedId).bind("pollId", pollId).bind("retryProof", retryProof).bind("ciphertext", ciphertextBase64).execute();
    }

    public boolean hasRetryProof(String pollId, String retryProof) {
        return handle.createQuery("SELECT COUNT(*) FROM sealed_ballot WHERE poll_id = :pollId AND retry_proof = :retryProof")
                .bind("pollId", pollId).bind("retryProof", retryProof).mapTo(Integer.class).one() > 0;
    }

    public List<SealedRow> all(String pollId) {
        return handle.createQuery("SELECT sealed_id, ciphertext FROM sealed_ballot WHERE poll_id = :pollId")
                .bind("pollId", pollId).map((rs, ctx) -> new SealedRow(rs.getLong(1), rs.getString(2))).list();
    }

    public long count(String pollId) {
        return handle.createQuery("SELECT COUNT(*) FROM sealed_ballot WHERE poll_id = :pollId").bind("pollId", pollId).mapTo(Long.class).one();
    }

    public int deleteAll(String pollId) {
        return handle.createUpdate("DELETE FROM sealed_ballot WHERE poll_id = :pollId").bind("pollId", pollId).execute();
    }
}
