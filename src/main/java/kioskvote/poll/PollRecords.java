package kioskvote.poll;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.ballot.Answers;
import kioskvote.ballot.AnswersJson;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingFigures;
import kioskvote.meeting.Poll;
import kioskvote.audit.AuditDetail;
import kioskvote.record.BallotPage;
import kioskvote.record.Commitment;
import kioskvote.record.LinesDigest;
import kioskvote.record.RecordFiles;
import kioskvote.record.RecordHead;
import kioskvote.record.RecordJson;
import kioskvote.record.RecordWriter;
import kioskvote.store.AuditDao;
import kioskvote.store.AuditDao.AuditRow;
import kioskvote.store.BallotDao;
import kioskvote.store.CommitmentDao;
import kioskvote.store.CommitmentDao.CommitmentRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.SlipDao;
import kioskvote.tally.Minutes;
import kioskvote.tally.PollTally;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;
import kioskvote.token.MeetingKey;
import kioskvote.token.TokenHash;

/**
 * The election record's side of the lifecycle (docs/record.md): the commitment made in the opening
 * transaction, the record's head fixed in the closing one, the signed zip, and the receipt look-up.
 * The formats are kioskvote.record's; this class only reads the data for them.
 */
public final class PollRecords {
    /** Audit events of the record; `verify` reads them back from the chain. */
    public static final String COMMITTED = AuditDetail.POLL_COMMITTED;
    public static final String HEAD_FIXED = AuditDetail.RECORD_HEAD;

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final MeetingKey key;
    private final AuditLog audit;

    public PollRecords(Jdbi jdbi, Meeting meeting, MeetingKey key, AuditLog audit) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.key = key;
        this.audit = audit;
    }

    /**
     * Commits the poll, inside its opening transaction (after the "poll-opened" line, so the audit chain's
     * lock is held and no slip can be issued between the list read here and the commit). The slips are
     * those issued and not voided now; slips issued later are logged by SlipOffice as they are issued.
     *
     * @param boxPublicKeyHex the sealed ballot box's public key, for a sealed poll; the meeting key's signature of it,
     *                        stored by the same transaction just before (PollLifecycle.open), is committed with it, so
     *                        `verify` can tell a box key swapped afterwards (docs/record.md, step 6)
     */
    public String commitAtOpen(Handle h, Poll poll, String definitionSha256, Optional<String> boxPublicKeyHex) {
        List<String> hashes = new SlipDao(h).validSerials().stream().map(serial -> TokenHash.of(meeting.id(), serial)).sorted().toList();
        Optional<String> boxSignature = boxPublicKeyHex.map(box -> new PollStateDao(h).boxSignature(poll.id()).orElseThrow());
        // The scripts the phone's ballot page runs are pinned too: the room can check the station serves them (BallotPage).
        Commitment commitment = new Commitment(meeting.id(), poll.id(), definitionSha256, HexFormat.of().formatHex(key.publicKey()),
                boxPublicKeyHex, boxSignature, hashes.size(), Optional.of(BallotPage.ofThisStation().sha256()));
        String fingerprint = commitment.fingerprint(hashes);
        new CommitmentDao(h).insert(poll.id(), commitment.header(), hashes.size(), fingerprint, hashes);
        audit.append(h, COMMITTED, "poll=" + poll.id() + " commitment-sha256=" + fingerprint + " tokens=" + hashes.size()
                + " box=" + boxPublicKeyHex.orElse("none"));
        return fingerprint;
    }

    /**
     * The turnout figures fixed with the record's head (at the close, or a sealed poll's count): from then on the
     * poll's minutes and status keep them, whatever presence, hand-outs and slips do in later polls (docs/rules.md,
     * "Minutes"). Empty before the head is fixed, and for a poll opened before the station made commitments.
     */
    public Optional<MeetingFigures> figuresWhenFinal(Handle h, String pollId) {
        return new CommitmentDao(h).find(pollId).flatMap(CommitmentRow::countsJson).map(RecordJson::figures);
    }

    /**
     * Fixes the record's head when its ballots are final: in the closing transaction of an unsealed poll
     * (after the "poll-closed" line), or — the hook for the sealed ballot box — in the transaction that
     * counts a sealed poll, after its ballots are written. The figures and tally of this moment are kept and
     * go into every later copy of the record; the head and the ballot count go into the audit chain.
     */
    public void fixHeadWhenBallotsAreFinal(Handle h, Poll poll, PollStatus status) {
        CommitmentDao commitments = new CommitmentDao(h);
        Optional<CommitmentRow> commitment = commitments.find(poll.id());
        if (commitment.isEmpty()) return; // opened before the station made commitments
        BallotDao ballots = new BallotDao(h);
        LinesDigest ballotLines = new LinesDigest();
        Tally.Counter counter = Tally.counter(poll);
        Map<String, Answers> parsed = new HashMap<>(); // few distinct ballots: each is parsed once
        ballots.forEachBallotByContent(poll.id(), answersJson -> {
            ballotLines.add(RecordFiles.ballotLine(answersJson));
            counter.add(parsed.computeIfAbsent(answersJson, AnswersJson::read));
        });
        LinesDigest receiptLines = new LinesDigest();
        ballots.forEachReceiptCode(poll.id(), receiptLines::add);
        List<String> spent = spentTokenHashes(h, poll);
        LinesDigest spentLines = new LinesDigest();
        spent.forEach(spentLines::add);
        PollTally tally = counter.finish(new TallyCounts(status.figures(), counter.received(), 0));
        String countsJson = RecordJson.counts(tally);
        String tallyJson = RecordJson.tally(tally);
        String auditAtClose = new AuditDao(h).last().orElseThrow().hash();
        RecordHead head = new RecordHead(meeting.id(), poll.id(), commitment.get().sha256(), ballotLines.lines(), ballotLines.hex(),
                receiptLines.hex(), spent.size(), spentLines.hex(), Sha256.hex(countsJson), Sha256.hex(tallyJson), auditAtClose);
        commitments.setRecordHead(poll.id(), head.hash(), (int) ballotLines.lines(), countsJson, tallyJson);
        audit.append(h, HEAD_FIXED, "poll=" + poll.id() + " ballots=" + ballotLines.lines() + " head=" + head.hash());
    }

    /** What the room is shown of a poll's record: the commitment from the open, and after the close the count and head. */
    public Optional<Minutes.RecordAnchor> anchor(Handle h, String pollId) {
        return new CommitmentDao(h).find(pollId).map(c -> new Minutes.RecordAnchor(c.sha256(), c.tokenCount(),
                c.headBallots().map(Integer::longValue), c.recordHead(),
                Commitment.parse(List.of(c.header().split("\n"))).ballotPageSha256()));
    }

    public Optional<Minutes.RecordAnchor> anchor(String pollId) {
        return jdbi.withHandle(h -> anchor(h, pollId));
    }

    /**
     * Whether the poll's record is public: its head is fixed (closed, and counted if sealed) and the chair has shown
     * its results (PollStatus.requirePublished: nothing of a result is public before the chair announces it).
     */
    public boolean recordReady(String pollId) {
        return jdbi.withHandle(h -> published(h, pollId));
    }

    private boolean published(Handle h, String pollId) {
        return anchor(h, pollId).flatMap(Minutes.RecordAnchor::recordHead).isPresent()
                && new AuditDao(h).has(PollStatuses.RESULTS_SHOWN, "poll=" + pollId);
    }

    /** The polls whose record holds this receipt code (published polls only). */
    public List<Poll> pollsWithReceipt(String receiptCode) {
        return jdbi.withHandle(h -> {
            List<Poll> found = new ArrayList<>();
            for (Poll poll : meeting.polls()) {
                if (published(h, poll.id()) && new BallotDao(h).hasReceipt(poll.id(), receiptCode)) found.add(poll);
            }
            return found;
        });
    }

    /**
     * Writes the poll's election record (docs/record.md) to {@code out}, read in one transaction so every
     * file of it describes the same moment. Practice polls (when polls have such a flag) have no record.
     */
    public void writeRecord(String pollId, OutputStream out) {
        Poll poll = meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
        jdbi.useTransaction(h -> {
            CommitmentDao commitments = new CommitmentDao(h);
            CommitmentRow commitment = commitments.find(poll.id()).filter(c -> c.recordHead().isPresent())
                    .orElseThrow(() -> new PollRejected(PollRejected.Code.RESULTS_NOT_READY));
            String definition = new PollStateDao(h).find(poll.id()).flatMap(PollStateDao.PollStateRow::definitionJson).orElseThrow();
            List<AuditRow> chain = new AuditDao(h).all();
            String auditAtClose = chain.stream().filter(r -> r.event().equals(HEAD_FIXED) && r.detail().startsWith("poll=" + poll.id() + " "))
                    .findFirst().map(AuditRow::prevHash).orElseThrow();
            try (RecordWriter record = new RecordWriter(out)) {
                record.text(RecordFiles.MEETING, RecordJson.meeting(meeting));
                record.text(RecordFiles.POLL, definition);
                record.lines(RecordFiles.COMMITMENT, commitment.header(), lines -> commitments.forEachToken(poll.id(), lines::line));
                LinesDigest ballots = new LinesDigest();
                record.lines(RecordFiles.BALLOTS, "", lines -> new BallotDao(h).forEachBallotByContent(poll.id(), answersJson -> {
                    String line = RecordFiles.ballotLine(answersJson);
                    ballots.add(line);
                    lines.line(line);
                }));
                LinesDigest receipts = new LinesDigest();
                record.lines(RecordFiles.RECEIPTS, "", lines -> new BallotDao(h).forEachReceiptCode(poll.id(), code -> {
                    receipts.add(code);
                    lines.line(code);
                }));
                List<String> spent = spentTokenHashes(h, poll);
                LinesDigest spentLines = new LinesDigest();
                record.lines(RecordFiles.SPENT_TOKENS, "", lines -> spent.forEach(hash -> {
                    spentLines.add(hash);
                    lines.line(hash);
                }));
                String counts = commitment.countsJson().orElseThrow();
                String tally = commitment.tallyJson().orElseThrow();
                record.text(RecordFiles.COUNTS, counts);
                record.text(RecordFiles.TALLY, tally);
                record.lines(RecordFiles.AUDIT, "", lines -> chain.forEach(r ->
                        lines.line(RecordFiles.auditLine(r.seq(), r.at(), r.event(), r.detail(), r.prevHash(), r.hash()))));
                RecordHead head = new RecordHead(meeting.id(), poll.id(), commitment.sha256(), ballots.lines(), ballots.hex(), receipts.hex(), spent.size(),
                        spentLines.hex(), Sha256.hex(counts), Sha256.hex(tally), auditAtClose);
                if (poll.sealed()) {
                    var sealing = new PollStateDao(h).sealingCounts(poll.id());
                    record.text(RecordFiles.SEALING, RecordJson.sealing(sealing.onDevices(), sealing.atStation(), sealing.unreadable()));
                }
                record.text(RecordFiles.HEAD, head.text());
                record.sign(key, meeting.id(), poll.id(), ballots.lines(), head.hash());
            }
        });
    }

    /** The public hashes of the tokens spent in the poll, sorted: the order of casting is not in them. */
    private List<String> spentTokenHashes(Handle h, Poll poll) {
        return new BallotDao(h).spentSerials(poll.id()).stream().map(serial -> TokenHash.of(meeting.id(), serial)).sorted().toList();
    }
}
