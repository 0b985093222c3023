package kioskvote.roster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.slip.SlipOffice.DeskBallot;
import kioskvote.slip.SlipOffice;
import kioskvote.slip.SlipRejected;
import kioskvote.store.BallotDao;
import kioskvote.store.Database;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao.HandoutRow;
import kioskvote.store.RosterDao.PersonRow;
import kioskvote.store.RosterDao;
import kioskvote.store.StationDao;

/**
 * The people summoned and the check-in desk: import, search, presence, and one ballot per person per
 * poll. The roster knows that a person received a ballot and of which kind; it never knows which token,
 * and nothing it stores can be joined to a slip or a ballot.
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
    private final SlipOffice slips;
    private final AuditLog audit;
    private final SecureRandom random;
    private final StationEvents events;
    private final String baseUrl;

    public Roster(Jdbi jdbi, Meeting meeting, SlipOffice slips, AuditLog audit, SecureRandom random, StationEvents events,
                  String baseUrl) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.slips = slips;
        this.audit = audit;
        this.random = random;
        this.events = events;
        this.baseUrl = baseUrl;
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
            PersonRow row = requirePerson(dao, personId);
            if (!present && !dao.handoutsOf(personId).isEmpty()) throw new RosterRejected(RosterRejected.Code.HAS_BALLOT);
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
     * Hands one ballot to a person for a poll, marking them present. A second hand-out for the same
     * person and poll is refused, unless the first ballot was voided (lost slip, abandoned kiosk).
     */
    public HandOut handOut(String personId, String pollId, HandOutKind kind) {
        HandOut result = retryOnce(h -> handOutIn(h, personId, pollId, kind));
        turnoutChanged();
        return result;
    }

    /**
     * A lost or spoiled ballot: voids the slip by the code printed on it (or shown under the desk's QR),
     * then hands out a new one. Refused if that slip was already cast in this poll.
     */
    public HandOut replace(String personId, String pollId, String slipCode, HandOutKind kind) {
        HandOut result = retryOnce(h -> {
            RosterDao dao = new RosterDao(h);
            requirePerson(dao, personId);
            requireNotClosed(h, pollId);
            var handout = dao.handout(personId, pollId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
            if (!handout.awaitingReplacement()) {
                var slip = new kioskvote.store.SlipDao(h).findByShortCode(
                        kioskvote.token.ShortCode.normalize(slipCode).orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP)))
                        .orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP));
                if (new BallotDao(h).isSpent(pollId, slip.serial())) throw new RosterRejected(RosterRejected.Code.SLIP_ALREADY_CAST);
                slips.voidSlip(h, slipCode);
                dao.markAwaitingReplacement(personId, pollId);
            }
            return handOutIn(h, personId, pollId, kind);
        });
        turnoutChanged();
        return result;
    }

    /**
     * Undoes a printed slip's hand-out recorded by mistake (wrong person, or nobody took it): the person keeps
     * their presence and may be handed a ballot again. Only while that ballot cannot have voted: the station
     * does not know which slip a person holds, so it refuses once any poll has as many ballots cast as handed
     * out (after the undo, cast would exceed handed out). A QR or kiosk ballot carries a token: void and replace.
     */
    public Person undoHandOut(String personId, String pollId) {
        Person person = jdbi.inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            requireNotClosed(h, pollId);
            HandoutRow held = dao.handoutsOf(personId).stream().filter(r -> !r.awaitingReplacement()).findFirst()
                    .orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
            if (!held.kind().equals(HandOutKind.SLIP.name())) throw new RosterRejected(RosterRejected.Code.CANNOT_UNDO_KIND);
            PollStateDao states = new PollStateDao(h);
            for (var poll : meeting.polls()) {
                var row = states.find(poll.id()).orElseThrow();
                if (PollState.fromCode(row.state()) != PollState.DRAFT && row.castCount() >= dao.countHandedOut(poll.id())) {
                    throw new RosterRejected(RosterRejected.Code.MAY_HAVE_VOTED);
                }
            }
            dao.deleteHandout(personId, held.pollId());
            audit.append(h, "ballot-hand-out-undone", "poll=" + held.pollId() + " kind=slip handed-out=" + dao.countHandedOut(held.pollId()));
            return person(dao, dao.find(personId).orElseThrow());
        });
        turnoutChanged();
        return person;
    }

    /** A ballot sent to a kiosk was not cast (the kiosk timed out): its token is voided and the person may get another. */
    public void kioskBallotAbandoned(String personId, String pollId, String encodedToken) {
        jdbi.useTransaction(h -> {
            if (slips.voidAbandoned(h, pollId, encodedToken)) new RosterDao(h).markAwaitingReplacement(personId, pollId);
        });
        turnoutChanged();
    }

    private HandOut handOutIn(Handle h, String personId, String pollId, HandOutKind kind) {
        RosterDao dao = new RosterDao(h);
        PersonRow person = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
        requireNotClosed(h, pollId);
        // A kiosk picks its ballot up for the poll open now: sent for a draft poll, the voter would meet "not open".
        if (kind == HandOutKind.KIOSK && PollState.fromCode(new PollStateDao(h).find(pollId).orElseThrow().state()) != PollState.OPEN) {
            throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        }
        // A slip or token works in every poll of the meeting (spent once per poll), so a person holds one
        // ballot for the whole meeting: a second hand-out in a later poll would let them vote twice there.
        var held = dao.handoutsOf(personId);
        if (held.stream().anyMatch(row -> !row.awaitingReplacement())) throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
        var existing = held.stream().filter(HandoutRow::awaitingReplacement).findFirst();
        boolean replacement = existing.isPresent();
        if (replacement) {
            dao.replaceHandout(personId, existing.get().pollId(), kind.name());
        } else {
            try {
                dao.insertHandout(personId, pollId, kind.name());
            } catch (RuntimeException e) {
                if (Database.isUniqueViolation(e)) throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
                throw e;
            }
        }
        if (!person.present()) dao.setPresent(personId, true);
        Optional<DeskBallot> ballot = kind.mintsToken() ? Optional.of(slips.issueAtDesk(h, baseUrl)) : Optional.empty();
        // No person id here: the audit log is public in the minutes, and a hand-out time next to a name says too much.
        audit.append(h, replacement ? "ballot-replaced" : "ballot-handed-out", "poll=" + pollId + " kind=" + kind.name().toLowerCase()
                + " handed-out=" + dao.countHandedOut(pollId) + " present=" + dao.countPresent());
        return new HandOut(personId, pollId, kind, replacement, ballot);
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

    private <T> T retryOnce(Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (RuntimeException e) {
            // Two stations creating the desk's slip batch at the same moment: the loser tries once more.
            if (!Database.isUniqueViolation(e)) throw e;
            return jdbi.inTransaction(work::apply);
        }
    }

    private void requireNotClosed(Handle h, String pollId) {
        if (meeting.poll(pollId).isEmpty()) throw new BallotRejected(BallotRejected.Code.UNKNOWN_POLL);
        PollState state = PollState.fromCode(new PollStateDao(h).find(pollId).orElseThrow().state());
        if (state == PollState.CLOSED) throw new RosterRejected(RosterRejected.Code.POLL_CLOSED);
    }

    private static PersonRow requirePerson(RosterDao dao, String personId) {
        return dao.find(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
    }

    private static Person person(RosterDao dao, PersonRow row) {
        List<String> polls = dao.handoutsOf(row.personId()).stream().filter(r -> !r.awaitingReplacement()).map(RosterDao.HandoutRow::pollId).toList();
        return new Person(row.personId(), row.fullName(), row.unit(), row.present(), polls);
    }

    private void turnoutChanged() {
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }

    private static String randomId(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
