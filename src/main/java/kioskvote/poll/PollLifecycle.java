package kioskvote.poll;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.Answers;
import kioskvote.ballot.AnswersJson;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.CountRules;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.roster.Roster;
import kioskvote.roster.Turnout;
import kioskvote.store.AuditDao;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao;
import kioskvote.store.SlipDao;
import kioskvote.store.StationDao;
import kioskvote.tally.AuditLine;
import kioskvote.tally.Minutes;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;
import kioskvote.text.Language;

/** The chair's side of a meeting: presence, opening and closing polls, turnout, and the minutes. */
public final class PollLifecycle {
    static final String RESULTS_SHOWN = "results-shown";

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final Clock clock;
    private final String keyFingerprint;
    private final StationEvents events;
    private final PollRecords records;

    public PollLifecycle(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, String keyFingerprint, StationEvents events,
                         PollRecords records) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.clock = clock;
        this.keyFingerprint = keyFingerprint;
        this.events = events;
        this.records = records;
    }

    public List<PollStatus> statuses() {
        return jdbi.withHandle(h -> meeting.polls().stream().map(p -> status(h, p)).toList());
    }

    public PollStatus status(String pollId) {
        Poll poll = poll(pollId);
        return jdbi.withHandle(h -> status(h, poll));
    }

    public void setPresent(int present) {
        if (present < 0 || present > meeting.summoned()) throw new PollRejected(PollRejected.Code.BAD_COUNT);
        jdbi.useTransaction(h -> {
            // With a roster, presence is marked person by person at the desk; a typed count would contradict it.
            if (Roster.turnout(h, meeting).fromRoster()) throw new PollRejected(PollRejected.Code.PRESENCE_FROM_ROSTER);
            new StationDao(h).setPresent(present);
            audit.append(h, "present-set", "present=" + present + " summoned=" + meeting.summoned());
        });
        meeting.polls().forEach(p -> events.turnoutChanged(p.id()));
    }

    /** Freezes the definition (and records its hash) as the poll opens. */
    public PollStatus open(String pollId, boolean confirmBelowQuorum) {
        Poll poll = poll(pollId);
        String json = PollDefinition.canonicalJson(poll);
        String hash = PollDefinition.hash(poll);
        jdbi.useTransaction(h -> {
            Turnout turnout = Roster.turnout(h, meeting);
            int present = turnout.present();
            int summoned = turnout.summoned();
            if (!CountRules.quorumMet(present, summoned) && !confirmBelowQuorum) throw PollRejected.quorumNotMet(present, summoned);
            if (!new PollStateDao(h).open(poll.id(), json, hash, now())) throw new PollRejected(PollRejected.Code.POLL_NOT_DRAFT);
            audit.append(h, "poll-opened", "poll=" + poll.id() + " definition-sha256=" + hash
                    + " present=" + present + " summoned=" + summoned);
            // The commitment to the definition, the keys and the slips (docs/record.md).
            records.commitAtOpen(h, poll, hash, records.sealedBoxPublicKey(h, poll));
        });
        events.pollStateChanged(poll.id());
        return status(pollId);
    }

    public PollStatus close(String pollId) {
        Poll poll = poll(pollId);
        jdbi.useTransaction(h -> {
            if (!new PollStateDao(h).close(poll.id(), now())) throw new PollRejected(PollRejected.Code.POLL_ALREADY_CLOSED);
            new BallotDao(h).restampAtClose(poll.id());
            long received = new BallotDao(h).countBallots(poll.id());
            audit.append(h, "poll-closed", "poll=" + poll.id() + " received=" + received);
            // A sealed poll's ballots are final only at its count: that transaction calls this instead.
            records.fixHeadWhenBallotsAreFinal(h, poll, status(h, poll));
        });
        events.pollStateChanged(poll.id());
        return status(pollId);
    }

    /**
     * The chair puts a closed poll's results on the projector when the meeting is ready for them (the chair's
     * screen says "closed, results not yet shown" until then). Recorded in the audit log, so it survives a
     * restart and is on every station sharing the database; once only.
     */
    public PollStatus showResults(String pollId) {
        Poll poll = poll(pollId);
        jdbi.useTransaction(h -> {
            PollStateRow row = new PollStateDao(h).find(poll.id()).orElseThrow();
            if (PollState.fromCode(row.state()) != PollState.CLOSED) throw new PollRejected(PollRejected.Code.RESULTS_NOT_READY);
            if (new AuditDao(h).has(RESULTS_SHOWN, "poll=" + poll.id())) throw new PollRejected(PollRejected.Code.RESULTS_ALREADY_SHOWN);
            audit.append(h, RESULTS_SHOWN, "poll=" + poll.id());
        });
        events.pollStateChanged(poll.id());
        return status(pollId);
    }

    /** The poll's commitment, and once its ballots are final the record's count and head (docs/record.md). */
    public Optional<kioskvote.tally.Minutes.RecordAnchor> recordAnchor(String pollId) {
        return records.anchor(poll(pollId).id());
    }

    /** Receipt codes are published only after the close, so that a voter can check theirs was counted. */
    public List<String> receipts(String pollId) {
        Poll poll = requireClosed(pollId);
        return jdbi.withHandle(h -> new BallotDao(h).receiptCodes(poll.id()));
    }

    /**
     * Every ballot of a closed poll, anonymous and sorted by content (so the list says nothing about
     * the order of casting): the record anyone can recount independently.
     */
    public List<Answers> ballots(String pollId) {
        Poll poll = requireClosed(pollId);
        return jdbi.withHandle(h -> new BallotDao(h).answers(poll.id())).stream().sorted()
                .map(AnswersJson::read).toList();
    }

    public Minutes minutes(String pollId, Language language) {
        Poll poll = requireClosed(pollId);
        return jdbi.inTransaction(h -> {
            PollStatus status = status(h, poll);
            BallotDao ballots = new BallotDao(h);
            // A poll has few distinct ballots (3^4 + blanks for four subjects): each is parsed once.
            Map<String, Answers> parsed = new HashMap<>();
            var answers = ballots.answers(poll.id()).stream().map(json -> parsed.computeIfAbsent(json, AnswersJson::read)).toList();
            var counts = new TallyCounts(status.summoned(), status.present(), status.issued(), answers.size(), status.voided(),
                    status.handedOut(), status.rosterUsed());
            var rows = new AuditDao(h).all();
            var auditLines = rows.stream().map(r -> new AuditLine(r.seq(), r.at(), r.event(), r.detail(), r.hash())).toList();
            return new Minutes(meeting, Tally.count(poll, answers, counts), keyFingerprint, status.definitionHash().orElse(""),
                    AuditLog.head(rows), auditLines, status.openedAt(), status.closedAt(), ballots.receiptCodes(poll.id()), language,
                    records.anchor(h, poll.id()));
        });
    }

    private Poll requireClosed(String pollId) {
        Poll poll = poll(pollId);
        if (status(pollId).state() != PollState.CLOSED) throw new PollRejected(PollRejected.Code.RESULTS_NOT_READY);
        return poll;
    }

    private PollStatus status(Handle h, Poll poll) {
        PollStateRow row = new PollStateDao(h).find(poll.id()).orElseThrow();
        Turnout turnout = Roster.turnout(h, meeting);
        long handedOut = turnout.fromRoster() ? new RosterDao(h).countHandedOut() : 0;
        SlipDao slips = new SlipDao(h);
        long voided = slips.countVoided();
        return new PollStatus(poll.id(), poll.title(), poll.kind().name().toLowerCase(), PollState.fromCode(row.state()), turnout.summoned(),
                turnout.present(), handedOut, slips.countIssued() - voided, voided, row.castCount(), row.definitionHash(),
                row.openedAt(), row.closedAt(), turnout.fromRoster(),
                PollState.fromCode(row.state()) == PollState.CLOSED && new AuditDao(h).has(RESULTS_SHOWN, "poll=" + poll.id()));
    }

    private Poll poll(String pollId) {
        return meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }

    private String now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
