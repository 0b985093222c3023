package kioskvote.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.store.DurableStorage;
import kioskvote.token.TokenRejected;

/**
 * Writes accepted casts to the database with group commit: whoever holds the writer lock takes every
 * cast waiting at that moment and stores them in one transaction, each inside its own savepoint, so
 * one refused cast (a spent token, a closed poll) does not touch the others. Every voter is answered
 * only after the commit that holds their ballot has been forced to the disk (DurableStorage), so an
 * acknowledgement means "on stable storage"; a burst of N casts costs one commit and one force instead of N.
 */
final class CastWriter {
    /** One transaction's worth; a larger burst is written by the next holder of the lock. */
    private static final int MAX_BATCH = 256;

    /** The statements of one cast, run inside the shared transaction; throws to refuse that cast. */
    interface CastStatements {
        void run(Handle handle);
    }

    private record Pending(CastStatements statements, CompletableFuture<Void> outcome) {
    }

    private final Jdbi jdbi;
    private final DurableStorage storage;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    CastWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.storage = DurableStorage.of(jdbi);
    }

    /** Returns once the cast is committed; throws what its statements threw, or the commit's failure. */
    void write(CastStatements statements) {
        Pending mine = new Pending(statements, new CompletableFuture<>());
        waiting.add(mine);
        while (!mine.outcome().isDone()) {
            writer.lock();
            try {
                if (!mine.outcome().isDone()) writeBatch();
            } finally {
                writer.unlock();
            }
        }
        try {
            mine.outcome().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) batch.add(p);
        if (batch.isEmpty()) return;
        List<RuntimeException> refusals = new ArrayList<>();
        try {
            storage.requireRoom(); // a full disk: every cast of the batch refused, nothing written, reads unaffected
            jdbi.useHandle(handle -> {
                handle.useTransaction(h -> {
                    refusals.clear(); // a retried transaction starts again
                    for (int i = 0; i < batch.size(); i++) {
                        String savepoint = "cast" + i;
                        h.savepoint(savepoint);
                        try {
                            batch.get(i).statements().run(h);
                            refusals.add(null);
                        } catch (TokenRejected | BallotRejected e) {
                            h.rollbackToSavepoint(savepoint);
                            refusals.add(e);
                        }
                    }
                });
                storage.forceCommitted(handle); // on the disk before any of these voters is answered
            });
        } catch (RuntimeException commitFailed) {
            batch.forEach(p -> p.outcome().completeExceptionally(commitFailed));
            return;
        } catch (Error fatal) { // out of memory, say: answer the waiting voters (not acknowledged) before giving up
            batch.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException("the cast could not be stored", fatal)));
            throw fatal;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (refusals.get(i) == null) batch.get(i).outcome().complete(null);
            else batch.get(i).outcome().completeExceptionally(refusals.get(i));
        }
    }
}
