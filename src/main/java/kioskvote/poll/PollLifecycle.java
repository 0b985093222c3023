package kioskvote.poll;

import java.time.Clock;
import java.security.SecureRandom;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotRejected;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.store.SealedBallotDao;
import kioskvote.token.MeetingKey;
import kioskvote.meeting.CountRules;
import kioskvote.meeting.Election;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollState;
import kioskvote.meeting.SetupJson;
import kioskvote.meeting.StationEvents;
import kioskvote.audit.AuditDetail;
import kioskvote.roster.Roster;
import kioskvote.roster.Turnout;
import kioskvote.store.AuditDao;
import kioskvote.store.BallotDao;
import kioskvote.store.MeetingSetupDao;
import kioskvote.store.PollDefinitionDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.StationDao;
import kioskvote.tally.ElectionResult;

/**
 * The chair's side of a meeting: presence, opening and closing polls, showing results, the next round of an election.
 * Where a poll stands is {@link PollStatuses}; its count, if sealed, {@link BoxOpening}; its results {@link PollResults}.
 */
public final class PollLifecycle {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final Clock clock;
    private final BoxSignature boxSignature;
    private final StationEvents events;
    private final SecureRandom random;
    private final BoxStorage storage;
    private final PollRecords records;
    private final PollStatuses statuses;
    private final PollResults results;

    public PollLifecycle(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, StationEvents events, SecureRandom random,
                         BoxStorage storage, PollRecords records, MeetingKey meetingKey, PollStatuses statuses, PollResults results) {
        this.boxSignature = new BoxSignature(meetingKey);
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.random = random;
        this.storage = storage;
        this.records = records;
        this.statuses = statuses;
        this.results = results;
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

    /**
     * Freezes the definition (and records its hash) as the poll opens. A sealed poll also gets its
     * ballot box: a fresh key pair whose public key is stored in the same transaction and whose private
     * key is split among the counting committee (k of n) and then zeroed. The shares are in the answer
     * only; the station keeps no copy, on disk or in memory.
     */
    public OpenedPoll open(String pollId, boolean confirmBelowQuorum) {
        kioskvote.meeting.MeetingSetup setup = meeting.setup(); // one whole setup: this poll, this committee
        Poll poll = setup.polls().stream().filter(p -> p.id().equals(pollId)).findFirst()
                .orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
        String json = PollDefinition.canonicalJson(poll);
        String hash = PollDefinition.hash(poll);
        Optional<BoxKeyPair> box = poll.sealed() ? Optional.of(BoxKeyPair.generate(random)) : Optional.empty();
        // The storage key is on disk before the poll can take a cast; an opening that fails destroys its own.
        Optional<String> storageKey = box.map(pair -> storage.keepNew(poll, pair.publicKey()));
        boolean opened = false;
        try {
            int members = setup.committee().size();
            int threshold = setup.sealThreshold();
            // Split before the opening commits: an open sealed poll always has its cards in this answer.
            Optional<OpenedPoll.ShareCards> cards = box.map(pair -> CommitteeCards.deal(poll, pair, threshold, setup.committee(), random));
            jdbi.useTransaction(h -> {
                Turnout turnout = Roster.turnout(h, meeting);
                int present = turnout.present();
                int summoned = turnout.summoned();
                if (!CountRules.quorumMet(present, summoned) && !confirmBelowQuorum) throw PollRejected.quorumNotMet(present, summoned);
                PollStateDao polls = new PollStateDao(h);
                if (!polls.open(poll.id(), json, hash, kioskvote.store.StoredTime.now(clock))) throw new PollRejected(PollRejected.Code.POLL_NOT_DRAFT);
                // The meeting editor locks the drafts while it writes: past the line above, an edit of this poll or of
                // the committee made here or on another station is committed and visible. Freeze only what is stored.
                MeetingSetupDao setups = new MeetingSetupDao(h);
                var stored = setups.find();
                if (stored.isPresent() && (!stored.get().setupJson().equals(SetupJson.write(setup))
                        || !setups.pollDefinition(poll.id()).map(json::equals).orElse(false))) {
                    throw new PollRejected(PollRejected.Code.MEETING_CHANGED);
                }
                String sealing = "not-sealed";
                if (box.isPresent()) {
                    polls.setBox(poll.id(), box.get().publicKey().hex(), threshold, members);
                    polls.setBoxSignature(poll.id(), boxSignature.sign(new BoxContext(meeting.id(), poll.id(), hash), box.get().publicKey()));
                    sealing = "sealed box=" + box.get().publicKey().fingerprintText() + " shares=" + threshold + "-of-" + members;
                }
                audit.append(h, AuditDetail.POLL_OPENED, "poll=" + poll.id() + " definition-sha256=" + hash
                        + " present=" + present + " summoned=" + summoned + " " + sealing);
                // The commitment to the definition, the keys and the slips (docs/record.md).
                // A practice poll is in no election record (docs/rules.md, "Practice poll").
                if (!poll.practice()) records.commitAtOpen(h, poll, hash, box.map(pair -> pair.publicKey().hex()));
            });
            opened = true;
            events.pollStateChanged(poll.id());
            return new OpenedPoll(status(pollId), cards);
        } finally {
            box.ifPresent(BoxKeyPair::close);
            if (!opened) storageKey.ifPresent(storage::destroy);
        }
    }

    public PollStatus close(String pollId) {
        Poll poll = poll(pollId);
        jdbi.useTransaction(h -> {
            if (!new PollStateDao(h).close(poll.id(), kioskvote.store.StoredTime.now(clock))) throw new PollRejected(PollRejected.Code.POLL_ALREADY_CLOSED);
            new BallotDao(h).restampAtClose(poll.id());
            long received = new BallotDao(h).countBallots(poll.id()) + new SealedBallotDao(h).count(poll.id());
            audit.append(h, AuditDetail.POLL_CLOSED, "poll=" + poll.id() + " received=" + received);
            // A sealed poll's ballots are final only at its count: that transaction calls this instead.
            if (!poll.practice() && !poll.sealed()) records.fixHeadWhenBallotsAreFinal(h, poll, status(h, poll));
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
            if (row.state() != PollState.CLOSED) throw new PollRejected(PollRejected.Code.RESULTS_NOT_READY);
            if (row.sealed() && row.countedAt().isEmpty()) throw new PollRejected(PollRejected.Code.AWAITING_COUNT);
            if (new AuditDao(h).has(PollStatuses.RESULTS_SHOWN, "poll=" + poll.id())) throw new PollRejected(PollRejected.Code.RESULTS_ALREADY_SHOWN);
            audit.append(h, PollStatuses.RESULTS_SHOWN, "poll=" + poll.id());
        });
        events.pollStateChanged(poll.id());
        return status(pollId);
    }

    /**
     * Adds the next round of a closed election as a draft poll (docs/rules.md, "Second round"): the candidates
     * still undecided (tied, or not yet elected while seats are left) for the seats left. Stored in
     * poll_definition, so the station reads it again at its next start.
     */
    public Poll addNextRound(String pollId) {
        Poll first = requireClosed(pollId);
        if (first.practice() || first.election().isEmpty()) throw new PollRejected(PollRejected.Code.NOT_AN_ELECTION);
        Election election = first.election().get();
        ElectionResult result = tallyOfElection(pollId);
        if (result.remainingSeats() == 0 || result.undecided().isEmpty()) throw new PollRejected(PollRejected.Code.NO_SECOND_ROUND);
        Poll next = NextRound.of(first, election, result);
        // One change of the meeting at a time (Meeting.change): an edit made meanwhile neither drops this round from
        // the stored polls nor from the station's meeting.
        meeting.change(current -> {
            try {
                jdbi.useTransaction(h -> {
                    PollDefinitionDao definitions = new PollDefinitionDao(h);
                    if (definitions.existsFrom(first.id())) throw new PollRejected(PollRejected.Code.SECOND_ROUND_EXISTS);
                    definitions.insert(new PollDefinitionDao.DefinitionRow(next.id(), first.id(), PollDefinition.canonicalJson(next), kioskvote.store.StoredTime.now(clock)));
                    // An edited meeting keeps its polls in meeting_poll: the next round goes there too, last.
                    MeetingSetupDao setups = new MeetingSetupDao(h);
                    if (setups.find().isPresent()) setups.appendPoll(next.id(), PollDefinition.canonicalJson(next));
                    new PollStateDao(h).insertDraft(next.id());
                    audit.append(h, "poll-added", "poll=" + next.id() + " from=" + first.id() + " seats=" + result.remainingSeats()
                            + " candidates=" + result.undecided().size());
                });
            } catch (org.jdbi.v3.core.statement.StatementException e) {
                throw new PollRejected(PollRejected.Code.SECOND_ROUND_EXISTS); // another request added it first
            }
            return Meeting.Change.to(current.withPollAdded(next), next);
        });
        events.pollStateChanged(next.id());
        return next;
    }

    private Poll requireClosed(String pollId) {
        return results.requireClosed(pollId);
    }

    private ElectionResult tallyOfElection(String pollId) {
        return results.tally(pollId).election().orElseThrow();
    }

    private Poll poll(String pollId) {
        return statuses.poll(pollId);
    }

    private PollStatus status(String pollId) {
        return statuses.status(pollId);
    }

    private PollStatus status(Handle h, Poll poll) {
        return statuses.status(h, poll);
    }
}
