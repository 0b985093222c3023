package kioskvote.roster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.StationEvents;
import kioskvote.store.Database;
import kioskvote.store.RosterDao.PersonRow;
import kioskvote.store.RosterDao;

/**
 * The organiser's changes to the roster one person at a time: add, correct, remove. A name and unit are held
 * to the rules of a CSV row (RosterCsv.problemOf; a name and unit already on the roster is refused as the
 * import reports it). Each change is one transaction with its audit line. The audit log is printed in the
 * minutes, so its lines carry counts and which fields changed, never a name, a unit or a person id.
 */
public final class RosterEditor {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final SecureRandom random;
    private final StationEvents events;

    public RosterEditor(Jdbi jdbi, Meeting meeting, AuditLog audit, SecureRandom random, StationEvents events) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.random = random;
        this.events = events;
    }

    /** What may be given for a person; a correction leaves out what stays as it is. */
    public record PersonFields(Optional<String> fullName, Optional<String> unit) {
        public PersonFields {
            fullName = fullName.map(RosterCsv::clean);
            unit = unit.map(RosterCsv::clean);
        }

        public static PersonFields of(String fullName, String unit) {
            return new PersonFields(Optional.ofNullable(fullName), Optional.ofNullable(unit));
        }
    }

    /** Adds one person, not present, holding no ballot. A missing unit is an empty one, as in a CSV row. */
    public Person add(PersonFields fields) {
        String name = fields.fullName().orElse("");
        String unit = fields.unit().orElse("");
        RosterCsv.problemOf(name, unit).ifPresent(problem -> {
            throw RosterRejected.of(problem);
        });
        Person person = inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            if (dao.idOf(name, unit).isPresent()) throw RosterRejected.of(RosterCsv.Problem.ALREADY_ON_ROSTER);
            String id = Roster.randomId(random);
            dao.insertPerson(id, name, unit, SearchKey.of(name));
            audit.append(h, "roster-person-added", "summoned=" + dao.countPeople());
            return Roster.person(dao, dao.find(id).orElseThrow());
        });
        turnoutChanged();
        return person;
    }

    /**
     * Corrects a person's name or unit, at any time: their id stays, so their presence, the ballot they hold and
     * their kiosk visits (hashed with the id) still belong to them, and nothing the desk or the minutes recorded
     * names them. Nothing changed, nothing written.
     */
    public Person correct(String personId, PersonFields fields) {
        return inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            PersonRow row = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            String name = fields.fullName().orElse(row.fullName());
            String unit = fields.unit().orElse(row.unit());
            RosterCsv.problemOf(name, unit).ifPresent(problem -> {
                throw RosterRejected.of(problem);
            });
            List<String> changed = new ArrayList<>();
            if (!name.equals(row.fullName())) changed.add("name");
            if (!unit.equals(row.unit())) changed.add("unit");
            if (changed.isEmpty()) return Roster.person(dao, row);
            Optional<String> holder = dao.idOf(name, unit);
            if (holder.isPresent() && !holder.get().equals(personId)) throw RosterRejected.of(RosterCsv.Problem.ALREADY_ON_ROSTER);
            dao.updatePerson(personId, name, unit, SearchKey.of(name));
            // Which fields, not their values: the log is public in the minutes (a misspelt name is corrected, not published).
            audit.append(h, "roster-person-corrected", "fields=" + String.join(",", changed) + " summoned=" + dao.countPeople());
            return Roster.person(dao, dao.find(personId).orElseThrow());
        });
    }

    /**
     * Removes a person summoned by mistake, only before they hold a ballot (docs/rules.md, "One ballot per
     * person"): once a printed slip or QR was handed to them, or they were checked in as a kiosk voter (a kiosk
     * ballot is sent only to one), the ballot they hold is counted as handed out and may have voted, so they stay.
     * A person marked present is refused too: the check-in is undone first, so the check-in list records the
     * present count going down, and the quorum of a poll is never lowered by a removal alone.
     */
    public void remove(String personId) {
        inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            // Locked like a hand-out locks it: a hand-out and a removal of one person take turns.
            PersonRow row = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            if (dao.heldKind(personId).isPresent()) throw new RosterRejected(RosterRejected.Code.PERSON_HOLDS_BALLOT);
            if (row.present()) throw new RosterRejected(RosterRejected.Code.PERSON_IS_PRESENT);
            dao.deletePerson(personId);
            audit.append(h, "roster-person-removed", "summoned=" + dao.countPeople() + " present=" + dao.countPresent());
            return null;
        });
        turnoutChanged();
    }

    private <T> T inTransaction(java.util.function.Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (RuntimeException e) {
            // Two organisers adding or correcting to the same name and unit at once: the database's unique key decides.
            if (Database.isUniqueViolation(e)) throw RosterRejected.of(RosterCsv.Problem.ALREADY_ON_ROSTER);
            throw e;
        }
    }

    private void turnoutChanged() {
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }
}
