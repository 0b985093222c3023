package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** The roster_person and ballot_handout tables: who is summoned, present, and received a ballot (never which). */
public final class RosterDao {
    public record PersonRow(String personId, String fullName, String unit, boolean present) {
    }

    public record HandoutRow(String personId, String pollId, String kind, int replaced, boolean awaitingReplacement) {
    }

    private static final String PERSON_COLUMNS = "person_id, full_name, unit, present";

    private final Handle handle;

    public RosterDao(Handle handle) {
        this.handle = handle;
    }

    public void insertPerson(String personId, String fullName, String unit, String searchKey) {
        handle.createUpdate("INSERT INTO roster_person (person_id, full_name, unit, search_key, present) VALUES (?, ?, ?, ?, FALSE)")
                .bind(0, personId).bind(1, fullName).bind(2, unit).bind(3, searchKey).execute();
    }

    public boolean exists(String fullName, String unit) {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person WHERE full_name = ? AND unit = ?")
                .bind(0, fullName).bind(1, unit).mapTo(Integer.class).one() > 0;
    }

    public Optional<PersonRow> find(String personId) {
        return handle.createQuery("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE person_id = ?")
                .bind(0, personId).map((rs, ctx) -> person(rs)).findFirst();
    }

    /** Locks the person's row until the transaction ends: two desks handing out to one person take turns. */
    public Optional<PersonRow> findForUpdate(String personId) {
        return handle.createQuery("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE person_id = ? FOR UPDATE")
                .bind(0, personId).map((rs, ctx) -> person(rs)).findFirst();
    }

    /** Every word of the query must appear in the search key (both already normalized). */
    public List<PersonRow> search(List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE 1 = 1");
        for (int i = 0; i < words.size(); i++) sql.append(" AND search_key LIKE ? ESCAPE '!'");
        sql.append(" ORDER BY search_key, unit, person_id");
        var query = handle.createQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            String escaped = words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.bind(i, "%" + escaped + "%");
        }
        return query.setMaxRows(limit).map((rs, ctx) -> person(rs)).list();
    }

    public void setPresent(String personId, boolean present) {
        handle.createUpdate("UPDATE roster_person SET present = ? WHERE person_id = ?").bind(0, present).bind(1, personId).execute();
    }

    public long countPeople() {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person").mapTo(Long.class).one();
    }

    public long countPresent() {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person WHERE present = TRUE").mapTo(Long.class).one();
    }

    public Optional<HandoutRow> handout(String personId, String pollId) {
        return handle.createQuery("SELECT person_id, poll_id, kind, replaced, awaiting_replacement FROM ballot_handout "
                        + "WHERE person_id = ? AND poll_id = ?")
                .bind(0, personId).bind(1, pollId)
                .map((rs, ctx) -> new HandoutRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)))
                .findFirst();
    }

    public List<HandoutRow> handoutsOf(String personId) {
        return handle.createQuery("SELECT person_id, poll_id, kind, replaced, awaiting_replacement FROM ballot_handout "
                        + "WHERE person_id = ? ORDER BY poll_id")
                .bind(0, personId)
                .map((rs, ctx) -> new HandoutRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)))
                .list();
    }

    /** Throws the database's unique-key violation if this person already received a ballot in this poll. */
    /** Undoes a hand-out recorded by mistake (the desk checks it cannot have been used). */
    public boolean deleteHandout(String personId, String pollId) {
        return handle.createUpdate("DELETE FROM ballot_handout WHERE person_id = ? AND poll_id = ?")
                .bind(0, personId).bind(1, pollId).execute() == 1;
    }

    public void insertHandout(String personId, String pollId, String kind) {
        handle.createUpdate("INSERT INTO ballot_handout (person_id, poll_id, kind, replaced, awaiting_replacement) VALUES (?, ?, ?, 0, FALSE)")
                .bind(0, personId).bind(1, pollId).bind(2, kind).execute();
    }

    /** The ballot was voided: the person may be handed a new one, once. */
    public int markAwaitingReplacement(String personId, String pollId) {
        return handle.createUpdate("UPDATE ballot_handout SET awaiting_replacement = TRUE WHERE person_id = ? AND poll_id = ? "
                        + "AND awaiting_replacement = FALSE")
                .bind(0, personId).bind(1, pollId).execute();
    }

    /** @return 1 if a voided ballot is now replaced by a new one of {@code kind} */
    public int replaceHandout(String personId, String pollId, String kind) {
        return handle.createUpdate("UPDATE ballot_handout SET awaiting_replacement = FALSE, replaced = replaced + 1, kind = ? "
                        + "WHERE person_id = ? AND poll_id = ? AND awaiting_replacement = TRUE")
                .bind(0, kind).bind(1, personId).bind(2, pollId).execute();
    }

    /**
     * Ballots in people's hands, which work in every poll ({@code pollId} is kept for the callers): one per
     * person for the meeting; a replaced ballot counts once, one awaiting replacement not at all.
     */
    public long countHandedOut(String pollId) {
        return handle.createQuery("SELECT COUNT(*) FROM ballot_handout WHERE awaiting_replacement = FALSE").mapTo(Long.class).one();
    }

    public long countReplaced(String pollId) {
        return handle.createQuery("SELECT COALESCE(SUM(replaced), 0) FROM ballot_handout WHERE poll_id = ?")
                .bind(0, pollId).mapTo(Long.class).one();
    }

    private static PersonRow person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PersonRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }
}
