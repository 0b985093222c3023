package kioskvote.tally;

import java.util.Objects;

/** One entry of the hash-chained audit log as printed in the minutes (mapped from the audit package). */
public record AuditLine(long seq, String at, String event, String detail, String hash) {
    public AuditLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(hash, "hash");
    }
}
