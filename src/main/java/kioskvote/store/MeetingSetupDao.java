package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The meeting as edited in the admin pages: tables meeting_setup (one row) and meeting_poll (its polls, in order). */
public final class MeetingSetupDao {
    public record SetupRow(String meetingId, String setupJson, String seededFromSha256, String updatedAt) {
    }

    public record PollRow(String pollId, int position, String definitionJson) {
    }

    private final Handle handle;

    public MeetingSetupDao(Handle handle) {
        this.handle = handle;
    }

    public Optional<SetupRow> find() {
        return handle.createQuery("SELECT meeting_id, setup_json, seeded_from_sha256, updated_at FROM meeting_setup")
                .map((rs, ctx) -> new SetupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findFirst();
    }

    /** Throws the database's unique-key violation if another station stored the meeting first. */
    public void insert(SetupRow row) {
        handle.createUpdate("INSERT INTO meeting_setup (meeting_id, setup_json, seeded_from_sha256, updated_at) VALUES (?, ?, ?, ?)")
                .bind(0, row.meetingId()).bind(1, row.setupJson()).bind(2, row.seededFromSha256()).bind(3, row.updatedAt()).execute();
    }

    public void update(String setupJson, String updatedAt) {
        handle.createUpdate("UPDATE meeting_setup SET setup_json = ?, updated_at = ?").bind(0, setupJson).bind(1, updatedAt).execute();
    }

    public List<PollRow> polls() {
        return handle.createQuery("SELECT poll_id, position, definition_json FROM meeting_poll ORDER BY position, poll_id")
                .map((rs, ctx) -> new PollRow(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .list();
    }

    public Optional<String> pollDefinition(String pollId) {
        return handle.createQuery("SELECT definition_json FROM meeting_poll WHERE poll_id = ?").bind(0, pollId)
                .mapTo(String.class).findFirst();
    }

    /** Replaces every poll row by these, in this order. */
    public void replacePolls(List<PollRow> rows) {
        handle.createUpdate("DELETE FROM meeting_poll").execute();
        var batch = handle.prepareBatch("INSERT INTO meeting_poll (poll_id, position, definition_json) VALUES (?, ?, ?)");
        for (PollRow row : rows) batch.bind(0, row.pollId()).bind(1, row.position()).bind(2, row.definitionJson()).add();
        if (!rows.isEmpty()) batch.execute();
    }

    /** A poll added after the others (a next round), if the meeting is stored here. */
    public void appendPoll(String pollId, String definitionJson) {
        int next = handle.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_poll").mapTo(Integer.class).one();
        handle.createUpdate("INSERT INTO meeting_poll (poll_id, position, definition_json) VALUES (?, ?, ?)")
                .bind(0, pollId).bind(1, next).bind(2, definitionJson).execute();
    }
}
