package kioskvote.poll;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.OpenedBallot;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.meeting.StationEvents;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.KeyShare;
import kioskvote.seal.ShareRejected;
import kioskvote.seal.StorageKey;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao.PollStateRow;
import kioskvote.store.PollStateDao;
import kioskvote.store.SealedBallotDao;
import kioskvote.token.MeetingKey;

/** The count of a sealed poll: its box opened with k of the committee's cards, its ballots made readable once. */
public final class BoxOpening {
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

    public BoxOpening(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, StationEvents events, SecureRandom random,
                      BoxStorage storage, PollRecords records, MeetingKey meetingKey, PollStatuses statuses) {
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
                    if (!new PollStateDao(h).markCounted(poll.id(), kioskvote.store.StoredTime.now(clock))) throw new PollRejected(PollRejected.Code.ALREADY_COUNTED);
                    SealedBallotDao sealed = new SealedBallotDao(h);
                    List<OpenedBallot> opened = SealedRows.open(sealed, poll, pair, wrapping, context);
                    long unreadable = opened.stream().filter(b -> !b.readable()).count();
                    new PollStateDao(h).setUnreadable(poll.id(), unreadable);
                    Collections.shuffle(opened, random);
                    List<BallotDao.CountedBallot> rows = new ArrayList<>(opened.size());
                    for (OpenedBallot ballot : opened) {
                        rows.add(new BallotDao.CountedBallot(random.nextLong() & Long.MAX_VALUE, poll.id(), ballot.receiptCode(), ballot.answersJson()));
                    }
                    new BallotDao(h).insertCountedBallots(rows); // one batch, in the shuffled order
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

    /** A sealed poll's box as the count page shows it: fingerprint, and k of n. Empty for an unsealed or unopened poll. */
    public Optional<SealInfo> sealInfo(String pollId) {
        Poll poll = poll(pollId);
        return jdbi.withHandle(h -> new PollStateDao(h).find(poll.id())).filter(PollStateRow::sealed)
                .map(row -> new SealInfo(BallotBoxKey.fromHex(row.boxPublicKey().get()).fingerprintText(), row.boxThreshold(), row.boxShares(),
                        row.countedAt().isPresent()));
    }

    public record SealInfo(String boxFingerprint, int threshold, int shares, boolean counted) {
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
