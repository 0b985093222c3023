package kioskvote.roster;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditDetail;
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
import kioskvote.store.KioskDao.DeliveryRow;
import kioskvote.store.KioskDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao.HandoutRow;
import kioskvote.store.RosterDao.PersonRow;
import kioskvote.store.RosterDao;
import kioskvote.store.StationDao;
import kioskvote.token.KeyedHash;
import kioskvote.token.Token;

/**
 * The people summoned and the check-in desk: import, search, presence, and one ballot per person for
 * the meeting. The roster knows that a person received a ballot and of which kind; it never knows which token,
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
    private final KeyedHash visitHash;
    /** This station run's random id, written with each kiosk delivery: a row of another run lost its token with it. */
    private final String bootId;

    /** @param visitHash the keyed hash kiosk visits are stored as (KeyedHash "kiosk-visit" of the meeting key) */
    public Roster(Jdbi jdbi, Meeting meeting, SlipOffice slips, AuditLog audit, SecureRandom random, StationEvents events,
                  String baseUrl, KeyedHash visitHash) {
        this.visitHash = visitHash;
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.slips = slips;
        this.audit = audit;
        this.random = random;
        this.events = events;
        this.baseUrl = baseUrl;
        this.bootId = randomId(random);
    }

    /** A kiosk ballot sent again from the desk's pool for a delivery an earlier station run lost (see {@link #resumeKioskBallot}). */
    public record ResumedKioskBallot(long kioskHandle, String pollId, String encodedToken) {
        @Override
        public String toString() {
            return "ResumedKioskBallot[" + pollId + "]"; // the token can cast a ballot: never in a log
        }
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
     * Hands a person their one ballot for the meeting (it works in every poll, once each), marking them
     * present. SLIP records only that a printed slip was handed; QR draws a token from the desk's pool,
     * shown once. KIOSK makes the person a kiosk voter and sends a ballot for {@code pollId} to a kiosk;
     * a kiosk voter is sent one such ballot per poll. The transaction writes who holds a ballot (and, for
     * a kiosk, a hashed "one kiosk ballot in this poll"), never the token.
     */
    public HandOut handOut(String personId, String pollId, HandOutKind kind) {
        return handOut(personId, pollId, kind, Optional.empty());
    }

    /**
     * The same, for KIOSK naming the kiosk the ballot goes to: the delivery (visit handle, kiosk, poll, never the
     * token) is written in the same transaction, so a restart before the kiosk picks it up does not lose it.
     */
    public HandOut handOut(String personId, String pollId, HandOutKind kind, Optional<String> kiosk) {
        Optional<Token> drawn = kind.mintsToken() ? Optional.of(slips.drawFromPool()) : Optional.empty();
        try {
            HandOut result = retryOnce(h -> handOutIn(h, personId, pollId, kind, drawn, kiosk));
            turnoutChanged();
            return result;
        } catch (RuntimeException e) {
            drawn.ifPresent(slips::returnToPool);
            throw e;
        }
    }

    /**
     * Checks a person in as a kiosk voter, without a ballot yet: they will be sent one kiosk ballot per poll.
     * Done at check-in, it keeps the row that names them away from the moment a kiosk ballot is sent and
     * cast (that send writes only a hashed visit), so the file's commit order cannot pair them with it.
     */
    public Person registerKioskVoter(String personId) {
        Person person = retryOnce(h -> {
            RosterDao dao = new RosterDao(h);
            PersonRow row = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            if (pollsNotClosed(h).isEmpty()) throw new RosterRejected(RosterRejected.Code.POLL_CLOSED);
            Optional<String> held = dao.heldKind(personId);
            if (held.isPresent() && !held.get().equals(HandOutKind.KIOSK.name())) throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
            if (held.isEmpty()) {
                dao.insertHolder(random.nextLong() & Long.MAX_VALUE, personId, HandOutKind.KIOSK.name());
                if (!row.present()) dao.setPresent(personId, true);
                audit.append(h, "kiosk-voter-checked-in", "handed-out=" + dao.countHandedOut() + " present=" + dao.countPresent());
            }
            return person(dao, dao.find(personId).orElseThrow());
        });
        turnoutChanged();
        return person;
    }

    /**
     * A lost or spoiled slip: voids it by the code printed on it (or shown under the desk's QR) and hands the
     * person a new one: a QR drawn from the pool, or (SLIP) the printed slip whose code is {@code newSlipCode}.
     * In the same transaction as the void, the new token is spent in every poll not yet closed in which the
     * old one already voted, so the person votes once in every poll, whatever the poll the desk shows.
     * Nothing about the person is written: they held one ballot and still hold one.
     */
    public HandOut replace(String personId, String pollId, String slipCode, HandOutKind kind, Optional<String> newSlipCode) {
        if (kind == HandOutKind.KIOSK) throw new RosterRejected(RosterRejected.Code.BAD_KIND);
        if (kind == HandOutKind.SLIP && newSlipCode.isEmpty()) throw new RosterRejected(RosterRejected.Code.NEW_SLIP_CODE_MISSING);
        Optional<Token> drawn = kind == HandOutKind.QR ? Optional.of(slips.drawFromPool()) : Optional.empty();
        try {
            HandOut result = retryOnce(h -> {
                RosterDao dao = new RosterDao(h);
                requirePerson(dao, personId);
                List<String> openPolls = pollsNotClosed(h);
                if (openPolls.isEmpty()) throw new RosterRejected(RosterRejected.Code.POLL_CLOSED);
                String held = dao.heldKind(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
                if (held.equals(HandOutKind.KIOSK.name())) throw new RosterRejected(RosterRejected.Code.KIOSK_VOTER_HAS_NO_SLIP);
                BallotDao ballots = new BallotDao(h);
                var lost = slips.findSlipForUpdate(h, slipCode);
                if (lost.voided()) throw new RosterRejected(RosterRejected.Code.SLIP_ALREADY_VOID);
                List<String> votedIn = openPolls.stream().filter(poll -> ballots.isSpent(poll, lost.serial())).toList();
                String newSerial;
                if (drawn.isPresent()) {
                    newSerial = slips.storedIdOf(drawn.get());
                } else {
                    var fresh = slips.findSlipForUpdate(h, newSlipCode.get());
                    if (fresh.voided()) throw new RosterRejected(RosterRejected.Code.SLIP_ALREADY_VOID);
                    if (fresh.serial().equals(lost.serial()) || ballots.isSpentInAnyPoll(fresh.serial())) {
                        throw new RosterRejected(RosterRejected.Code.SLIP_ALREADY_CAST);
                    }
                    newSerial = fresh.serial();
                }
                slips.voidSlip(h, slipCode);
                for (String poll : votedIn) {
                    ballots.spendToken(random.nextLong() & Long.MAX_VALUE, poll, newSerial);
                    // The poll's record will hold one spent token more than ballots: say so, without the token (docs/record.md).
                    audit.append(h, AuditDetail.SPENT_WITHOUT_BALLOT, "poll=" + poll + " tokens=1 reason=lost-slip-replaced");
                }
                Optional<DeskBallot> ballot = drawn.map(token -> slips.handOutAtDesk(h, token, baseUrl));
                audit.append(h, "ballot-replaced", "kind=" + kind.name().toLowerCase() + " spent-in-polls=" + votedIn.size());
                return new HandOut(personId, pollId, kind, true, ballot, Optional.empty());
            });
            turnoutChanged();
            return result;
        } catch (RuntimeException e) {
            drawn.ifPresent(slips::returnToPool);
            throw e;
        }
    }

    /**
     * Undoes a printed slip's hand-out recorded by mistake (wrong person, or nobody took it): the person stays
     * present and may be handed a ballot again. Only while that ballot cannot have voted: the station does not
     * know which slip a person holds, so it refuses once any opened poll has as many ballots cast as people
     * holding one (after the undo, cast would exceed handed out). A QR or kiosk ballot: void and replace.
     */
    public Person undoHandOut(String personId) {
        Person person = jdbi.inTransaction(h -> {
            RosterDao dao = new RosterDao(h);
            dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
            String held = dao.heldKind(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
            if (!held.equals(HandOutKind.SLIP.name())) throw new RosterRejected(RosterRejected.Code.CANNOT_UNDO_KIND);
            PollStateDao states = new PollStateDao(h);
            long holding = dao.countHandedOut();
            for (var poll : meeting.polls()) {
                var row = states.find(poll.id()).orElseThrow();
                if (row.state() != PollState.DRAFT && row.castCount() >= holding) {
                    throw new RosterRejected(RosterRejected.Code.MAY_HAVE_VOTED);
                }
            }
            dao.deleteHolder(personId);
            audit.append(h, "ballot-hand-out-undone", "kind=slip handed-out=" + dao.countHandedOut() + " present=" + dao.countPresent());
            return person(dao, dao.find(personId).orElseThrow());
        });
        turnoutChanged();
        return person;
    }

    /**
     * A ballot sent to a kiosk was not cast (the kiosk timed out, or the station ended the session): its
     * token is voided and the kiosk visit its one-time handle names is deleted, so the person may be sent
     * another in that poll. The handle is all the kiosk session knows: never the person.
     */
    public void kioskBallotAbandoned(long kioskHandle, String pollId, String encodedToken) {
        jdbi.useTransaction(h -> {
            new KioskDao(h).deleteDelivery(kioskHandle);
            if (slips.voidAbandoned(h, pollId, encodedToken)) new RosterDao(h).deleteKioskVisit(kioskHandle);
        });
        turnoutChanged();
    }

    /**
     * A ballot waiting for a kiosk that was never picked up here ended (expired, the kiosk withdrawn, the poll
     * no longer open): its token is voided. The visit is released (the person may be sent another) only if
     * the delivery was still there to claim; if another station's kiosk picked it up meanwhile (a fresh token
     * after that station's restart, {@link #resumeKioskBallot}), the visit is that ballot's and stays.
     */
    public void kioskBallotNotPickedUp(long kioskHandle, String pollId, String encodedToken) {
        jdbi.useTransaction(h -> {
            boolean claimed = new KioskDao(h).deleteDelivery(kioskHandle) == 1;
            if (slips.voidAbandoned(h, pollId, encodedToken) && claimed) new RosterDao(h).deleteKioskVisit(kioskHandle);
        });
        turnoutChanged();
    }

    /**
     * The kiosk picks up the ballot the desk sent: the delivery row is deleted (its own short transaction,
     * nothing else written). False if it was no longer there: released by a withdrawal, or picked up through
     * another station; the caller then voids its token instead of handing it out.
     */
    public boolean kioskBallotPickedUp(long kioskHandle) {
        return jdbi.inTransaction(h -> new KioskDao(h).deleteDelivery(kioskHandle) == 1);
    }

    /**
     * A kiosk asks for work and this station holds nothing for it: a delivery written by an earlier run of a
     * station (a restart) lost its token with that run, and the token never left the station, so nobody can
     * cast it. The delivery is claimed and the kiosk is sent a fresh token from the desk's pool for the same
     * visit, counted as a desk draw like the first (the lost one stays issued, never cast). For a poll no
     * longer open the delivery and its visit are released instead.
     */
    public Optional<ResumedKioskBallot> resumeKioskBallot(String kiosk) {
        List<DeliveryRow> lost = jdbi.withHandle(h -> new KioskDao(h).deliveriesFor(kiosk, Optional.of(bootId)));
        for (DeliveryRow row : lost) {
            Token token = slips.drawFromPool();
            try {
                Optional<ResumedKioskBallot> resumed = jdbi.inTransaction(h -> {
                    if (new KioskDao(h).deleteDelivery(row.visitId()) != 1) return Optional.<ResumedKioskBallot>empty();
                    boolean open = new PollStateDao(h).find(row.pollId()).map(p -> p.state() == PollState.OPEN).orElse(false);
                    if (!open) {
                        new RosterDao(h).deleteKioskVisit(row.visitId());
                        audit.append(h, "kiosk-ballot-released", "kiosk=" + kiosk + " reason=poll-not-open");
                        return Optional.<ResumedKioskBallot>empty();
                    }
                    DeskBallot ballot = slips.handOutAtDesk(h, token, baseUrl);
                    audit.append(h, "kiosk-ballot-sent-again", "kiosk=" + kiosk + " reason=station-restarted");
                    return Optional.of(new ResumedKioskBallot(row.visitId(), row.pollId(), ballot.encodedToken()));
                });
                if (resumed.isPresent()) return resumed;
                slips.returnToPool(token);
            } catch (RuntimeException e) {
                slips.returnToPool(token);
                throw e;
            }
        }
        return Optional.empty();
    }

    /**
     * A withdrawn kiosk: every ballot still waiting for it, of any station run, is released (delivery and
     * visit deleted), so the desk may send those people another. Their tokens never left a station.
     */
    public int releaseKioskDeliveries(String kiosk) {
        int released = jdbi.inTransaction(h -> {
            KioskDao dao = new KioskDao(h);
            int count = 0;
            for (DeliveryRow row : dao.deliveriesFor(kiosk, Optional.empty())) {
                if (dao.deleteDelivery(row.visitId()) == 1) {
                    new RosterDao(h).deleteKioskVisit(row.visitId());
                    count++;
                }
            }
            if (count > 0) audit.append(h, "kiosk-ballot-released", "kiosk=" + kiosk + " reason=kiosk-withdrawn count=" + count);
            return count;
        });
        if (released > 0) turnoutChanged();
        return released;
    }

    /** A kiosk ballot sent and not yet picked up: which kiosk, which poll (never the person). */
    public record WaitingKioskBallot(String kiosk, String pollId) {
    }

    /** The kiosk ballots sent and not yet picked up, by kiosk: what the desk shows as waiting. */
    public List<WaitingKioskBallot> kioskBallotsWaiting() {
        return jdbi.withHandle(h -> new KioskDao(h).deliveries()).stream()
                .map(row -> new WaitingKioskBallot(row.kioskName(), row.pollId())).toList();
    }

    private HandOut handOutIn(Handle h, String personId, String pollId, HandOutKind kind, Optional<Token> drawn, Optional<String> kiosk) {
        RosterDao dao = new RosterDao(h);
        PersonRow person = dao.findForUpdate(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
        if (meeting.poll(pollId).isEmpty()) throw new BallotRejected(BallotRejected.Code.UNKNOWN_POLL);
        if (kind == HandOutKind.KIOSK ? isClosed(h, pollId) : pollsNotClosed(h).isEmpty()) {
            throw new RosterRejected(RosterRejected.Code.POLL_CLOSED);
        }
        // A kiosk picks its ballot up for the poll open now: sent for a draft poll, the voter would meet "not open".
        if (kind == HandOutKind.KIOSK && new PollStateDao(h).find(pollId).orElseThrow().state() != PollState.OPEN) {
            throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        }
        // A slip or token works in every poll of the meeting (spent once per poll), so a person holds one
        // ballot for the whole meeting. A kiosk voter holds the right to one kiosk ballot per poll instead.
        Optional<String> held = dao.heldKind(personId);
        if (held.isPresent() && !(kind == HandOutKind.KIOSK && held.get().equals(HandOutKind.KIOSK.name()))) {
            throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
        }
        if (held.isEmpty()) {
            try {
                dao.insertHolder(random.nextLong() & Long.MAX_VALUE, personId, kind.name());
            } catch (RuntimeException e) {
                if (Database.isUniqueViolation(e)) throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
                throw e;
            }
        }
        Optional<Long> kioskHandle = Optional.empty();
        if (kind == HandOutKind.KIOSK) {
            long handle = random.nextLong() & Long.MAX_VALUE;
            try {
                dao.insertKioskVisit(handle, visitHash.hex(personId + "\n" + pollId));
            } catch (RuntimeException e) {
                if (Database.isUniqueViolation(e)) throw new RosterRejected(RosterRejected.Code.KIOSK_BALLOT_ALREADY_SENT);
                throw e;
            }
            kioskHandle = Optional.of(handle);
            kiosk.ifPresent(name -> new KioskDao(h).insertDelivery(new DeliveryRow(handle, name, pollId, bootId)));
        }
        if (!person.present()) dao.setPresent(personId, true);
        Optional<DeskBallot> ballot = drawn.map(token -> slips.handOutAtDesk(h, token, baseUrl));
        // No person id here: the audit log is public in the minutes, and a hand-out time next to a name says too much.
        audit.append(h, held.isPresent() ? "kiosk-ballot-sent" : "ballot-handed-out", "kind=" + kind.name().toLowerCase()
                + " handed-out=" + dao.countHandedOut() + " present=" + dao.countPresent());
        return new HandOut(personId, pollId, kind, false, ballot, kioskHandle);
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

    private <T> T retryOnce(Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (RuntimeException e) {
            // Two stations creating the desk's slip batch at the same moment: the loser tries once more.
            if (!Database.isUniqueViolation(e)) throw e;
            return jdbi.inTransaction(work::apply);
        }
    }

    private boolean isClosed(Handle h, String pollId) {
        return new PollStateDao(h).find(pollId).orElseThrow().state() == PollState.CLOSED;
    }

    /** The polls still to come or under way: a ballot handed out now can vote in these. */
    private List<String> pollsNotClosed(Handle h) {
        return meeting.polls().stream().map(p -> p.id()).filter(id -> !isClosed(h, id)).toList();
    }

    private static PersonRow requirePerson(RosterDao dao, String personId) {
        return dao.find(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.UNKNOWN_PERSON));
    }

    static Person person(RosterDao dao, PersonRow row) {
        return new Person(row.personId(), row.fullName(), row.unit(), row.present(), dao.heldKind(row.personId()).flatMap(HandOutKind::parse));
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
