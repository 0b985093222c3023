package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import kioskvote.meeting.HandOutKind;

/** The roster_person, ballot_holder and kiosk_visit tables: who is summoned, present, and holds a ballot (never which). */
public final class RosterDao {
    public record PersonRow(String personId, String fullName, String unit, boolean present) {
    }

    public record HandoutRow(String personId, HandOutKind kind) {
    }

    private static final String PERSON_COLUMNS = "person_id, full_name, unit, present";

    private static final RowMapper<PersonRow> PERSON = ConstructorMapper.of(PersonRow.class);

    private final Handle handle;

    public RosterDao(Handle handle) {
        this.handle = handle;
    }

    public void insertPerson(String personId, String fullName, String unit, String searchKey) {
        handle.createUpdate("INSERT INTO roster_person (person_id, full_name, unit, search_key, present) VALUES (:personId, :fullName, :unit, :searchKey, FALSE)")
                .bind("personId", personId).bind("fullName", fullName).bind("unit", unit).bind("searchKey", searchKey).execute();
    }

    public boolean exists(String fullName, String unit) {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person WHERE full_name = :fullName AND unit = :unit")
                .bind("fullName", fullName).bind("unit", unit).mapTo(Integer.class).one() > 0;
    }

    /** Who has this name and unit, if anyone (the pair is unique on the roster). */
    public Optional<String> idOf(String fullName, String unit) {
        return handle.createQuery("SELECT person_id FROM roster_person WHERE full_name = :fullName AND unit = :unit")
                .bind("fullName", fullName).bind("unit", unit).mapTo(String.class).findFirst();
    }

    /**
     * A correction: the id stays, so what refers to the person (their ballot_holder row, the hashed kiosk
     * visits) still does. Throws the database's unique-key violation if another person has that name and unit.
     */
    public int updatePerson(String personId, String fullName, String unit, String searchKey) {
        return handle.createUpdate("UPDATE roster_person SET full_name = :fullName, unit = :unit, search_key = :searchKey WHERE person_id = :personId")
                .bind("fullName", fullName).bind("unit", unit).bind("searchKey", searchKey).bind("personId", personId).execute();
    }

    /** Removes a person (Roster checks they hold no ballot; a ballot_holder row would make this a foreign-key violation). */
    public int deletePerson(String personId) {
        return handle.createUpdate("DELETE FROM roster_person WHERE person_id = :personId").bind("personId", personId).execute();
    }

    public Optional<PersonRow> find(String personId) {
        return handle.createQuery("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE person_id = :personId")
                .bind("personId", personId).map(PERSON).findFirst();
    }

    /** Locks the person's row until the transaction ends: two desks handing out to one person take turns. */
    public Optional<PersonRow> findForUpdate(String personId) {
        return handle.createQuery("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE person_id = :personId FOR UPDATE")
                .bind("personId", personId).map(PERSON).findFirst();
    }

    /** Every word of the query must appear in the search key (both already normalized). */
    public List<PersonRow> search(List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + PERSON_COLUMNS + " FROM roster_person WHERE 1 = 1");
        for (int i = 0; i < words.size(); i++) sql.append(" AND search_key LIKE :word").append(i).append(" ESCAPE '!'");
        sql.append(" ORDER BY search_key, unit, person_id");
        var query = handle.createQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            String escaped = words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.bind("word" + i, "%" + escaped + "%");
        }
        return query.setMaxRows(limit).map(PERSON).list();
    }

    public void setPresent(String personId, boolean present) {
        handle.createUpdate("UPDATE roster_person SET present = :present WHERE person_id = :personId")
                .bind("present", present).bind("personId", personId).execute();
    }

    public long countPeople() {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person").mapTo(Long.class).one();
    }

    public long countPresent() {
        return handle.createQuery("SELECT COUNT(*) FROM roster_person WHERE present = TRUE").mapTo(Long.class).one();
    }

    /** The kind of ballot this person holds for the meeting, if any. */
    public Optional<HandOutKind> heldKind(String personId) {
        return handle.createQuery("SELECT kind FROM ballot_holder WHERE person_id = :personId").bind("personId", personId)
                .mapTo(HandOutKind.class).findFirst();
    }

    /** Throws the database's unique-key violation if this person already holds a ballot. */
    public void insertHolder(long holderId, String personId, HandOutKind kind) {
        handle.createUpdate("INSERT INTO ballot_holder (holder_id, person_id, kind) VALUES (:holderId, :personId, :kind)")
                .bind("holderId", holderId).bind("personId", personId).bind("kind", kind).execute();
    }

    /** Undoes a printed slip's hand-out recorded by mistake (Roster checks it cannot have voted). */
    public int deleteHolder(String personId) {
        return handle.createUpdate("DELETE FROM ballot_holder WHERE person_id = :personId").bind("personId", personId).execute();
    }

    /** Throws the database's unique-key violation if this visit (person and poll, hashed) is already there. */
    public void insertKioskVisit(long visitId, String visitKey) {
        handle.createUpdate("INSERT INTO kiosk_visit (visit_id, visit_key) VALUES (:visitId, :visitKey)")
                .bind("visitId", visitId).bind("visitKey", visitKey).execute();
    }

    /** @return 1 if the visit was there: its kiosk ballot was abandoned, the person may be sent another */
    public int deleteKioskVisit(long visitId) {
        return handle.createUpdate("DELETE FROM kiosk_visit WHERE visit_id = :visitId").bind("visitId", visitId).execute();
    }

    public boolean hasKioskVisit(String visitKey) {
        return handle.createQuery("SELECT COUNT(*) FROM kiosk_visit WHERE visit_key = :visitKey").bind("visitKey", visitKey)
                .mapTo(Integer.class).one() > 0;
    }

    /** People holding a ballot: one per person for the meeting, whatever the poll. */
    public long countHandedOut() {
        return handle.createQuery("SELECT COUNT(*) FROM ballot_holder").mapTo(Long.class).one();
    }

    public boolean hasLegacyHandouts() {
        return handle.createQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'ballot_handout'")
                .mapTo(Integer.class).one() > 0;
    }

    /** V3's per-poll hand-outs still held (not awaiting replacement): person → kind. */
    public List<HandoutRow> legacyHandouts() {
        return handle.createQuery("SELECT person_id, MIN(kind) AS kind FROM ballot_handout WHERE awaiting_replacement = FALSE "
                        + "GROUP BY person_id")
                .map(ConstructorMapper.of(HandoutRow.class)).list();
    }

    public void dropLegacyHandouts() {
        handle.execute("DROP TABLE ballot_handout");
    }
}
