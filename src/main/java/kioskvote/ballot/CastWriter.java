package kioskvote.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.Handle;

import kioskvote.store.DurableStorage;
import kioskvote.token.TokenRejected;

/**
 * Writes accepted casts to the database with group commit: whoever holds the writer lock takes every
 * cast waiting at that moment and stores them in one transaction, each inside its own savepoint, so
 * one refused cast (a spent token, a closed poll) does not touch the others. Every voter is answered
 * only after the commit that holds their ballot has been forced to the disk (DurableStorage), so an
 * acknowledgement means "on stable storage"; a burst of N casts costs one commit and one force instead of N.
 * The force runs after the writer lock is released: while one batch waits for the disk, the next batch
 * is already being written. Forces run one at a time, and a force covers every batch committed before it
 * began, so a batch committed while another was being forced is usually forced by the next force, not its own.
 */
final class CastWriter {
    /** One transaction's worth; a larger burst is written by the next holder of the lock. */
    private static final int MAX_BATCH = 256;

    /** The statements of one cast, run inside the shared transaction; throws to refuse that cast. */
    interface CastStatements {
        void run(Handle handle);
    }

    private record Pending(CastStatements statements, CompletableFuture<Void> outcome, AtomicBoolean taken) {
    }

    /** A committed batch, not yet forced: its number, its voters, what each is to be told, and what forces it to the disk. */
    private record Committed(long number, List<Pending> batch, List<RuntimeException> refusals, Runnable force) {
    }

    private final Jdbi jdbi;
    private final DurableStorage storage;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    /** The number of the last batch committed (counted under the writer lock, once its commit returned). */
    private final AtomicLong lastCommitted = new AtomicLong();
    private final ReentrantLock forcing = new ReentrantLock();
    /** Every batch numbered up to this one is on the disk (guarded by forcing). */
    private long lastForced;

    CastWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.storage = DurableStorage.of(jdbi);
    }

    /** Returns once the cast is committed and forced; throws what its statements threw, or the commit's failure. */
    void write(CastStatements statements) {
        Pending mine = new Pending(statements, new CompletableFuture<>(), new AtomicBoolean());
        waiting.add(mine);
        while (!mine.taken().get()) {
            Committed committed = null;
            writer.lock();
            try {
                if (!mine.taken().get()) committed = commitBatch();
            } finally {
                writer.unlock();
            }
            if (committed != null) forceAndAnswer(committed);
        }
        try {
            mine.outcome().join(); // answered by whichever thread wrote the batch holding it
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    /** Under the writer lock: one transaction for every cast waiting. Null if there was none, or when the batch already failed. */
    private Committed commitBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) {
            p.taken().set(true);
            batch.add(p);
        }
        if (batch.isEmpty()) return null;
        List<RuntimeException> refusals = new ArrayList<>();
        Runnable[] force = new Runnable[1];
        try {
            storage.requireRoom(); // a full disk: every cast of the batch refused, nothing written, reads unaffected
            jdbi.useTransaction(h -> {
                force[0] = storage.forceAfterCommit(h);
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
        } catch (RuntimeException commitFailed) {
            batch.forEach(p -> p.outcome().completeExceptionally(commitFailed));
            return null;
        } catch (Error fatal) { // out of memory, say: answer the waiting voters (not acknowledged) before giving up
            batch.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException("the cast could not be stored", fatal)));
            throw fatal;
        }
        return new Committed(lastCommitted.incrementAndGet(), batch, refusals, force[0]);
    }

    /** Forces the committed batch to the disk, then answers its voters; a failed force answers them 503 (a retry is "already counted"). */
    private void forceAndAnswer(Committed committed) {
        forcing.lock();
        try {
            if (lastForced < committed.number()) {
                long covered = lastCommitted.get(); // these batches committed before the force below begins: it covers them
                committed.force().run(); // on the disk before any of these voters is answered
                lastForced = covered;
            }
        } catch (RuntimeException forceFailed) {
            committed.batch().forEach(p -> p.outcome().completeExceptionally(forceFailed));
            return;
        } catch (Error fatal) {
            committed.batch().forEach(p -> p.outcome().completeExceptionally(new IllegalStateException("the cast could not be forced", fatal)));
            throw fatal;
        } finally {
            forcing.unlock();
        }
        for (int i = 0; i < committed.batch().size(); i++) {
            RuntimeException refusal = committed.refusals().get(i);
            if (refusal == null) committed.batch().get(i).outcome().complete(null);
            else committed.batch().get(i).outcome().completeExceptionally(refusal);
        }
    }
}
