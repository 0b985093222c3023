package kioskvote.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Poll;

/** The meeting as described in kiosk-config/NAME/meeting.yaml; loaded once at start. */
public record Meeting(String id, String title, String organiser, LocalDate date, String time, String place,
                      int summoned, List<CommitteeMember> committee, List<Poll> polls) {
    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        organiser = organiser == null ? "" : organiser;
        Objects.requireNonNull(date, "date");
        time = time == null ? "" : time;
        place = place == null ? "" : place;
        committee = List.copyOf(committee);
        polls = List.copyOf(polls);
    }

    public Optional<Poll> poll(String pollId) {
        return polls.stream().filter(p -> p.id().equals(pollId)).findFirst();
    }
}
