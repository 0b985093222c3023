package kioskvote.ballot;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Base64;

import org.jdbi.v3.core.Handle;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;
import kioskvote.meeting.StationEvents;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.SealedBallotDao;
import kioskvote.store.SlipDao;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxEndorsement;
import kioskvote.token.MeetingKey;
import kioskvote.token.KeyedHash;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;
import kioskvote.token.TokenVerifier;

/** Accepts ballots: checks the token and the content, then spends the token and stores the ballot in one transaction. */
public final class BallotBox {
    private final Jdbi jdbi;
    private final Meeting meeting;
    private final TokenVerifier verifier;
    private final SecureRandom random;
    private final StationEvents events;
    private final CastWriter castWriter;
    private final Map<String, SealedBox> boxes = new ConcurrentHashMap<>();

    private final KeyedHash codeHash;
    private final MeetingKey meetingKey; // checks each box key's signature (seal/BoxEndorsement) before sealing to it

    /** @param codeHash the keyed hash short codes are stored as (typed at a kiosk, looked up by it) */
    public BallotBox(Jdbi jdbi, Meeting meeting, TokenVerifier verifier, SecureRandom random, StationEvents events, KeyedHash codeHash,
                     MeetingKey meetingKey) {
        this.meetingKey = meetingKey;
        this.codeHash = codeHash;
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.verifier = verifier;
        this.random = random;
        this.events = events;
        this.castWriter = new CastWriter(jdbi);
    }

    /** Checks a token without spending it, so a page can tell the voter early that a slip is no good. */
    public Token checkToken(String pollId, String encodedToken) {
        Poll poll = poll(pollId);
        Token token = verifier.verify(encodedToken);
        jdbi.useHandle(h -> {
            requireIssued(new SlipDao(h), token.serialHex());
            if (new BallotDao(h).isSpent(poll.id(), token.serialHex())) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
        });
        return token;
    }

    public CastReceipt cast(String pollId, String encodedToken, Map<String, List<String>> marks, String receiptCode) {
        Poll poll = poll(pollId);
        Answers answers = validate(poll, marks);
        String receiptSecret = ReceiptCode.requireSecret(receiptCode);
        Token token = verifier.verify(encodedToken);
        return castVerified(poll, token.serialHex(), answers, receiptSecret);
    }

    /**
     * Checks the short code printed on a slip (typed at a kiosk) without spending it; returns the serial it stands for.
     * A code nobody was issued is "not issued", like a forged token.
     */
    public String checkShortCode(String pollId, String typedCode) {
        Poll poll = poll(pollId);
        return jdbi.withHandle(h -> {
            String serial = serialOf(new SlipDao(h), codeHash, typedCode);
            requireIssued(new SlipDao(h), serial);
            if (new BallotDao(h).isSpent(poll.id(), serial)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
            return serial;
        });
    }

    /**
     * Casts with the short code printed on a slip instead of its signed token (a kiosk where the voter typed
     * the code). The code resolves to the issued token's serial, and the cast is the same one transaction
     * as with a token: issued and not voided, poll open, token spent once, ballot stored.
     */
    public CastReceipt castByShortCode(String pollId, String typedCode, Map<String, List<String>> marks, String receiptCode) {
        Poll poll = poll(pollId);
        Answers answers = validate(poll, marks);
        String receiptSecret = ReceiptCode.requireSecret(receiptCode);
        String serial = jdbi.withHandle(h -> serialOf(new SlipDao(h), codeHash, typedCode));
        return castVerified(poll, serial, answers, receiptSecret);
    }

    /** The database holds the code's keyed hash only, so a copy of it holds no code a kiosk would take. */
    private static String serialOf(SlipDao slips, KeyedHash codeHash, String typedCode) {
        String code = kioskvote.token.ShortCode.normalize(typedCode).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.MALFORMED));
        return slips.findByCodeMac(codeHash.hex(code)).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED)).serial();
    }

    private CastReceipt castVerified(Poll poll, String serial, Answers answers, String receiptSecret) {
        String receipt = ReceiptCode.codeOf(receiptSecret);
        String proof = ReceiptCode.proofOf(receiptSecret);
        String answersJson = AnswersJson.write(answers);
        try {
            if (poll.sealed()) {
                // Sealed before the transaction (the CPU work stays outside the writer's lock); the row stores
                // nothing readable: the receipt code is inside the ciphertext until the count.
                SealedBox box = sealedBox(poll).orElseThrow(() -> new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN));
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

    /** A sealed poll's box public key, the context its ballots are bound to, and the meeting key's signature over both. */
    record SealedBox(BallotBoxKey key, BoxContext context, String signatureHex) {
    }

    /**
     * The box of an opened sealed poll, from its poll_state row (cached once found: it never changes).
     * Empty while the poll is a draft: then the cast is refused as "not open", never stored unsealed.
     */
    Optional<SealedBox> sealedBox(Poll poll) {
        SealedBox cached = boxes.get(poll.id());
        if (cached != null) return Optional.of(cached);
        Optional<SealedBox> found = jdbi.withHandle(h -> new PollStateDao(h).find(poll.id()).filter(row -> row.boxPublicKey().isPresent()
                        && row.definitionHash().isPresent())
                .map(row -> new SealedBox(BallotBoxKey.fromHex(row.boxPublicKey().get()),
                        new BoxContext(meeting.id(), poll.id(), row.definitionHash().get()), new PollStateDao(h).boxSignature(poll.id()).orElse(""))));
        // Sealed to only as the meeting key signed it at the open: a box key swapped in the database is refused.
        if (found.isPresent() && !signedByMeetingKey(found.get())) throw new BallotRejected(BallotRejected.Code.BOX_KEY_UNSIGNED);
        found.ifPresent(box -> boxes.put(poll.id(), box));
        return found;
    }

    String meetingPublicKeyHex() {
        return java.util.HexFormat.of().formatHex(meetingKey.publicKey());
    }

    private boolean signedByMeetingKey(SealedBox box) {
        return box.signatureHex().matches("[0-9a-f]{128}")
                && meetingKey.verify(BoxEndorsement.message(box.context(), box.key()), java.util.HexFormat.of().parseHex(box.signatureHex()));
    }

    /** The statements of one cast into a sealed poll: spend the token, store the sealed ballot. */
    private void storeSealedBallot(Poll poll, String serial, String proof, String ciphertext, boolean onDevice) {
        castWriter.write(h -> {
            spendToken(h, poll, serial);
            new PollStateDao(h).countSealing(poll.id(), onDevice);
            try {
                new SealedBallotDao(h).insert(randomKey(), poll.id(), proof, ciphertext);
            } catch (StatementException e) {
                if (isUniqueViolation(e)) throw new BallotRejected(BallotRejected.Code.RECEIPT_TAKEN);
                throw e;
            }
        });
    }

    private void spendToken(Handle h, Poll poll, String serial) {
        var issued = new SlipDao(h).findBySerialForUpdate(serial).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED));
        if (issued.voided()) throw new TokenRejected(TokenRejected.Reason.VOIDED);
        // The poll row's lock orders every cast of this poll against the others and against the close.
        if (!new PollStateDao(h).countCastIfOpen(poll.id())) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        try {
            new BallotDao(h).spendToken(randomKey(), poll.id(), serial);
        } catch (StatementException e) {
            if (isUniqueViolation(e)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
            throw e;
        }
    }

    /** The serial a credential stands for (a signed token, or a typed short code); nothing is spent. */
    String serialOf(Credential credential) {
        if (credential.kind() == Credential.Kind.TOKEN) return verifier.verify(credential.value()).serialHex();
        return jdbi.withHandle(h -> serialOf(new SlipDao(h), codeHash, credential.value()));
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
        castWriter.write(h -> {
            spendToken(h, poll, serial);
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
