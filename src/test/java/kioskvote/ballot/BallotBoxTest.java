package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.store.BallotDao;
import kioskvote.text.Refusal;
import kioskvote.text.Refused;
import kioskvote.token.MeetingKey;
import kioskvote.token.ShortCode;
import kioskvote.token.TestSlips;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * Casting, called directly on the ballot box (no HTTP) over a real H2 file: what is accepted, what is
 * refused and why, and that a refusal spends nothing. The demo meeting, 40 present, the confidence poll open.
 */
class BallotBoxTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> FULL_BALLOT = Map.of("s1", List.of("high"), "s2", List.of("medium"),
            "s3", List.of("low"), "s4", List.of("high"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final StationExtension fixture = StationExtension.direct();
    BallotBox box;
    kioskvote.poll.OpenedPoll opened;

    @BeforeEach
    void openTheConfidencePoll() {
        box = fixture.station().ballotBox();
        fixture.station().polls().setPresent(40);
        opened = fixture.station().polls().open(POLL, false);
    }

    @Test
    void aValidBallotIsStoredAndTheVoterGetsTheReceiptCodeOfTheirSecret() {
        String secret = ReceiptCode.randomSecret(RANDOM);
        CastReceipt receipt = box.cast(POLL, token(), FULL_BALLOT, secret);
        assertEquals(ReceiptCode.codeOf(secret), receipt.receiptCode());
        assertFalse(receipt.alreadyCounted());
        assertEquals(1, fixture.station().pollStatuses().status(POLL).cast());
        assertEquals(1, storedBallots());
        assertEquals(List.of(), storedAnswers(), "sealed: nothing readable until the count");
        fixture.station().polls().close(POLL);
        fixture.station().boxOpening().count(POLL, opened.shares().orElseThrow().cards().stream().limit(2)
                .map(c -> c.share().code()).toList());
        assertEquals(List.of("{\"s1\":[\"high\"],\"s2\":[\"medium\"],\"s3\":[\"low\"],\"s4\":[\"high\"]}"), storedAnswers());
        assertEquals(List.of(receipt.receiptCode()), fixture.station().results().receipts(POLL));
    }

    @Test
    void aRetryWithTheSameReceiptSecretIsToldItWasAlreadyCounted() {
        String token = token();
        String secret = ReceiptCode.randomSecret(RANDOM);
        box.cast(POLL, token, FULL_BALLOT, secret);
        CastReceipt retry = box.cast(POLL, token, FULL_BALLOT, secret);
        assertTrue(retry.alreadyCounted());
        assertEquals(ReceiptCode.codeOf(secret), retry.receiptCode());
        assertEquals(1, fixture.station().pollStatuses().status(POLL).cast(), "the retry is not a second ballot");
    }

    @Test
    void aSpentTokenWithAnotherSecretIsRefusedAsAlreadyUsed() {
        String token = token();
        box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM));
        assertRefused(TokenRejected.Reason.ALREADY_USED, () -> box.cast(POLL, token, Map.of("s1", List.of("low")), ReceiptCode.randomSecret(RANDOM)));
        assertEquals(1, storedBallots());
    }

    @Test
    void aTokenIsSpentPerPollSoTheSameSlipVotesOnceInEachPoll() {
        String token = token();
        fixture.station().polls().open("bieu-quyet-quy-che", false);
        box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM));
        box.cast("bieu-quyet-quy-che", token, Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM));
        assertRefused(TokenRejected.Reason.ALREADY_USED,
                () -> box.cast("bieu-quyet-quy-che", token, Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM)));
    }

    @Test
    void aVoidedSlipIsRefusedAndNothingIsStored() {
        String token = token();
        fixture.station().slips().voidSlip(Token.decode(token).shortCode());
        assertRefused(TokenRejected.Reason.VOIDED, () -> box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
        assertRefused(TokenRejected.Reason.VOIDED, () -> box.checkToken(POLL, token));
        assertEquals(0, storedBallots());
    }

    @Test
    void aSlipNeverIssuedIsRefusedWhateverItSigns() {
        String neverIssued = Token.random(RANDOM).encoded();
        assertRefused(TokenRejected.Reason.NOT_ISSUED, () -> box.cast(POLL, neverIssued, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
        String receipt = ReceiptCode.randomSecret(RANDOM);
        String meetingId = fixture.station().meeting().id();
        assertRefused(TokenRejected.Reason.NOT_ISSUED, () -> box.castSigned(POLL, TestSlips.keyOf(neverIssued),
                TestSlips.sign(neverIssued, meetingId, POLL, FULL_BALLOT, receipt), FULL_BALLOT, receipt));
    }

    @Test
    void aCastFromAPhoneNeedsTheSlipKeysSignatureOfThatVeryCast() {
        String token = token();
        String key = TestSlips.keyOf(token);
        String meetingId = fixture.station().meeting().id();
        String receipt = ReceiptCode.randomSecret(RANDOM);
        assertRefused(TokenRejected.Reason.UNSIGNED, () -> box.castSigned(POLL, key, null, FULL_BALLOT, receipt));
        String otherMarks = TestSlips.sign(token, meetingId, POLL, Map.of("s1", List.of("low")), receipt);
        assertRefused(TokenRejected.Reason.BAD_SIGNATURE, () -> box.castSigned(POLL, key, otherMarks, FULL_BALLOT, receipt));
        String otherPoll = TestSlips.sign(token, meetingId, "bieu-quyet-quy-che", FULL_BALLOT, receipt);
        assertRefused(TokenRejected.Reason.BAD_SIGNATURE, () -> box.castSigned(POLL, key, otherPoll, FULL_BALLOT, receipt));
        String byAnotherSlip = TestSlips.sign(token(), meetingId, POLL, FULL_BALLOT, receipt);
        assertRefused(TokenRejected.Reason.BAD_SIGNATURE, () -> box.castSigned(POLL, key, byAnotherSlip, FULL_BALLOT, receipt));
        assertRefused(TokenRejected.Reason.MALFORMED, () -> box.castSigned(POLL, "12345", otherMarks, FULL_BALLOT, receipt));
        assertRefused(TokenRejected.Reason.MALFORMED, () -> box.cast(POLL, "12345", FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
        assertEquals(0, storedBallots());
        String signature = TestSlips.sign(token, meetingId, POLL, FULL_BALLOT, receipt);
        assertFalse(box.castSigned(POLL, key, signature, FULL_BALLOT, receipt).alreadyCounted());
        assertTrue(box.castSigned(POLL, key, signature, FULL_BALLOT, receipt).alreadyCounted(), "the same signed cast again is a retry");
    }

    @Test
    void aPollNotYetOpenOrAlreadyClosedRefusesTheBallotAndLeavesTheTokenUnspent() {
        String token = token();
        assertRejected(BallotRejected.Code.POLL_NOT_OPEN,
                () -> box.cast("bieu-quyet-quy-che", token, Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM)));
        fixture.station().polls().close(POLL);
        assertRejected(BallotRejected.Code.POLL_NOT_OPEN, () -> box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
        boolean spent = fixture.station().jdbi().withHandle(h -> new BallotDao(h).isSpent(POLL, fixture.station().slips().storedIdOf(Token.decode(token))));
        assertFalse(spent, "the token was not spent");
        assertRejected(BallotRejected.Code.UNKNOWN_POLL, () -> box.cast("no-such-poll", token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
    }

    @Test
    void twoLevelsForOneSubjectAreTooManyMarksAndTheTokenStaysUsable() {
        String token = token();
        assertRejected(BallotRejected.Code.TOO_MANY_MARKS,
                () -> box.cast(POLL, token, Map.of("s1", List.of("high", "low")), ReceiptCode.randomSecret(RANDOM)));
        assertFalse(box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)).alreadyCounted());
    }

    @Test
    void validationRefusesUnknownSubjectsAndOptionsAndFillsInTheSubjectsLeftOut() {
        var poll = fixture.station().meeting().poll(POLL).orElseThrow();
        assertRejected(BallotRejected.Code.UNKNOWN_QUESTION, () -> BallotBox.validate(poll, Map.of("s9", List.of("high"))));
        assertRejected(BallotRejected.Code.UNKNOWN_OPTION, () -> BallotBox.validate(poll, Map.of("s1", List.of("maybe"))));
        assertRejected(BallotRejected.Code.BAD_BALLOT, () -> BallotBox.validate(poll, null));
        Answers answers = BallotBox.validate(poll, Map.of("s2", List.of("low")));
        assertEquals(Map.of("s1", List.of(), "s2", List.of("low"), "s3", List.of(), "s4", List.of()), answers.marks());
    }

    @Test
    void aReceiptSecretOfTheWrongFormIsRefused() {
        assertRejected(BallotRejected.Code.BAD_RECEIPT, () -> box.cast(POLL, token(), FULL_BALLOT, "ABCD-EFGH"));
    }

    @Test
    void theShortCodeTypedAtAKioskCastsWithTheSameTokenAndIsThenSpent() {
        String token = token();
        String typed = Token.decode(token).shortCode().toLowerCase().replace("-", " ");
        assertEquals(fixture.station().slips().storedIdOf(Token.decode(token)), box.checkShortCode(POLL, typed));
        box.castByShortCode(POLL, typed, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM));
        assertRefused(TokenRejected.Reason.ALREADY_USED, () -> box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM)));
        assertRefused(TokenRejected.Reason.NOT_ISSUED, () -> box.checkShortCode(POLL, Token.random(RANDOM).shortCode()));
        assertRefused(TokenRejected.Reason.MALFORMED, () -> box.checkShortCode(POLL, "not a code"));
    }

    @Test
    void aHundredConcurrentCastsOfOneTokenAcceptExactlyOne() throws Exception {
        String token = token();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        int accepted = 0;
        int alreadyUsed = 0;
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                attempts.add(() -> {
                    try {
                        box.cast(POLL, token, FULL_BALLOT, ReceiptCode.randomSecret(RANDOM));
                        return "accepted";
                    } catch (TokenRejected e) {
                        return e.reason().name();
                    }
                });
            }
            for (Future<String> outcome : pool.invokeAll(attempts)) {
                switch (outcome.get()) {
                    case "accepted" -> accepted++;
                    case "ALREADY_USED" -> alreadyUsed++;
                    default -> throw new AssertionError("unexpected outcome " + outcome.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, accepted);
        assertEquals(99, alreadyUsed);
        assertEquals(1, fixture.station().pollStatuses().status(POLL).cast());
        assertEquals(1, storedBallots());
    }

    private String token() {
        return fixture.issueTokens(1).get(0);
    }

    /** Ballots stored, sealed or readable. */
    private long storedBallots() {
        return fixture.station().jdbi().withHandle(h -> new BallotDao(h).countBallots(POLL) + new kioskvote.store.SealedBallotDao(h).count(POLL));
    }

    private List<String> storedAnswers() {
        return fixture.station().jdbi().withHandle(h -> new BallotDao(h).answers(POLL));
    }

    static void assertRefused(TokenRejected.Reason reason, Runnable action) {
        assertEquals(reason, assertThrows(TokenRejected.class, action::run).reason());
    }

    /** The action is refused with this code (and so changes nothing). */
    static void assertRejected(Refusal.Code code, Runnable action) {
        assertEquals(code.code(), assertThrows(Refused.class, action::run).code());
    }
}
