package kioskvote.meeting;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The polls added while the station runs (a second round of an election), after those of meeting.yaml.
 * Append-only; the station persists each one (table poll_definition) and reads them back at start, so the
 * meeting's list of polls is the same after a restart (docs/rules.md, "Second round").
 */
public final class PollBook {
    private final CopyOnWriteArrayList<Poll> added = new CopyOnWriteArrayList<>();

    public List<Poll> added() {
        return List.copyOf(added);
    }

    /** Adds a poll; an id already used is refused. */
    public synchronized void add(Poll poll, List<Poll> configured) {
        boolean taken = configured.stream().anyMatch(p -> p.id().equals(poll.id()))
                || added.stream().anyMatch(p -> p.id().equals(poll.id()));
        if (taken) throw new IllegalArgumentException("poll id " + poll.id() + " is taken");
        added.add(poll);
    }
}
