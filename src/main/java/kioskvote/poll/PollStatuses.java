package kioskvote.poll;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingFigures;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.roster.Roster;
import kioskvote.roster.Turnout;
import kioskvote.store.AuditDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao;
import kioskvote.store.SlipDao;

/**
 * Where each poll stands, read only: state, turnout and slips, ballots cast, whether its results are shown. What the
 * chair's screen, the desk, the live feed and every answer of the lifecycle show; it changes nothing.
 */
public final class PollStatuses {
    static final String RESULTS_SHOWN = "results-shown";

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final PollRecords records;

    public PollStatuses(Jdbi jdbi, Meeting meeting, PollRecords records) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.records = records;
    }

    public List<PollStatus> statuses() {
        return jdbi.withHandle(h -> meeting.polls().stream().map(p -> status(h, p)).toList());
    }

    public PollStatus status(String pollId) {
        Poll poll = poll(pollId);
        return jdbi.withHandle(h -> status(h, poll));
    }

    /** The poll's commitment, and once its ballots are final the record's count and head (docs/record.md). */
    public Optional<kioskvote.tally.Minutes.RecordAnchor> recordAnchor(String pollId) {
        return records.anchor(poll(pollId).id());
    }

    /** The status inside a caller's transaction. */
    PollStatus status(Handle h, Poll poll) {
        PollStateRow row = new PollStateDao(h).find(poll.id()).orElseThrow();
        Turnout turnout = Roster.turnout(h, meeting);
        long handedOut = turnout.fromRoster() ? new RosterDao(h).countHandedOut() : 0;
        SlipDao slips = new SlipDao(h);
        long voided = slips.countVoided();
        var live = new MeetingFigures(turnout.summoned(), turnout.present(), turnout.fromRoster(), handedOut,
                slips.countIssued() - voided, voided);
        // a poll whose ballots are final keeps the figures of that moment (docs/rules.md, "Minutes")
        MeetingFigures f = row.state() == PollState.CLOSED ? records.figuresWhenFinal(h, poll.id()).orElse(live) : live;
        return new PollStatus(poll.id(), poll.title(), poll.kind().code(), row.state(), f, row.castCount(), row.definitionHash(),
                row.openedAt().map(OffsetDateTime::toString), row.closedAt().map(OffsetDateTime::toString), poll.practice(), row.sealed(), row.countedAt().isPresent(),
                row.state() == PollState.CLOSED && new AuditDao(h).has(RESULTS_SHOWN, "poll=" + poll.id()),
                OpenVoteCounts.live(h, poll, row));
    }

    /** The meeting's poll of this id, or an unknown-poll refusal. */
    Poll poll(String pollId) {
        return meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }
}
