package kioskvote.kiosk;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.slip.SlipOffice.DeskBallot;
import kioskvote.slip.SlipOffice;
import kioskvote.store.KioskDao.DeliveryRow;
import kioskvote.store.KioskDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao;
import kioskvote.token.Token;

/**
 * The database half of the ballots the check-in desk sends to a kiosk for a named voter (roster/CheckInDesk writes
 * the delivery with the hand-out): picked up, abandoned, never picked up, sent again after a restart, released when
 * the kiosk is withdrawn. A delivery names the visit's one-time handle, the kiosk and the poll, never the person or
 * the token (the token waits in memory, in {@link KioskSessions}).
 */
public final class KioskDeliveries {
    /** A kiosk ballot sent again from the desk's pool for a delivery an earlier station run lost (see {@link #resumeKioskBallot}). */
    public record ResumedKioskBallot(long kioskHandle, String pollId, String encodedToken) {
        @Override
        public String toString() {
            return "ResumedKioskBallot[" + pollId + "]"; // the token can cast a ballot: never in a log
        }
    }
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final SlipOffice slips;
    private final AuditLog audit;
    private final StationEvents events;
    private final String baseUrl;
    /** This station run's random id (CheckInDesk.bootId): a delivery of another run lost its token with it. */
    private final String bootId;

    public KioskDeliveries(Jdbi jdbi, Meeting meeting, SlipOffice slips, AuditLog audit, StationEvents events, String baseUrl,
                           String bootId) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.slips = slips;
        this.audit = audit;
        this.events = events;
        this.baseUrl = baseUrl;
        this.bootId = bootId;
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

    private void turnoutChanged() {
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }
}
