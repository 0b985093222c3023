package kioskvote.roster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.HandOutKind;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.StationEvents;
import kioskvote.store.RosterDao.HandoutRow;
import kioskvote.store.RosterDao.PersonRow;
import kioskvote.store.RosterDao;
import kioskvote.store.StationDao;

/**
 * The people summoned: import, search, presence and turnout. What the check-in desk hands each of them is
 * {@link CheckInDesk}. The roster knows that a person received a ballot and of which kind; it never knows which
 * token, and nothing it stores can be joined to a slip or a ballot.
 */
public final class Roster {
    public static final int SEARCH_LIMIT = 50;

    public record ImportReport(int added, List<RosterCsv.BadRow> badRows) {
        public ImportReport {
            badRows = List.copyOf(badRows);
        }
    }

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final SecureRandom random;
    private final StationEvents events;

    public Roster(Jdbi jdbi, Meeting meeting, AuditLog audit, SecureRandom random, StationEvents events) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.random = random;
        this.events = events;
    }

    /** Adds the good rows of a CSV; rows already on the roster (same name and unit) are reported, not added twice. */
    public ImportReport importCsv(byte[] csv) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        ImportReport report = jdbi.inTransaction(h -> importInto(h, parsed, audit));
        turnoutChanged();
        return report;
    }

    /** The same import inside a caller's transaction (the station's first start, from kiosk-config/roster.csv). */
    public static ImportReport importInto(Handle h, RosterCsv.Parsed parsed, AuditLog audit, SecureRandom random) {
        RosterDao dao = new RosterDao(h);
        List<RosterCsv.BadRow> bad = new ArrayList<>(parsed.badRows());
        int added = 0;
        for (RosterCsv.Entry entry : parsed.entries()) {
            if (dao.exists(entry.fullName(), entry.unit())) {
                bad.add(new RosterCsv.BadRow(entry.line(), RosterCsv.Problem.ALREADY_ON_ROSTER));
                continue;
            }
            dao.insertPerson(randomId(random), entry.fullName(), entry.unit(), SearchKey.of(entry.fullName()));
            added++;
        }
        bad.sort(java.util.Comparator.comparingInt(RosterCsv.BadRow::line));
        audit.append(h, "roster-imported", "added=" + added + " bad-rows=" + bad.size() + " total=" + dao.countPeople());
        return new ImportReport(added, bad);
    }

    private ImportReport importInto(Handle h, RosterCsv.Parsed parsed, AuditLog audit) {
        return importInto(h, parsed, audit, random);
    }

    /** People whose name contains every word of the query, ignoring case and diacritics. */
    public List<Person> search(String query) {
        List<String> words = SearchKey.words(query);
        return jdbi.withHandle(h -> {
            RosterDao dao = new RosterDao(h);
            return dao.search(words, SEARCH_LIMIT).stream().map(row -> person(dao, row)).toList();
        });
    }

    public Person person(String personId) {
        return jdbi.withHandle(h -> {
            RosterDao dao = new RosterDao(h);
            return person(dao, dao.find(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON)));
        });
    }

    public Person setPresent(String personId, boolean present) {
        Person person = jdbi.inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            // Locked like a hand-out and a removal lock it: marked absent while a hand-out commits, they would hold a
            // ballot while absent (handed out > present); marked present while a removal commits, nobody is left to mark.
            PersonRow row = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            if (!present && dao.heldKind(personId).isPresent()) throw new RosterRejected(RosterRejected.Code.HAS_BALLOT);
            if (row.present() != present) {
                dao.setPresent(personId, present);
                audit.append(h, present ? "person-present" : "person-absent", "present=" + dao.countPresent()
                        + " summoned=" + dao.countPeople());
            }
            return person(dao, dao.find(personId).orElseThrow());
        });
        turnoutChanged();
        return person;
    }

    /**
     * Converts a V3 database's per-poll hand-outs to one holder row per person (random keys, shuffled), then
     * drops the old table. Once, at the first start after the upgrade.
     */
    public void convertLegacyHandouts() {
        jdbi.useTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            if (!dao.hasLegacyHandouts()) return;
            List<HandoutRow> rows = new ArrayList<>(dao.legacyHandouts());
            java.util.Collections.shuffle(rows, random);
            for (HandoutRow row : rows) dao.insertHolder(random.nextLong() & Long.MAX_VALUE, row.personId(), row.kind());
            dao.dropLegacyHandouts();
            audit.append(h, "handouts-converted", "holders=" + rows.size());
        });
    }

    /** Summoned and present from the roster when it has anyone, else from the meeting and the admin's count. */
    public static Turnout turnout(Handle h, Meeting meeting) {
        RosterDao dao = new RosterDao(h);
        long people = dao.countPeople();
        if (people == 0) return new Turnout(meeting.summoned(), new StationDao(h).find().orElseThrow().present(), false);
        return new Turnout((int) people, (int) dao.countPresent(), true);
    }

    public Turnout turnout() {
        return jdbi.withHandle(h -> turnout(h, meeting));
    }

    static Person person(RosterDao dao, PersonRow row) {
        return new Person(row.personId(), row.fullName(), row.unit(), row.present(), dao.heldKind(row.personId()));
    }

    private void turnoutChanged() {
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }

    static String randomId(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
