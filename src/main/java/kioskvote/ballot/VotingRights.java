package kioskvote.ballot;

import java.util.List;

import org.jdbi.v3.core.Jdbi;

import kioskvote.meeting.DeviceSealingRule;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.store.PollStateDao;
import kioskvote.token.TokenRejected;

/**
 * The one answer to "may this credential vote, and in which poll": used by the phone pages, the kiosk
 * and the API alike. A credential works once in every poll of the meeting (docs/rules.md, "One ballot
 * per person").
 */
public final class VotingRights {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final BallotBox ballotBox;
    private final DeviceSealingRule deviceSealing;

    public VotingRights(Jdbi jdbi, Meeting meeting, BallotBox ballotBox) {
        this(jdbi, meeting, ballotBox, DeviceSealingRule.PREFERRED);
    }

    public VotingRights(Jdbi jdbi, Meeting meeting, BallotBox ballotBox, DeviceSealingRule deviceSealing) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.ballotBox = ballotBox;
        this.deviceSealing = deviceSealing;
    }

    /** The meeting's rule: may a sealed poll's marks travel to the station to be sealed there (the form path)? */
    public DeviceSealingRule deviceSealing() {
        return deviceSealing;
    }

    /** Refuses (409 device_sealing_required) a ballot of this poll that carries its marks, where the meeting requires device sealing. */
    public void requireMarksAllowed(Poll poll) {
        if (!deviceSealing.allowsMarksOnTheAir(poll)) throw new BallotRejected(BallotRejected.Code.DEVICE_SEALING_REQUIRED);
    }

    /** The polls open now, in the meeting's order. */
    public List<Poll> openPolls() {
        return jdbi.withHandle(h -> {
            PollStateDao states = new PollStateDao(h);
            return meeting.polls().stream()
                    .filter(p -> states.find(p.id()).map(row -> row.state() == PollState.OPEN).orElse(false))
                    .toList();
        });
    }

    /** True while polls are still to be opened (a slip used in every poll so far is kept for them). */
    public boolean morePollsToCome() {
        return jdbi.withHandle(h -> {
            PollStateDao states = new PollStateDao(h);
            return meeting.polls().stream()
                    .anyMatch(p -> states.find(p.id()).map(row -> row.state() == PollState.DRAFT).orElse(false));
        });
    }

    /** The poll, if it is open now; otherwise "not open" (or "no such poll"). */
    public Poll requireOpen(String pollId) {
        Poll poll = meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
        if (!openPolls().contains(poll)) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        return poll;
    }

    /** Checks the credential may vote in this poll without spending it; throws the refusal otherwise. */
    public void check(Credential credential, Poll poll) {
        switch (credential.kind()) {
            case TOKEN -> ballotBox.checkToken(poll.id(), credential.value());
            case SHORT_CODE -> ballotBox.checkShortCode(poll.id(), credential.value());
            case SLIP_KEY -> ballotBox.checkSlipKey(poll.id(), credential.value());
        }
    }

    /** True if the credential was spent in this poll; any other refusal (forged, voided…) is thrown. */
    public boolean usedIn(Poll poll, Credential credential) {
        try {
            check(credential, poll);
            return false;
        } catch (TokenRejected e) {
            if (e.reason() != TokenRejected.Reason.ALREADY_USED) throw e;
            return true;
        }
    }

    /**
     * The first open poll this credential has not voted in. None open: "not open"; every open poll
     * already voted in: "already used"; a forged or voided credential: its own refusal.
     */
    public Poll nextPollFor(Credential credential) {
        List<Poll> open = openPolls();
        if (open.isEmpty()) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        for (Poll poll : open) {
            if (!usedIn(poll, credential)) return poll;
        }
        throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
    }

    /**
     * Casts with a secret or a short code (held by a kiosk session): the same one transaction (docs/rules.md,
     * "Casting"). A slip key alone casts nothing: its cast needs its signature ({@link #castSigned}).
     */
    public CastReceipt cast(Credential credential, String pollId, java.util.Map<String, List<String>> marks, String receiptSecret) {
        requireMarksAllowed(ballotBox.poll(pollId));
        return switch (credential.kind()) {
            case TOKEN -> ballotBox.cast(pollId, credential.value(), marks, receiptSecret);
            case SHORT_CODE -> ballotBox.castByShortCode(pollId, credential.value(), marks, receiptSecret);
            case SLIP_KEY -> throw new TokenRejected(TokenRejected.Reason.UNSIGNED);
        };
    }

    /** Casts from a phone: the slip key and its signature over this cast. */
    public CastReceipt castSigned(Credential slipKey, String signatureHex, String pollId, java.util.Map<String, List<String>> marks,
                                  String receiptSecret) {
        if (slipKey.kind() != Credential.Kind.SLIP_KEY) throw new TokenRejected(TokenRejected.Reason.UNSIGNED);
        requireMarksAllowed(ballotBox.poll(pollId));
        return ballotBox.castSigned(pollId, slipKey.value(), signatureHex, marks, receiptSecret);
    }
}
