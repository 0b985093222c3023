package kioskvote.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meeting as described in kiosk-config/NAME/meeting.yaml; loaded once at start. {@link #polls()} are
 * the configured polls followed by those added while the station runs ({@link PollBook}: second rounds).
 * {@code sealThreshold}: how many of the counting committee's key shares open a sealed poll's ballot box.
 */
public record Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                      int summoned, List<CommitteeMember> committee, List<Poll> configuredPolls, PollBook book,
                      int sealThreshold) {
    /** The default threshold: 2 of the committee (1 if it has a single member). */
    public static final int DEFAULT_SEAL_THRESHOLD = 2;

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        organiser = organiser == null ? "" : organiser;
        Objects.requireNonNull(date, "date");
        time = time == null ? "" : time;
        place = place == null ? "" : place;
        committee = List.copyOf(committee);
        configuredPolls = List.copyOf(configuredPolls);
        Objects.requireNonNull(book, "book");
        if (sealThreshold < 1) throw new IllegalArgumentException("the seal threshold must be at least 1");
    }

    /** With the default seal threshold. */
    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls, PollBook book) {
        this(id, title, organiser, date, time, place, summoned, committee, polls, book, defaultThreshold(committee));
    }

    /** With the default seal threshold and no poll added at run time yet. */
    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls) {
        this(id, title, organiser, date, time, place, summoned, committee, polls, new PollBook());
    }

    /** With this seal threshold and no poll added at run time yet. */
    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls, int sealThreshold) {
        this(id, title, organiser, date, time, place, summoned, committee, polls, new PollBook(), sealThreshold);
    }

    private static int defaultThreshold(List<CommitteeMember> committee) {
        return Math.max(1, Math.min(DEFAULT_SEAL_THRESHOLD, committee.size()));
    }

    /** Every poll: meeting.yaml's, then those added at run time, in the order they were added. */
    public List<Poll> polls() {
        List<Poll> added = book.added();
        if (added.isEmpty()) return configuredPolls;
        List<Poll> all = new ArrayList<>(configuredPolls);
        all.addAll(added);
        return List.copyOf(all);
    }

    public Optional<Poll> poll(String pollId) {
        return polls().stream().filter(p -> p.id().equals(pollId)).findFirst();
    }

    /** Adds a poll created while the station runs (a second round); its id must be new. */
    public void addPoll(Poll poll) {
        book.add(poll, configuredPolls);
    }
}
