package kioskvote.slip;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import kioskvote.store.SlipDao.NewToken;
import kioskvote.token.SlipHashes;
import kioskvote.token.Token;

/**
 * The stored rows of fresh tokens: the slip's id and its code's slow hash (scrypt, some milliseconds of a core
 * per code). A run of slips hashes on every core, and goes before the background minting (the desk pool, the
 * printable slips' reserve), which hashes on one core, in chunks under a fair lock that a run holds throughout,
 * so a run asked for meanwhile waits for one chunk, not for the whole pool (2,000 codes for a large meeting).
 */
final class SlipRows {
    private static final int POOL_CHUNK = 64;

    private final SlipHashes hashes;
    private final SecureRandom random;
    private final ReentrantLock hashing = new ReentrantLock(true);

    SlipRows(SlipHashes hashes, SecureRandom random) {
        this.hashes = hashes;
        this.random = random;
    }

    /** A run of slips' hashing and QR codes ({@link #of} inside): the pool's minting waits for it. */
    <T> T beforeThePool(Supplier<T> work) {
        hashing.lock();
        try {
            return work.get();
        } finally {
            hashing.unlock();
        }
    }

    /**
     * The rows of a batch minted in the background, hashed a chunk at a time (a run of slips asked for meanwhile goes
     * between two): on this thread, one core, unless someone waits for it (the desk pool's first fill).
     */
    List<NewToken> forPool(List<Token> tokens, String batchId, boolean everyCore) {
        List<NewToken> rows = new ArrayList<>(tokens.size());
        for (int from = 0; from < tokens.size(); from += POOL_CHUNK) {
            List<Token> chunk = tokens.subList(from, Math.min(tokens.size(), from + POOL_CHUNK));
            rows.addAll(beforeThePool(() -> rows(everyCore ? chunk.parallelStream() : chunk.stream(), batchId)));
        }
        return rows;
    }

    /** The rows of these tokens, hashed on every core now. */
    List<NewToken> of(List<Token> tokens, String batchId) {
        return rows(tokens.parallelStream(), batchId);
    }

    private List<NewToken> rows(java.util.stream.Stream<Token> tokens, String batchId) {
        List<String[]> hashed = tokens.map(t -> new String[] {hashes.idOf(t), hashes.codeHash(t.shortCode())}).toList();
        List<NewToken> rows = new ArrayList<>(hashed.size());
        for (String[] h : hashed) rows.add(new NewToken(random.nextLong() & Long.MAX_VALUE, h[0], h[1], batchId));
        return rows;
    }
}
