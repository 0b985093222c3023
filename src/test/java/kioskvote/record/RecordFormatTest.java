package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kioskvote.audit.Sha256;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.token.TokenHash;

/** The record's formats by hand: what is hashed is exactly the text written, and every definition reads back. */
class RecordFormatTest {
    @Test
    void aTokenHashIsTheSha256OfTheLabelTheMeetingAndTheSerial() {
        String serial = "00112233445566778899aabbccddeeff";
        assertEquals(Sha256.hex("kioskvote-token-hash-v1\nso-xay-dung-2026\n" + serial), TokenHash.of("so-xay-dung-2026", serial));
    }

    @Test
    void theCommitmentFingerprintIsTheSha256OfItsHeaderAndSortedTokenLines() {
        Commitment c = new Commitment("m", "p", "d".repeat(64), "k".repeat(64), Optional.empty(), Optional.empty(), 2);
        List<String> tokens = List.of("a".repeat(64), "b".repeat(64));
        String text = "kioskvote commitment v2\nmeeting: m\npoll: p\npoll-definition-sha256: " + "d".repeat(64) + "\nmeeting-public-key: "
                + "k".repeat(64) + "\nbox-public-key: none\nbox-signature: none\ntokens: 2\n" + "a".repeat(64) + "\n" + "b".repeat(64) + "\n";
        assertEquals(text, c.header() + String.join("\n", tokens) + "\n");
        assertEquals(Sha256.hex(text), c.fingerprint(tokens));
        assertEquals(c, Commitment.parse(List.of(c.header().split("\n"))));
        Commitment sealed = new Commitment("m", "p", "d", "k", Optional.of("b0c5"), Optional.of("5167"), 0);
        assertEquals(sealed, Commitment.parse(List.of(sealed.header().split("\n"))));
        assertTrue(sealed.header().contains("\nbox-public-key: b0c5\nbox-signature: 5167\n"), "the box key's signature is hashed with it");
        assertThrows(IllegalArgumentException.class, () -> Commitment.parse(List.of("kioskvote commitment v2", "poll: p")));
    }

    @Test
    void theHeadReadsBackAndItsHashIsTheSha256OfItsText() {
        RecordHead head = new RecordHead("m", "p", "c", 30, "b", "r", 30, "s", "n", "t", "a");
        assertEquals(head, RecordHead.parse(List.of(head.text().split("\n"))));
        assertEquals(Sha256.hex(head.text()), head.hash());
        assertEquals("0123 4567 89ab", RecordHead.grouped("0123456789ab"));
    }

    @Test
    void everyDemoPollDefinitionReadsBackToTheSameCanonicalJson() {
        for (Poll poll : MeetingLoader.load(DemoStation.DEMO).meeting().polls()) {
            String json = PollDefinition.canonicalJson(poll);
            assertEquals(json, PollDefinition.canonicalJson(PollDefinition.parse(json)), poll.id());
        }
        assertThrows(IllegalArgumentException.class, () -> PollDefinition.parse("{\"id\":\"x\"}"));
    }

    @Test
    void aBallotLineIsTheStoredAnswersAndNoReceipt() {
        assertEquals("{\"s1\":[\"high\"]}", RecordFiles.ballotLine("{\"s1\":[\"high\"]}"));
    }
}
