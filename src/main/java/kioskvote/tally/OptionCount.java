package kioskvote.tally;

import java.math.BigDecimal;
import java.util.Objects;

import kioskvote.meeting.Option;

/** How many valid marks an option received, and that count as a percentage of the poll's base. */
public record OptionCount(Option option, long count, BigDecimal percent) {
    public OptionCount {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(percent, "percent");
        if (count < 0) throw new IllegalArgumentException("count cannot be negative");
    }
}
