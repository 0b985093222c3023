package kioskvote.store;

import org.jdbi.v3.core.Jdbi;

import kioskvote.meeting.PollState;

/**
 * How the meeting's value types are read from their columns, in one place: a DAO's row record names the type
 * ({@link PollState}, {@link kioskvote.meeting.HandOutKind}) and Jdbi converts the stored word. A hand-out kind is
 * stored by its name, Jdbi's default for an enum; a poll state by its lower-case code (poll_state.state).
 */
final class StoredTypes {
    private StoredTypes() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerColumnMapper(PollState.class, (rs, column, ctx) -> {
            String code = rs.getString(column);
            return code == null ? null : PollState.fromCode(code);
        });
    }
}
