package kioskvote.ballot;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;
import kioskvote.meeting.StationEvents;
import kioskvote.store.BallotDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.SlipDao;
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

    private final KeyedHash codeHash;

    /** @param codeHash the keyed hash short codes are stored as (typed at a kiosk, looked up by it) */
    public BallotBox(Jdbi jdbi, Meeting meeting, TokenVerifier verifier, SecureRandom random, StationEvents events, KeyedHash codeHash) {
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
        try {
            storeBallot(poll, serial, receipt, proof, AnswersJson.write(answers));
        } catch (TokenRejected e) {
            if (e.reason() == TokenRejected.Reason.ALREADY_USED && isRetryOfCountedBallot(poll.id(), receipt, proof)) {
                return new CastReceipt(receipt, true);
            }
            throw e;
        }
        events.turnoutChanged(poll.id());
        return new CastReceipt(receipt, false);
    }

    /** The statements of one cast; CastWriter runs them inside a group-committed transaction. */
    private void storeBallot(Poll poll, String serial, String receipt, String proof, String answersJson) {
        castWriter.write(h -> {
            var issued = new SlipDao(h).findBySerialForUpdate(serial).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED));
            if (issued.voided()) throw new TokenRejected(TokenRejected.Reason.VOIDED);
            // The poll row's lock orders every cast of this poll against the others and against the close.
            if (!new PollStateDao(h).countCastIfOpen(poll.id())) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
            BallotDao ballots = new BallotDao(h);
            try {
                ballots.spendToken(randomKey(), poll.id(), serial);
            } catch (StatementException e) {
                if (isUniqueViolation(e)) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
                throw e;
            }
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

    private Poll poll(String pollId) {
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
