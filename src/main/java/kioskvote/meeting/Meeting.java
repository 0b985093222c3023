package kioskvote.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Poll;

/**
 * The meeting as described in kiosk-config/NAME/meeting.yaml; loaded once at start.
 * {@code sealThreshold}: how many of the counting committee's key shares open a sealed poll's ballot box.
 */
public record Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                      int summoned, List<CommitteeMember> committee, List<Poll> polls, int sealThreshold) {
    /** The default threshold: 2 of the committee (1 if it has a single member). */
    public static final int DEFAULT_SEAL_THRESHOLD = 2;

    public Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                   int summoned, List<CommitteeMember> committee, List<Poll> polls) {
        this(id, title, organiser, date, time, place, summoned, committee, polls,
                Math.max(1, Math.min(DEFAULT_SEAL_THRESHOLD, committee.size())));
    }

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        organiser = organiser == null ? "" : organiser;
        Objects.requireNonNull(date, "date");
        time = time == null ? "" : time;
        place = place == null ? "" : place;
        committee = List.copyOf(committee);
        polls = List.copyOf(polls);
        if (sealThreshold < 1) throw new IllegalArgumentException("the seal threshold must be at least 1");
    }

    public Optional<Poll> poll(String pollId) {
        return polls.stream().filter(p -> p.id().equals(pollId)).findFirst();
    }
}
