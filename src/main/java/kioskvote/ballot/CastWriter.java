package kioskvote.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.store.DurableStorage;
import kioskvote.token.TokenRejected;

/**
 * Writes accepted casts to the database with group commit. One voter's thread at a time is the leader: it
 * takes every cast waiting at that moment, stores them in one transaction, each inside its own savepoint (so
 * one refused cast, a spent token or a closed poll, does not touch the others), forces that commit to the disk
 * (DurableStorage), and only then answers the group. Casts that arrive meanwhile wait for the next group, so a
 * group is as large as what arrived during the previous commit and force: an acknowledgement means "on stable
 * storage", and a burst of N casts costs one commit and one force instead of N.
 * <p>
 * Why the force is inside the leader's turn: when the next group could be committed while the previous one was
 * being forced, groups shrank to two or three casts under load (a newcomer found the writer free and committed
 * alone), and H2's commit costs about as much for one cast as for thirty; see docs/performance.md.
 */
final class CastWriter {
    /** One transaction's worth; a larger burst is written by the next leader. */
    private static final int MAX_BATCH = 256;

    /** The statements of one cast, run inside the shared transaction; throws to refuse that cast. */
    interface CastStatements {
        void run(Handle handle);
    }

    /** The same, for a cast into a poll: its poll's row lock and counters are shared by the group (GroupPolls). */
    interface PollCastStatements {
        void run(Handle handle, GroupPolls polls);
    }

    private record Pending(PollCastStatements statements, CompletableFuture<Void> outcome, AtomicBoolean taken) {
    }

    private final Jdbi jdbi;
    private final DurableStorage storage;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Guards leading; its monitor is where voters wait for their group or for their turn to lead. */
    private final Object turn = new Object();
    private boolean leading;

    CastWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.storage = DurableStorage.of(jdbi);
    }

    /** Returns once the cast is committed and forced; throws what its statements threw, or the commit's or force's failure. */
    void write(CastStatements statements) {
        write((handle, polls) -> statements.run(handle));
    }

    /** The same for a cast into a poll (BallotBox). */
    void write(PollCastStatements statements) {
        Pending mine = new Pending(statements, new CompletableFuture<>(), new AtomicBoolean());
        waiting.add(mine);
        if (awaitTurnToLead(mine)) {
            try {
                // A group holds at most MAX_BATCH casts: a leader whose own cast did not fit leads again, since
                // nobody else may be left to take it.
                do {
                    writeGroup();
                } while (!mine.taken().get());
            } finally {
                synchronized (turn) {
                    leading = false;
                    turn.notifyAll(); // the group's voters go home; one of the others leads next
                }
            }
        }
        try {
            mine.outcome().join(); // answered by the leader of the group that held it
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    /** Casts waiting for a leader to take them (a test waits on it). */
    int waitingCount() {
        return waiting.size();
    }

    /** Waits until this cast was taken into a group (false), or until nobody leads and it was not taken (true: lead). */
    private boolean awaitTurnToLead(Pending mine) {
        boolean interrupted = false;
        try {
            synchronized (turn) {
                while (leading && !mine.taken().get()) {
                    try {
                        turn.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // a voter's cast is not abandoned half-way: keep waiting, re-flag afterwards
                    }
                }
                if (mine.taken().get()) return false;
                leading = true;
                return true;
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The leader's turn: one transaction for every cast waiting, then the force, then the answers. */
    private void writeGroup() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH); // sized up front: adding to it cannot fail half-way
        List<RuntimeException> refusals = new ArrayList<>(MAX_BATCH);
        try {
            // taken inside the try: whatever fails from here on, every cast taken is answered (not acknowledged)
            for (Pending p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) {
                batch.add(p);
                p.taken().set(true);
            }
            if (batch.isEmpty()) return;
            storage.requireRoom(); // a full disk: every cast of the batch refused, nothing written, reads unaffected
            Runnable[] force = new Runnable[1];
            jdbi.useTransaction(h -> {
                force[0] = storage.forceAfterCommit(h);
                refusals.clear(); // a retried transaction starts again
                GroupPolls polls = new GroupPolls();
                for (int i = 0; i < batch.size(); i++) {
                    String savepoint = "cast" + i;
                    h.savepoint(savepoint);
                    polls.begin(i);
                    try {
                        batch.get(i).statements().run(h, polls);
                        polls.kept();
                        refusals.add(null);
                    } catch (TokenRejected | BallotRejected e) {
                        h.rollbackToSavepoint(savepoint);
                        polls.rolledBack();
                        refusals.add(e);
                    }
                }
                polls.addCounts(h); // the polls' counters, once per poll, in the same transaction
            });
            force[0].run(); // on the disk before any of these voters is answered
        } catch (RuntimeException failed) { // commit or force: not acknowledged (a retry is "already counted" if it was stored)
            batch.forEach(p -> p.outcome().completeExceptionally(failed));
            return;
        } catch (Error fatal) { // out of memory, say: answer the waiting voters (not acknowledged) before giving up
            batch.forEach(p -> p.outcome().completeExceptionally(new IllegalStateException("the cast could not be stored", fatal)));
            throw fatal;
        }
        for (int i = 0; i < batch.size(); i++) {
            RuntimeException refusal = refusals.get(i);
            if (refusal == null) batch.get(i).outcome().complete(null);
            else batch.get(i).outcome().completeExceptionally(refusal);
        }
    }
}
