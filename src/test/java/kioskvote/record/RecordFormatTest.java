package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
    void theBallotPageHashIsALineOfTheCommitmentAndAHeaderWithoutItStillReads() {
        Commitment pinned = new Commitment("m", "p", "d", "k", Optional.empty(), 1, Optional.of("e".repeat(64)));
        assertEquals("kioskvote commitment v2\nmeeting: m\npoll: p\npoll-definition-sha256: d\nmeeting-public-key: k\nbox-public-key: none\n"
                + "box-signature: none\nballot-page-sha256: " + "e".repeat(64) + "\ntokens: 1\n", pinned.header());
        assertEquals(9, pinned.headerLines());
        assertEquals(pinned, Commitment.parse(List.of((pinned.header() + "a".repeat(64)).split("\n"))));
        Commitment older = new Commitment("m", "p", "d", "k", Optional.empty(), Optional.empty(), 1);
        assertEquals(8, older.headerLines());
        assertEquals(older, Commitment.parse(List.of((older.header() + "a".repeat(64)).split("\n"))), "a token line is not a header line");
        assertThrows(IllegalArgumentException.class, () -> Commitment.parse(List.of(pinned.header().split("\n")).subList(0, 8)));
    }

    @Test
    void theBallotPageHashIsTheSha256OfEachScriptsHashAndPathInTheOrderThePageLoadsThem() {
        BallotPage page = BallotPage.of(path -> path.getBytes(StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder("kioskvote ballot page v1\n");
        for (String path : List.of("/static/vendor/noble.js", "/static/slip.js", "/static/kv.js", "/static/seal.js", "/static/device-review.js", "/static/ballot-device.js")) {
            text.append(Sha256.hex(path)).append(' ').append(path).append('\n');
        }
        assertEquals(text.toString(), page.text());
        assertEquals(Sha256.hex(text.toString()), page.sha256());
        BallotPage changed = BallotPage.of(path -> (path.endsWith("seal.js") ? path + ";" : path).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/static/seal.js"), page.differingScripts(changed));
        assertNotEquals(page.sha256(), changed.sha256());
        // The station's own scripts, as the jar holds them: each one served under /static is one of them.
        assertEquals(64, BallotPage.ofThisStation().sha256().length());
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
