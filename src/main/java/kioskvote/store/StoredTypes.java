package kioskvote.store;

import java.sql.Types;
import java.time.OffsetDateTime;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import kioskvote.meeting.PollState;

/**
 * How the meeting's value types are read from and written to their columns, in one place: a DAO's row record names
 * the type and Jdbi converts the stored word.
 * <ul>
 * <li>A poll state is stored as its lower-case code (poll_state.state); a hand-out kind by its name, Jdbi's
 * default for an enum.</li>
 * <li>A time (opened_at, closed_at, counted_at, created_at, accepted_at, updated_at) is stored as ISO-8601 text with
 * the station's offset, to the second, as {@link OffsetDateTime#toString()} writes it (VARCHAR(40) since migration
 * V1, on H2 and PostgreSQL alike). The row carries it as an {@link OffsetDateTime}, not an Instant: the minutes
 * print the hour in the offset the station stood in when it happened (tally/MinutesWords), and a later start in
 * another time zone must not change them. Jdbi's own mapping of OffsetDateTime (a TIMESTAMP WITH TIME ZONE) is
 * replaced by this text form. The audit log's time stays text: it is hashed into the chain as written.</li>
 * </ul>
 */
final class StoredTypes {
    private StoredTypes() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerColumnMapper(PollState.class, (rs, column, ctx) -> {
            String code = rs.getString(column);
            return code == null ? null : PollState.fromCode(code);
        });
        jdbi.registerColumnMapper(OffsetDateTime.class, (rs, column, ctx) -> {
            String text = rs.getString(column);
            return text == null ? null : OffsetDateTime.parse(text);
        });
        jdbi.registerArgument(new StoredTime());
    }

    /** An OffsetDateTime bound as the text the time columns hold. */
    private static final class StoredTime extends AbstractArgumentFactory<OffsetDateTime> {
        StoredTime() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(OffsetDateTime value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }
}
