package kioskvote.roster;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditDetail;
import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.HandOutKind;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.slip.SlipOffice.DeskBallot;
import kioskvote.slip.SlipOffice;
import kioskvote.store.BallotDao;
import kioskvote.store.Database;
import kioskvote.store.KioskDao.DeliveryRow;
import kioskvote.store.KioskDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao.PersonRow;
import kioskvote.store.RosterDao;
import kioskvote.token.KeyedHash;
import kioskvote.token.Token;

/**
 * The check-in desk: one ballot per person for the meeting (a printed slip, a QR shown once, or kiosk ballots),
 * a lost slip replaced, a hand-out undone. It writes who holds a ballot and of which kind, never which token; a
 * kiosk ballot's delivery (visit handle, kiosk, poll, this run's id) is written with its hand-out, and what happens
 * to it afterwards is kiosk/KioskDeliveries.
 */
public final class CheckInDesk {
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
    public CheckInDesk(Jdbi jdbi, Meeting meeting, SlipOffice slips, AuditLog audit, SecureRandom random, StationEvents events,
                       String baseUrl, KeyedHash visitHash) {
        this.visitHash = visitHash;
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.slips = slips;
        this.audit = audit;
        this.random = random;
        this.events = events;
        this.baseUrl = baseUrl;
        this.bootId = Roster.randomId(random);
    }

    /** This station run's id, which kiosk/KioskDeliveries tells its own deliveries apart by (their tokens are in memory). */
    public String bootId() {
        return bootId;
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
            Optional<HandOutKind> held = dao.heldKind(personId);
            if (held.isPresent() && held.get() != HandOutKind.KIOSK) throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
            if (held.isEmpty()) {
                dao.insertHolder(random.nextLong() & Long.MAX_VALUE, personId, HandOutKind.KIOSK);
                if (!row.present()) dao.setPresent(personId, true);
                audit.append(h, "kiosk-voter-checked-in", "handed-out=" + dao.countHandedOut() + " present=" + dao.countPresent());
            }
            return Roster.person(dao, dao.find(personId).orElseThrow());
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
                HandOutKind held = dao.heldKind(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
                if (held == HandOutKind.KIOSK) throw new RosterRejected(RosterRejected.Code.KIOSK_VOTER_HAS_NO_SLIP);
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
            HandOutKind held = dao.heldKind(personId).orElseThrow(() -> new RosterRejected(RosterRejected.Code.NOT_HANDED_OUT));
            if (held != HandOutKind.SLIP) throw new RosterRejected(RosterRejected.Code.CANNOT_UNDO_KIND);
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
            return Roster.person(dao, dao.find(personId).orElseThrow());
        });
        turnoutChanged();
        return person;
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
        Optional<HandOutKind> held = dao.heldKind(personId);
        if (held.isPresent() && !(kind == HandOutKind.KIOSK && held.get() == HandOutKind.KIOSK)) {
            throw new RosterRejected(RosterRejected.Code.ALREADY_HANDED_OUT);
        }
        if (held.isEmpty()) {
            try {
                dao.insertHolder(random.nextLong() & Long.MAX_VALUE, personId, kind);
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

    private void turnoutChanged() {
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }
}
