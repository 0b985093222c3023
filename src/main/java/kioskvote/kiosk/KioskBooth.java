package kioskvote.kiosk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.CastReceipt;
import kioskvote.ballot.Credential;
import kioskvote.ballot.VotingRights;
import kioskvote.kiosk.KioskSessions.CredentialKind;
import kioskvote.kiosk.KioskSessions.Session;
import kioskvote.meeting.Poll;

/**
 * What happens at a tablet kiosk, whatever the page looks like: a voter's way in (a scanned or typed slip,
 * its short code, a photo's QR code, or a ballot the desk sent), the ballot session, the cast, and the
 * session's end (cast, wiped after idle, or expired). The session holds the credential; the page holds
 * only the session's random id.
 */
public final class KioskBooth {
    /** A ballot in progress at a kiosk: which session, which poll. */
    public record KioskBallot(Session session, Poll poll) {
    }

    private final KioskSessions sessions;
    private final VotingRights rights;
    private final KioskDeliveries deliveries;

    public KioskBooth(KioskSessions sessions, VotingRights rights, KioskDeliveries deliveries) {
        this.sessions = sessions;
        this.rights = rights;
        this.deliveries = deliveries;
    }

    /** A voter's slip (scanned, typed, or read from a photo): a session for the first open poll it has not voted in. */
    public KioskBallot start(String kiosk, String typed) {
        expireOldSessions();
        Credential credential = Credential.parse(typed);
        Poll poll = rights.nextPollFor(credential);
        CredentialKind kind = credential.kind() == Credential.Kind.TOKEN ? CredentialKind.TOKEN : CredentialKind.SHORT_CODE;
        return new KioskBallot(sessions.start(kiosk, kind, credential.value(), Optional.empty()), poll);
    }

    /**
     * The ballot the desk sent to this kiosk, once; empty when none waits. A poll no longer open voids it. A
     * ballot sent before a restart of the station lost its token with that run (it never left the station):
     * the kiosk is sent a fresh one for the same visit instead (KioskDeliveries.resumeKioskBallot).
     */
    public Optional<KioskBallot> pickUpFromDesk(String kiosk) {
        expireOldSessions();
        Optional<Session> sent = sessions.pickUp(kiosk);
        Session session;
        if (sent.isPresent()) {
            session = sent.get();
            if (!claim(session)) return Optional.empty();
        } else {
            Optional<KioskDeliveries.ResumedKioskBallot> resumed = deliveries.resumeKioskBallot(kiosk);
            if (resumed.isEmpty()) return Optional.empty();
            KioskDeliveries.ResumedKioskBallot r = resumed.get();
            session = sessions.startFromDesk(kiosk, r.encodedToken(), r.kioskHandle(), r.pollId());
        }
        Poll poll;
        try {
            poll = rights.requireOpen(session.pollId().orElseThrow());
        } catch (BallotRejected notOpen) {
            sessions.end(kiosk, session.id());
            abandon(session);
            throw notOpen;
        }
        return Optional.of(new KioskBallot(session, poll));
    }

    /**
     * Deletes the stored delivery of a ballot this station held for the kiosk. If it was no longer there
     * (the kiosk was withdrawn and enrolled again meanwhile, or another station sent the ballot again after
     * its restart), this token is voided rather than handed out: one ballot per visit (docs/rules.md).
     */
    private boolean claim(Session session) {
        long handle = session.desk().orElseThrow().kioskHandle();
        boolean claimed;
        try {
            claimed = deliveries.kioskBallotPickedUp(handle);
        } catch (RuntimeException e) {
            sessions.putBack(session); // the database did not answer: the ballot waits for the next pick-up
            throw e;
        }
        if (!claimed) {
            sessions.end(session.kiosk(), session.id());
            deliveries.kioskBallotNotPickedUp(handle, session.pollId().orElseThrow(), session.credential());
        }
        return claimed;
    }

    /**
     * The organiser withdraws a kiosk (a lost tablet): its enrolment is deleted, its sessions end, the
     * ballots the desk sent it are voided and released, so those people may be sent another.
     */
    public void withdraw(String kiosk) {
        sessions.withdraw(kiosk).forEach(this::abandon);
        deliveries.releaseKioskDeliveries(kiosk);
    }

    /** The session the form names, on this kiosk, still good for this poll; a wiped or expired one is gone. */
    public Session session(String kiosk, String sessionId, Poll poll) {
        Session session = sessions.find(kiosk, sessionId)
                .orElseThrow(() -> new KioskRejected(KioskRejected.Code.KIOSK_SESSION_GONE, kiosk));
        if (session.pollId().isPresent() && !session.pollId().get().equals(poll.id())) {
            throw new BallotRejected(BallotRejected.Code.UNKNOWN_POLL);
        }
        return session;
    }

    /** Before the review: the credential must still be good for this poll (not spent meanwhile, not voided). */
    public void requireUsable(Session session, Poll poll) {
        rights.requireMarksAllowed(poll); // the form path: refused for a sealed poll where the meeting requires device sealing
        rights.check(credentialOf(session), poll);
    }

    /**
     * Spends the session's credential and stores the ballot; returns the receipt code. The same cast sent
     * again within a minute (its answer was lost) returns the same receipt instead of "session gone".
     */
    public String cast(String kiosk, String sessionId, Poll poll, Map<String, List<String>> marks, String receiptSecret) {
        Optional<String> done = sessions.recentReceipt(kiosk, sessionId, receiptSecret);
        if (done.isPresent()) return done.get();
        Session session = session(kiosk, sessionId, poll);
        CastReceipt receipt = rights.cast(credentialOf(session), poll.id(), marks, receiptSecret);
        sessions.endCast(session.kiosk(), session.id(), receipt.receiptCode());
        return receipt.receiptCode();
    }

    /** The kiosk timed out mid-ballot: the session ends; a ballot the desk sent is voided so it can be replaced. */
    public void abandon(String kiosk, String sessionId) {
        sessions.end(kiosk, sessionId).ifPresent(this::abandon);
    }

    private void abandon(Session session) {
        session.desk().ifPresent(d -> {
            if (session.waiting()) deliveries.kioskBallotNotPickedUp(d.kioskHandle(), d.pollId(), session.credential());
            else deliveries.kioskBallotAbandoned(d.kioskHandle(), d.pollId(), session.credential());
        });
    }

    private void expireOldSessions() {
        sessions.expire().forEach(this::abandon);
    }

    private static Credential credentialOf(Session session) {
        return new Credential(session.kind() == CredentialKind.TOKEN ? Credential.Kind.TOKEN : Credential.Kind.SHORT_CODE,
                session.credential());
    }
}
