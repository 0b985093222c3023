package kioskvote.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.Answers;
import kioskvote.ballot.AnswersJson;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.store.AuditDao;
import kioskvote.store.BallotDao;
import kioskvote.store.PaperBatchDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.tally.AuditLine;
import kioskvote.tally.BoxSeal;
import kioskvote.tally.Minutes;
import kioskvote.tally.PollTally;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;
import kioskvote.text.Language;

/**
 * The results of a closed poll, read only: its tally, minutes, published receipt codes and anonymous ballots, and
 * its record's anchor. Refused while the ballots are not final (still open, or sealed and not yet counted).
 */
public final class PollResults {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final String keyFingerprint;
    private final PollRecords records;
    private final PollStatuses statuses;

    public PollResults(Jdbi jdbi, Meeting meeting, String keyFingerprint, PollRecords records, PollStatuses statuses) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.keyFingerprint = keyFingerprint;
        this.records = records;
        this.statuses = statuses;
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
        var counts = new TallyCounts(status.figures(), answers.size(), new PaperBatchDao(h).countBallots(poll.id()));
        return Tally.count(poll, answers, counts);
    }

    /** A closed poll whose ballots and receipts are published: not a practice poll. */
    private Poll requirePublished(String pollId) {
        Poll poll = requireClosed(pollId);
        if (poll.practice()) throw new PollRejected(PollRejected.Code.PRACTICE_HAS_NO_MINUTES);
        return poll;
    }

    /** A poll whose results are ready (closed, and counted if sealed): the next round starts from it. */
    Poll requireClosed(String pollId) {
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
