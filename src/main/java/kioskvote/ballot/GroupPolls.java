package kioskvote.ballot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;

import kioskvote.store.PollStateDao;

/**
 * The poll rows that the casts of one group share inside its one transaction (CastWriter).
 * <p>
 * A cast needs its poll open, and the poll's row locked from that check until the commit: the lock orders the
 * casts of a poll against its close, so no ballot lands after the close (PollStateDao). Within one group the first
 * cast of a poll takes that lock and the others find it held; and the poll's counters (ballots cast, sealed at the
 * station or on a device) are added once per poll at the end of the group. Before, each cast ran two updates of the
 * poll's row; now a group runs one per poll, plus one lock per poll (docs/performance.md).
 * <p>
 * A cast's statements run inside its own savepoint: when a cast is refused and rolled back, the lock it took (if it
 * was the one that took it) goes with it, and so does what it would have counted.
 */
final class GroupPolls {
    /** Poll → the index in the group of the cast whose statements locked its row. */
    private final Map<String, Integer> lockedBy = new HashMap<>();
    /** Poll → {ballots cast, sealed at the station, sealed on a device}, of the casts kept so far. */
    private final Map<String, int[]> counted = new LinkedHashMap<>();
    private final Map<String, int[]> pending = new HashMap<>();
    private int current;

    /** The next cast's statements begin (inside its savepoint). */
    void begin(int castIndex) {
        current = castIndex;
        pending.clear();
    }

    /** Refuses the cast unless the poll is open; the poll's row then stays locked until the group commits. */
    void requireOpen(Handle handle, String pollId) {
        if (lockedBy.containsKey(pollId)) return;
        if (!new PollStateDao(handle).lockIfOpen(pollId)) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        lockedBy.put(pollId, current);
    }

    /** Counts the current cast's ballot into its poll, if the cast is kept. */
    void countBallot(String pollId, Sealing sealing) {
        int[] counts = pending.computeIfAbsent(pollId, p -> new int[3]);
        counts[0]++;
        if (sealing == Sealing.AT_STATION) counts[1]++;
        if (sealing == Sealing.ON_DEVICE) counts[2]++;
    }

    /** The current cast was kept: what it counted is added at the end. */
    void kept() {
        pending.forEach((poll, counts) -> {
            int[] total = counted.computeIfAbsent(poll, p -> new int[3]);
            for (int i = 0; i < total.length; i++) total[i] += counts[i];
        });
        pending.clear();
    }

    /** The current cast was rolled back to its savepoint: a lock it took is gone, and it counts nothing. */
    void rolledBack() {
        lockedBy.values().removeIf(index -> index == current);
        pending.clear();
    }

    /** At the end of the group, before its commit: each poll's counters, once (its row is locked by this transaction). */
    void addCounts(Handle handle) {
        PollStateDao polls = new PollStateDao(handle);
        counted.forEach((poll, counts) -> polls.addCounts(poll, counts[0], counts[1], counts[2]));
    }

    /** How a ballot reached the box, for the poll's counters. */
    enum Sealing {
        NONE, AT_STATION, ON_DEVICE
    }
}
