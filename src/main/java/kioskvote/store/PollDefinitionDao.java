package kioskvote.store;

import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Polls created while the station runs (second rounds): their canonical definition, in the order created. */
public final class PollDefinitionDao {
    public record DefinitionRow(String pollId, String fromPoll, String definitionJson, OffsetDateTime createdAt) {
    }

    private static final RowMapper<DefinitionRow> ROW = ConstructorMapper.of(DefinitionRow.class);

    private final Handle handle;

    public PollDefinitionDao(Handle handle) {
        this.handle = handle;
    }

    public List<DefinitionRow> all() {
        return handle.createQuery("SELECT poll_id, from_poll, definition_json, created_at FROM poll_definition ORDER BY created_at, poll_id")
                .map(ROW).list();
    }

    public void insert(DefinitionRow row) {
        handle.createUpdate("INSERT INTO poll_definition (poll_id, from_poll, definition_json, created_at) VALUES (:pollId, :fromPoll, :definitionJson, :createdAt)")
                .bindMethods(row).execute();
    }

    public boolean existsFrom(String fromPoll) {
        return handle.createQuery("SELECT COUNT(*) FROM poll_definition WHERE from_poll = :fromPoll").bind("fromPoll", fromPoll)
                .mapTo(Integer.class).one() > 0;
    }

    /** A next round deleted as a draft in the meeting editor: it is not read back at the next start. */
    public void delete(String pollId) {
        handle.createUpdate("DELETE FROM poll_definition WHERE poll_id = :pollId").bind("pollId", pollId).execute();
    }
}
