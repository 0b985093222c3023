package kioskvote.roster;

import java.util.List;
import java.util.Objects;

/** Someone summoned to the meeting, whether they are present, and the polls they received a ballot for. */
public record Person(String id, String fullName, String unit, boolean present, List<String> ballotPolls) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(unit, "unit");
        ballotPolls = List.copyOf(ballotPolls);
    }
}
