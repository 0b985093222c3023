package kioskvote.roster;

import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.HandOutKind;

/** Someone summoned to the meeting, whether they are present, and the kind of ballot they hold for the meeting, if any. */
public record Person(String id, String fullName, String unit, boolean present, Optional<HandOutKind> ballotKind) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(ballotKind, "ballotKind");
    }

    public boolean holdsBallot() {
        return ballotKind.isPresent();
    }

    /** A kiosk voter is sent one kiosk ballot per poll; everyone else holds one slip for every poll. */
    public boolean votesAtKiosk() {
        return ballotKind.equals(Optional.of(HandOutKind.KIOSK));
    }
}
