package kioskvote.ballot;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Base64;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.meeting.Question;
import kioskvote.meeting.StationEvents;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.SealedBallotDao;
import kioskvote.store.SlipDao;
import kioskvote.store.StorageKeys;
import kioskvote.token.MeetingKey;
import kioskvote.token.SlipHashes;
import kioskvote.token.TokenRejected;

/** Accepts ballots: checks the token and the content, then spends the token and stores the ballot in one transaction. */
public final class BallotBox {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final SecureRandom random;
    private final StationEvents events;
    private final CastWriter castWriter;
    final SealedBoxes sealedBoxes;

    private final SlipCredentials credentials;

    /**
     * @param hashes what the station stores of a slip: the keyed hash of its key, the slow hash of its code
     * @param storageKeys where each sealed poll's storage key is kept, apart from the database
     */
    public BallotBox(Jdbi jdbi, Meeting meeting, SlipHashes hashes, SecureRandom random, StationEvents events, StorageKeys storageKeys,
                     MeetingKey meetingKey) {
        this.sealedBoxes = new SealedBoxes(jdbi, meeting, meetingKey, storageKeys, random);
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.credentials = new SlipCredentials(meeting.id(), hashes);
        this.random = random;
        this.events = events;
        this.castWriter = new CastWriter(jdbi);
    }

    /** Checks a slip's secret (a kiosk session's) without spending it. */
    public void checkToken(String pollId, String encodedSecret) {
        Poll poll = poll(pollId);
        checkUnspent(poll, credentials.idOfSecret(encodedSecret));
    }

    /** Checks a slip by its public key (the phone's pages) without spending it, so a page can tell the voter early. */
    public void checkSlipKey(String pollId, String publicKeyHex) {
        Poll poll = poll(pollId);
        checkUnspent(poll, credentials.idOfKey(publicKeyHex));
    }

    private void checkUnspent(Poll poll, String slipId) {
        jdbi.useHandle(h -> {
            requireIssued(new SlipDao(h), slipId);
            if (new BallotDao(h).isSpent(poll.id(), slipId)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
        });
    }

    /**
     * Casts with a slip's secret: only holders inside the station use this (a kiosk session, which received the
     * secret from the desk or a scan). A phone never sends the secret: it signs ({@link #castSigned}).
     */
    public CastReceipt cast(String pollId, String encodedSecret, Map<String, List<String>> marks, String receiptCode) {
        Poll poll = poll(pollId);
        Answers answers = validate(poll, marks);
        String receiptSecret = ReceiptCode.requireSecret(receiptCode);
        return castVerified(poll, credentials.idOfSecret(encodedSecret), answers, receiptSecret);
    }

    /**
     * Casts from a phone: the slip's public key and its signature over this cast (token/CastStatement). What the
     * air carried before the cast (the key, the review's fields) signs nothing, and a signature seen on the air
     * casts only the ballot it signs, which is then a retry of that same ballot.
     */
    public CastReceipt castSigned(String pollId, String publicKeyHex, String signatureHex, Map<String, List<String>> marks,
                                  String receiptCode) {
        Poll poll = poll(pollId);
        Answers answers = validate(poll, marks);
        String receiptSecret = ReceiptCode.requireSecret(receiptCode);
        String slipId = signedSlipId(poll, () -> credentials.idOfSignedCast(poll.id(), publicKeyHex, signatureHex, marks, receiptCode));
        return castVerified(poll, slipId, answers, receiptSecret);
    }

    /** The slip id a signed cast stands for (SlipCredentials); a poll not open says so first, as for every other cast. */
    String signedSlipId(Poll poll, java.util.function.Supplier<String> verifiedSlipId) {
        try {
            return verifiedSlipId.get();
        } catch (TokenRejected e) {
            if (jdbi.withHandle(h -> new PollStateDao(h).find(poll.id())).map(r -> r.state() != PollState.OPEN).orElse(true)) {
                throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
            }
            throw e;
        }
    }

    SlipCredentials credentials() {
        return credentials;
    }

    /**
     * Checks the short code printed on a slip (typed at a kiosk) without spending it; returns the stored id it
     * stands for. A code nobody was issued is "not issued"; a mistyped one names its group.
     */
    public String checkShortCode(String pollId, String typedCode) {
        Poll poll = poll(pollId);
        String codeHash = credentials.hashOfTypedCode(typedCode);
        return jdbi.withHandle(h -> {
            String slipId = SlipCredentials.idOfCodeHash(new SlipDao(h), codeHash);
            requireIssued(new SlipDao(h), slipId);
            if (new BallotDao(h).isSpent(poll.id(), slipId)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
            return slipId;
        });
    }

    /**
     * Casts with the short code printed on a slip (a kiosk where the voter typed the code). The code resolves to
     * the slip's stored id, and the cast is the same one transaction as with a key: issued and not voided, poll
     * open, slip spent once, ballot stored.
     */
    public CastReceipt castByShortCode(String pollId, String typedCode, Map<String, List<String>> marks, String receiptCode) {
        Poll poll = poll(pollId);
        Answers answers = validate(poll, marks);
        String receiptSecret = ReceiptCode.requireSecret(receiptCode);
        String codeHash = credentials.hashOfTypedCode(typedCode);
        String slipId = jdbi.withHandle(h -> SlipCredentials.idOfCodeHash(new SlipDao(h), codeHash));
        return castVerified(poll, slipId, answers, receiptSecret);
    }

    private CastReceipt castVerified(Poll poll, String serial, Answers answers, String receiptSecret) {
        String receipt = ReceiptCode.codeOf(receiptSecret);
        String proof = ReceiptCode.proofOf(receiptSecret);
        String answersJson = AnswersJson.write(answers);
        try {
            if (poll.sealed()) {
                // Sealed before the transaction (the CPU work stays outside the writer's lock); the row stores
                // nothing readable: the receipt code is inside the ciphertext until the count.
                SealedBox box = sealedBoxes.find(poll).orElseThrow(() -> new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN));
                byte[] sealed = box.key().seal(new SealedBallot(answersJson, receipt).plaintext(poll), box.context());
                storeSealedBallot(poll, serial, proof, Base64.getEncoder().encodeToString(sealed), false);
            } else {
                storeBallot(poll, serial, receipt, proof, answersJson);
            }
        } catch (TokenRejected e) {
            if (e.reason() == TokenRejected.Reason.ALREADY_USED
                    && (poll.sealed() ? isRetryOfSealedBallot(poll.id(), proof) : isRetryOfCountedBallot(poll.id(), receipt, proof))) {
                return new CastReceipt(receipt, true);
            }
            throw e;
        }
        events.turnoutChanged(poll.id());
        return new CastReceipt(receipt, false);
    }

    /**
     * The statements of one cast into a sealed poll (sealed at the station or on the device): spend the slip, store
     * the sealed ballot wrapped in the poll's storage key (SealedBoxes.wrapForStorage).
     */
    private void storeSealedBallot(Poll poll, String serial, String proof, String ciphertext, boolean onDevice) {
        String stored = sealedBoxes.wrapForStorage(poll, ciphertext);
        castWriter.write((h, polls) -> {
            spendToken(h, polls, poll, serial);
            polls.countBallot(poll.id(), onDevice ? GroupPolls.Sealing.ON_DEVICE : GroupPolls.Sealing.AT_STATION);
            try {
                new SealedBallotDao(h).insert(randomKey(), poll.id(), proof, stored);
            } catch (StatementException e) {
                if (isUniqueViolation(e)) throw new BallotRejected(BallotRejected.Code.RECEIPT_TAKEN);
                throw e;
            }
        });
    }

    private void spendToken(Handle h, GroupPolls polls, Poll poll, String serial) {
        var issued = new SlipDao(h).findBySerialForUpdate(serial).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED));
        if (issued.voided()) throw new TokenRejected(TokenRejected.Reason.VOIDED);
        // The poll row's lock orders every cast of this poll against the others and against the close.
        polls.requireOpen(h, poll.id());
        try {
            new BallotDao(h).spendToken(randomKey(), poll.id(), serial);
        } catch (StatementException e) {
            if (isUniqueViolation(e)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
            throw e;
        }
    }

    /** A ballot sealed on the voter's device (DeviceSealing): true if it is the retry of one already in the box. */
    boolean storeDeviceSealed(Poll poll, String serial, String proof, String ciphertext) {
        try {
            storeSealedBallot(poll, serial, proof, ciphertext, true);
        } catch (TokenRejected e) {
            if (e.reason() == TokenRejected.Reason.ALREADY_USED && isRetryOfSealedBallot(poll.id(), proof)) return true;
            throw e;
        }
        events.turnoutChanged(poll.id());
        return false;
    }

    /** A retry in a sealed poll: its retry proof is in the box (the proof is derived from the secret only the voter's page has). */
    private boolean isRetryOfSealedBallot(String pollId, String proof) {
        return jdbi.withHandle(h -> new SealedBallotDao(h).hasRetryProof(pollId, proof));
    }

    /** The statements of one cast; CastWriter runs them inside a group-committed transaction. */
    private void storeBallot(Poll poll, String serial, String receipt, String proof, String answersJson) {
        castWriter.write((h, polls) -> {
            spendToken(h, polls, poll, serial);
            polls.countBallot(poll.id(), GroupPolls.Sealing.NONE);
            BallotDao ballots = new BallotDao(h);
            try {
                ballots.insertBallot(randomKey(), poll.id(), receipt, proof, answersJson);
            } catch (StatementException e) {
                if (isUniqueViolation(e)) throw new BallotRejected(BallotRejected.Code.RECEIPT_TAKEN);
                throw e;
            }
        });
    }

    /**
     * A retry after a lost answer carries the same receipt secret: if the ballot with its code holds
     * the same proof, the voter is told it was counted. Only the page that chose the secret can do
     * this, and no token-to-ballot link is needed.
     */
    private boolean isRetryOfCountedBallot(String pollId, String receipt, String proof) {
        return jdbi.withHandle(h -> new BallotDao(h).proofForReceipt(pollId, receipt))
                .map(stored -> java.security.MessageDigest.isEqual(stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        proof.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static void requireIssued(SlipDao slips, String serial) {
        var issued = slips.findBySerial(serial).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED));
        if (issued.voided()) throw new TokenRejected(TokenRejected.Reason.VOIDED);
    }

    Poll poll(String pollId) {
        return meeting.poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }

    /** Every question gets an entry; unknown ids and more marks than the rule allows are refused. */
    static Answers validate(Poll poll, Map<String, List<String>> marks) {
        if (marks == null) throw new BallotRejected(BallotRejected.Code.BAD_BALLOT);
        Map<String, List<String>> clean = new TreeMap<>();
        for (var entry : marks.entrySet()) {
            Question question = poll.question(entry.getKey())
                    .orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_QUESTION));
            List<String> marked = entry.getValue() == null ? List.of() : entry.getValue();
            var distinct = new LinkedHashSet<String>();
            for (String optionId : marked) {
                if (optionId == null || question.option(optionId).isEmpty()) throw new BallotRejected(BallotRejected.Code.UNKNOWN_OPTION);
                distinct.add(optionId);
            }
            if (marked.size() > question.rule().max()) throw new BallotRejected(BallotRejected.Code.TOO_MANY_MARKS);
            List<String> inPollOrder = question.options().stream().map(Option::id).filter(distinct::contains).toList();
            clean.put(question.id(), inPollOrder);
        }
        for (Question question : poll.questions()) clean.putIfAbsent(question.id(), List.of());
        return new Answers(clean);
    }

    /** A random positive storage key (see V1__station_schema.sql for why it must not be a sequence). */
    private long randomKey() {
        return random.nextLong() & Long.MAX_VALUE;
    }

    /** SQLState 23505 is the unique-key violation on both H2 and PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }
}
