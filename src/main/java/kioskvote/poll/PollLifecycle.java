package kioskvote.poll;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.Answers;
import kioskvote.ballot.AnswersJson;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.OpenedBallot;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.StorageKey;
import kioskvote.seal.KeyShare;
import kioskvote.seal.ShareRejected;
import kioskvote.store.SealedBallotDao;
import kioskvote.text.Language;
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
import kioskvote.record.RecordJson;
import kioskvote.roster.Roster;
import kioskvote.roster.Turnout;
import kioskvote.store.AuditDao;
import kioskvote.store.BallotDao;
import kioskvote.store.PaperBatchDao;
import kioskvote.store.MeetingSetupDao;
import kioskvote.store.PollDefinitionDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.RosterDao;
import kioskvote.store.SlipDao;
import kioskvote.store.StationDao;
import kioskvote.tally.AuditLine;
import kioskvote.tally.BoxSeal;
import kioskvote.tally.ElectionResult;
import kioskvote.tally.Minutes;
import kioskvote.tally.PollTally;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;

/** The chair's side of a meeting: presence, opening and closing polls, turnout, and the minutes. */
public final class PollLifecycle {
    static final String RESULTS_SHOWN = "results-shown";

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final Clock clock;
    private final String keyFingerprint;
    private final BoxSignature boxSignature;
    private final StationEvents events;
    private final SecureRandom random;
    private final BoxStorage storage;
    private final PollRecords records;

    public PollLifecycle(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, String keyFingerprint, StationEvents events,
                         SecureRandom random, BoxStorage storage, PollRecords records, MeetingKey meetingKey) {
        this.boxSignature = new BoxSignature(meetingKey);
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.clock = clock;
        this.keyFingerprint = keyFingerprint;
        this.events = events;
        this.random = random;
        this.storage = storage;
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
                if (!polls.open(poll.id(), json, hash, now())) throw new PollRejected(PollRejected.Code.POLL_NOT_DRAFT);
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

    /**
     * Opens a closed sealed poll's ballot box with k of the committee's shares and counts it: the shares
     * rebuild the private key (checked against the stored public key: a wrong share changes nothing),
     * every sealed ballot is decrypted in memory, and in ONE transaction the readable ballots are written
     * in random order with random ids and the sealed rows deleted. Then the poll's storage key is destroyed,
     * so what the file may keep of the sealed rows is noise even to the committee's cards; nothing else of the
     * database is rewritten and the station keeps answering. The private key is zeroed.
     */
    public CountResult count(String pollId, List<? extends CharSequence> shareCodes) {
        Poll poll = poll(pollId);
        PollStateRow row = jdbi.withHandle(h -> new PollStateDao(h).find(poll.id())).orElseThrow();
        if (!row.sealed()) throw new PollRejected(PollRejected.Code.NOT_SEALED);
        if (row.state() != PollState.CLOSED) throw new PollRejected(PollRejected.Code.POLL_NOT_CLOSED);
        if (row.countedAt().isPresent()) throw new PollRejected(PollRejected.Code.ALREADY_COUNTED);
        List<KeyShare> shares = new ArrayList<>();
        try {
            for (int i = 0; i < shareCodes.size(); i++) {
                CharSequence code = shareCodes.get(i); // a CardText from the web, never a String (docs/security.md, "Memory")
                if (code == null || code.chars().allMatch(Character::isWhitespace)) continue; // an empty field of the form
                try {
                    shares.add(KeyShare.parse(code));
                } catch (ShareRejected e) {
                    throw ShareRefused.of(e.at(i + 1));
                }
            }
            BallotBoxKey boxKey = BallotBoxKey.fromHex(row.boxPublicKey().get());
            BoxContext context = new BoxContext(meeting.id(), poll.id(), row.definitionHash().orElseThrow());
            // The box key as the meeting key signed it at the open: a key swapped in the database is never decrypted for.
            boxSignature.check(context, boxKey, jdbi.withHandle(h -> new PollStateDao(h).boxSignature(poll.id())).orElse(""));
            long counted;
            Optional<StorageKey> lent = storage.lend(poll, boxKey);
            try (BoxKeyPair pair = CommitteeCards.rebuild(boxKey, shares, row.boxThreshold()); StorageKey wrapping = lent.orElse(null)) {
                counted = jdbi.inTransaction(h -> {
                    if (!new PollStateDao(h).markCounted(poll.id(), now())) throw new PollRejected(PollRejected.Code.ALREADY_COUNTED);
                    SealedBallotDao sealed = new SealedBallotDao(h);
                    List<OpenedBallot> opened = SealedRows.open(sealed, poll, pair, wrapping, context);
                    long unreadable = opened.stream().filter(b -> !b.readable()).count();
                    new PollStateDao(h).setUnreadable(poll.id(), unreadable);
                    Collections.shuffle(opened, random);
                    BallotDao ballots = new BallotDao(h);
                    for (OpenedBallot ballot : opened) {
                        ballots.insertCountedBallot(random.nextLong() & Long.MAX_VALUE, poll.id(), ballot.receiptCode(), ballot.answersJson());
                    }
                    sealed.deleteAll(poll.id());
                    // The ballots are final now: the election record's head is fixed in this transaction.
                    if (!poll.practice()) records.fixHeadWhenBallotsAreFinal(h, poll, status(h, poll));
                    audit.append(h, "poll-counted", "poll=" + poll.id() + " counted=" + opened.size() + " unreadable=" + unreadable + " box="
                            + boxKey.fingerprintText() + " shares=" + shares.size() + " threshold=" + row.boxThreshold());
                    return (long) opened.size();
                });
            }
            boolean destroyed = storage.destroy(poll, boxKey) && lent.isPresent();
            events.pollStateChanged(poll.id());
            return new CountResult(status(pollId), counted, destroyed);
        } finally {
            shares.forEach(KeyShare::wipe);
        }
    }

    public PollStatus close(String pollId) {
        Poll poll = poll(pollId);
        jdbi.useTransaction(h -> {
            if (!new PollStateDao(h).close(poll.id(), now())) throw new PollRejected(PollRejected.Code.POLL_ALREADY_CLOSED);
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
            if (new AuditDao(h).has(RESULTS_SHOWN, "poll=" + poll.id())) throw new PollRejected(PollRejected.Code.RESULTS_ALREADY_SHOWN);
            audit.append(h, RESULTS_SHOWN, "poll=" + poll.id());
        });
        events.pollStateChanged(poll.id());
        return status(pollId);
    }

    /** A sealed poll's box as the count page shows it: fingerprint, and k of n. Empty for an unsealed or unopened poll. */
    public Optional<SealInfo> sealInfo(String pollId) {
        Poll poll = poll(pollId);
        return jdbi.withHandle(h -> new PollStateDao(h).find(poll.id())).filter(PollStateRow::sealed)
                .map(row -> new SealInfo(BallotBoxKey.fromHex(row.boxPublicKey().get()).fingerprintText(), row.boxThreshold(), row.boxShares(),
                        row.countedAt().isPresent()));
    }

    public record SealInfo(String boxFingerprint, int threshold, int shares, boolean counted) {
    }

    /** The poll's commitment, and once its ballots are final the record's count and head (docs/record.md). */
    public Optional<kioskvote.tally.Minutes.RecordAnchor> recordAnchor(String pollId) {
        return records.anchor(poll(pollId).id());
    }

    /**
     * Receipt codes are published only after the close, so that a voter can check theirs was counted. A practice
     * poll publishes none, as it has no minutes or record (docs/rules.md, "Practice poll").
     */
    public List<String> receipts(String pollId) {
        Poll poll = requirePublished(pollId);
        return jdbi.withHandle(h -> new BallotDao(h).receiptCodes(poll.id()));
    }

    /**
     * Every ballot of a closed poll, anonymous and sorted by content (so the list says nothing about
     * the order of casting): the record anyone can recount independently. None for a practice poll.
     */
    public List<Answers> ballots(String pollId) {
        Poll poll = requirePublished(pollId);
        return jdbi.withHandle(h -> new BallotDao(h).answers(poll.id())).stream().sorted()
                .map(AnswersJson::read).toList();
    }

    /**
     * The minutes of a closed poll. A practice poll has none: it never appears in the minutes or the exports
     * (docs/rules.md, "Practice poll").
     */
    public Minutes minutes(String pollId, Language language) {
        Poll poll = poll(pollId);
        return jdbi.inTransaction(h -> {
            PollStatus status = status(h, poll); // read once: it counts every slip, and this answer is asked for often
            requireResultsReady(status);
            if (poll.practice()) throw new PollRejected(PollRejected.Code.PRACTICE_HAS_NO_MINUTES);
            PollTally tally = tally(h, poll, status);
            var rows = new AuditDao(h).all();
            var auditLines = rows.stream().map(r -> new AuditLine(r.seq(), r.at(), r.event(), r.detail(), r.hash())).toList();
            return new Minutes(meeting, tally, keyFingerprint, status.definitionHash().orElse(""),
                    AuditLog.head(rows), auditLines, status.openedAt(), status.closedAt(), new BallotDao(h).receiptCodes(poll.id()), language,
                    records.anchor(h, poll.id()), boxSeal(h, poll));
        });
    }

    /** The tally of a closed poll, practice or not: what the chair's screen shows after the close. */
    public PollTally tally(String pollId) {
        Poll poll = poll(pollId);
        return jdbi.inTransaction(h -> {
            PollStatus status = status(h, poll);
            requireResultsReady(status);
            return tally(h, poll, status);
        });
    }

    private PollTally tally(Handle h, Poll poll, PollStatus status) {
        // A poll has few distinct ballots (3^4 + blanks for four subjects): the database groups them, each is parsed once.
        List<Answers> answers = new ArrayList<>();
        for (var distinct : new BallotDao(h).answerCounts(poll.id())) {
            answers.addAll(Collections.nCopies(Math.toIntExact(distinct.count()), AnswersJson.read(distinct.answersJson())));
        }
        var counts = new TallyCounts(status.summoned(), status.present(), status.issued(), answers.size(), status.voided(),
                status.handedOut(), status.rosterUsed(), new PaperBatchDao(h).countBallots(poll.id()));
        return Tally.count(poll, answers, counts);
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
        ElectionResult result = tally(pollId).election().orElseThrow();
        if (result.remainingSeats() == 0 || result.undecided().isEmpty()) throw new PollRejected(PollRejected.Code.NO_SECOND_ROUND);
        Poll next = NextRound.of(first, election, result);
        // One change of the meeting at a time (Meeting.change): an edit made meanwhile neither drops this round from
        // the stored polls nor from the station's meeting.
        meeting.change(current -> {
            try {
                jdbi.useTransaction(h -> {
                    PollDefinitionDao definitions = new PollDefinitionDao(h);
                    if (definitions.existsFrom(first.id())) throw new PollRejected(PollRejected.Code.SECOND_ROUND_EXISTS);
                    definitions.insert(new PollDefinitionDao.DefinitionRow(next.id(), first.id(), PollDefinition.canonicalJson(next), now()));
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

    /** A closed poll whose ballots and receipts are published: not a practice poll. */
    private Poll requirePublished(String pollId) {
        Poll poll = requireClosed(pollId);
        if (poll.practice()) throw new PollRejected(PollRejected.Code.PRACTICE_HAS_NO_MINUTES);
        return poll;
    }

    private Poll requireClosed(String pollId) {
        Poll poll = poll(pollId);
        requireResultsReady(status(pollId));
        return poll;
    }

    private static void requireResultsReady(PollStatus status) {
        if (status.awaitingCount()) throw new PollRejected(PollRejected.Code.AWAITING_COUNT);
        if (!status.resultsReady()) throw new PollRejected(PollRejected.Code.RESULTS_NOT_READY);
    }

    private BoxSeal boxSeal(Handle h, Poll poll) {
        PollStateRow row = new PollStateDao(h).find(poll.id()).orElseThrow();
        if (!row.sealed()) return BoxSeal.notSealed();
        var sealing = new PollStateDao(h).sealingCounts(poll.id());
        return BoxSeal.sealed(BallotBoxKey.fromHex(row.boxPublicKey().get()).fingerprintText(), row.boxThreshold(), row.boxShares())
                .withSealing(sealing.onDevices(), sealing.atStation(), sealing.unreadable());
    }

    private PollStatus status(Handle h, Poll poll) {
        PollStateRow row = new PollStateDao(h).find(poll.id()).orElseThrow();
        Turnout turnout = Roster.turnout(h, meeting);
        long handedOut = turnout.fromRoster() ? new RosterDao(h).countHandedOut() : 0;
        SlipDao slips = new SlipDao(h);
        long voided = slips.countVoided();
        var live = new RecordJson.Figures(turnout.summoned(), turnout.present(), turnout.fromRoster(), handedOut,
                slips.countIssued() - voided, voided);
        // a poll whose ballots are final keeps the figures of that moment (docs/rules.md, "Minutes")
        var f = row.state() == PollState.CLOSED ? records.figuresWhenFinal(h, poll.id()).orElse(live) : live;
        return new PollStatus(poll.id(), poll.title(), poll.kind().code(), row.state(), (int) f.summoned(),
                (int) f.present(), f.handedOut(), f.issued(), f.voided(), row.castCount(), row.definitionHash(),
                row.openedAt(), row.closedAt(), f.fromRoster(), poll.practice(), row.sealed(), row.countedAt().isPresent(),
                row.state() == PollState.CLOSED && new AuditDao(h).has(RESULTS_SHOWN, "poll=" + poll.id()),
                OpenVoteCounts.live(h, poll, row));
    }

    private Poll poll(String pollId) {
        return meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }

    private String now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
