package kioskvote.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meeting as described in kiosk-config/NAME/meeting.yaml; loaded once at start. {@link #polls()} are
 * the configured polls followed by those added while the station runs ({@link PollBook}: second rounds).
 */
public record Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                      int summoned, List<CommitteeMember> committee, List<Poll> configuredPolls, PollBook book) {
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
    }

    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls) {
        this(id, title, organiser, date, time, place, summoned, committee, polls, new PollBook());
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
