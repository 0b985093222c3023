package kioskvote.meeting;

import java.util.Objects;

/** A member of the counting committee (Ban kiểm phiếu), printed in the minutes' signature block. */
public record CommitteeMember(String name, String role) {
    public CommitteeMember {
        Objects.requireNonNull(name, "name");
        role = role == null ? "" : role;
    }
}
