package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;

class SealedBallotTest {
    private static Question subject(String id) {
        return new Question(id, "Người " + id, "Phó Giám đốc", List.of(new Option("high", "Tín nhiệm cao", "High confidence"),
                new Option("medium", "Tín nhiệm", "Confidence"), new Option("low", "Tín nhiệm thấp", "Low confidence")), ChoiceRule.exactlyOne());
    }

    private final Poll poll = new Poll("tin-nhiem", PollKind.CONFIDENCE, "Lấy phiếu tín nhiệm",
            List.of(subject("s1"), subject("s2"), subject("s3")), PercentBase.RECEIVED, Optional.empty());

    @Test
    void everyBallotOfAPollSealsToTheSameSizeWhateverItsMarks() {
        String code = "JR0B-ZBP0";
        var blank = new SealedBallot(AnswersJson.write(BallotBox.validate(poll, Map.of())), code);
        var full = new SealedBallot(AnswersJson.write(BallotBox.validate(poll, Map.of("s1", List.of("medium"), "s2", List.of("medium"),
                "s3", List.of("medium")))), code);
        var low = new SealedBallot(AnswersJson.write(BallotBox.validate(poll, Map.of("s1", List.of("low")))), code);
        assertEquals(blank.plaintext(poll).length, full.plaintext(poll).length);
        assertEquals(blank.plaintext(poll).length, low.plaintext(poll).length);
        try (BoxKeyPair box = BoxKeyPair.generate(new SecureRandom())) {
            BoxContext context = new BoxContext("m", poll.id(), "h");
            byte[] a = box.publicKey().seal(blank.plaintext(poll), context);
            byte[] b = box.publicKey().seal(full.plaintext(poll), context);
            assertEquals(a.length, b.length, "the ciphertext's size says nothing about the marks");
            assertTrue(full.same(SealedBallot.read(box.open(b, context))));
        }
    }

    @Test
    void aReceiptCodeOfTheWrongFormIsRefused() {
        assertThrows(BallotRejected.class, () -> new SealedBallot("{}", "nope"));
    }

    @Test
    void itsTextNeverShowsTheContent() {
        assertEquals("SealedBallot[…]", new SealedBallot("{\"s1\":[\"low\"]}", "JR0B-ZBP0").toString());
    }
}
