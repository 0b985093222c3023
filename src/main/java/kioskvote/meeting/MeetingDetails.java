package kioskvote.meeting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What meeting.yaml's {@code meeting:} section says besides the id: the words on every page and in the minutes,
 * and how many people are summoned (the quorum's base when there is no roster). The organiser may change them
 * from the admin pages; the meeting id never changes (the database and every slip belong to it).
 */
public record MeetingDetails(String title, String organiser, LocalDate date, String time, String place, int summoned) {
    public MeetingDetails {
        Objects.requireNonNull(title, "title");
        organiser = organiser == null ? "" : organiser;
        Objects.requireNonNull(date, "date");
        time = time == null ? "" : time;
        place = place == null ? "" : place;
        if (title.isBlank()) throw new IllegalArgumentException("a meeting has a title");
        if (summoned < 1) throw new IllegalArgumentException("at least one person is summoned");
    }
}
