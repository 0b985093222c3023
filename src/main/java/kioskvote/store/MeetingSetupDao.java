package kioskvote.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The meeting as edited in the admin pages: tables meeting_setup (one row) and meeting_poll (its polls, in order). */
public final class MeetingSetupDao {
    public record SetupRow(String meetingId, String setupJson, String seededFromSha256, OffsetDateTime updatedAt) {
    }

    public record PollRow(String pollId, int position, String definitionJson) {
    }

    private static final String INSERT_POLL = "INSERT INTO meeting_poll (poll_id, position, definition_json) VALUES (:pollId, :position, :definitionJson)";
    private static final RowMapper<SetupRow> SETUP = ConstructorMapper.of(SetupRow.class);
    private static final RowMapper<PollRow> POLL = ConstructorMapper.of(PollRow.class);

    private final Handle handle;

    public MeetingSetupDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<SetupRow> find() {
        return handle.createQuery("SELECT meeting_id, setup_json, seeded_from_sha256, updated_at FROM meeting_setup")
                .map(SETUP).findFirst();
    }

    /** Throws the database's unique-key violation if another station stored the meeting first. */
    public void insert(SetupRow row) {
        handle.createUpdate("INSERT INTO meeting_setup (meeting_id, setup_json, seeded_from_sha256, updated_at) "
                        + "VALUES (:meetingId, :setupJson, :seededFromSha256, :updatedAt)")
                .bindMethods(row).execute();
    }

    public void update(String setupJson, OffsetDateTime updatedAt) {
        handle.createUpdate("UPDATE meeting_setup SET setup_json = :setupJson, updated_at = :updatedAt")
                .bind("setupJson", setupJson).bind("updatedAt", updatedAt).execute();
    }

    public List<PollRow> polls() {
        return handle.createQuery("SELECT poll_id, position, definition_json FROM meeting_poll ORDER BY position, poll_id")
                .map(POLL).list();
    }

    public Optional<String> pollDefinition(String pollId) {
        return handle.createQuery("SELECT definition_json FROM meeting_poll WHERE poll_id = :pollId").bind("pollId", pollId)
                .mapTo(String.class).findFirst();
    }

    /** Replaces every poll row by these, in this order. */
    public void replacePolls(List<PollRow> rows) {
        handle.createUpdate("DELETE FROM meeting_poll").execute();
        var batch = handle.prepareBatch(INSERT_POLL);
        for (PollRow row : rows) batch.bindMethods(row).add();
        if (!rows.isEmpty()) batch.execute();
    }

    /** A poll added after the others (a next round), if the meeting is stored here. */
    public void appendPoll(String pollId, String definitionJson) {
        int next = handle.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_poll").mapTo(Integer.class).one();
        handle.createUpdate(INSERT_POLL).bindMethods(new PollRow(pollId, next, definitionJson)).execute();
    }
}
