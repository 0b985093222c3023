package kioskvote.meeting;

import java.util.Objects;

/**
 * One name on an election ballot: full name, position and unit as printed. Its {@code id} is the option id a
 * ballot stores when the voter keeps the name.
 */
public record Candidate(String id, String name, String position, String unit) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        position = position == null ? "" : position;
        unit = unit == null ? "" : unit;
    }
}
