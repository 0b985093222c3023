package kioskvote.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything of a meeting that may change while the station runs, as one immutable value: the details, the
 * counting committee and its seal threshold, and the polls in their order. {@link Meeting} holds the current one
 * and swaps it whole, so a reader never sees half an edit.
 */
public record MeetingSetup(MeetingDetails details, List<CommitteeMember> committee, int sealThreshold, List<Poll> polls) {
    public MeetingSetup {
        Objects.requireNonNull(details, "details");
        committee = List.copyOf(committee);
        polls = List.copyOf(polls);
        if (sealThreshold < 1) throw new IllegalArgumentException("the seal threshold must be at least 1");
        if (polls.stream().map(Poll::id).distinct().count() != polls.size()) {
            throw new IllegalArgumentException("a poll id is used twice");
        }
    }

    public Optional<Poll> poll(String pollId) {
        return polls.stream().filter(p -> p.id().equals(pollId)).findFirst();
    }

    public MeetingSetup withDetails(MeetingDetails changed) {
        return new MeetingSetup(changed, committee, sealThreshold, polls);
    }

    public MeetingSetup withCommittee(List<CommitteeMember> members, int threshold) {
        return new MeetingSetup(details, members, threshold, polls);
    }

    public MeetingSetup withPolls(List<Poll> changed) {
        return new MeetingSetup(details, committee, sealThreshold, changed);
    }

    /** The same setup with this poll added at the end; an id already used is refused. */
    public MeetingSetup withPollAdded(Poll poll) {
        if (polls.stream().anyMatch(p -> p.id().equals(poll.id()))) throw new IllegalArgumentException("poll id " + poll.id() + " is taken");
        List<Poll> all = new ArrayList<>(polls);
        all.add(poll);
        return withPolls(all);
    }
}
