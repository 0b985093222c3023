package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShareSplitterTest {
    private static final BoxContext CONTEXT = new BoxContext("so-xay-dung-2026", "tin-nhiem", "ab12cd");
    private final SecureRandom random = new SecureRandom();

    @Test
    void everyThresholdSubsetOpensTheBox() {
        for (int[] kn : new int[][] {{1, 1}, {2, 3}, {3, 5}, {4, 4}}) {
            try (BoxKeyPair box = BoxKeyPair.generate(random)) {
                byte[] sealed = box.publicKey().seal(new byte[] {42}, CONTEXT);
                List<KeyShare> shares = ShareSplitter.split(box, kn[0], kn[1], random);
                assertEquals(kn[1], shares.size());
                for (List<KeyShare> subset : ShareSplitter.subsets(shares, kn[0])) {
                    List<KeyShare> typed = subset.stream().map(s -> KeyShare.parse(s.code())).toList();
                    try (BoxKeyPair rebuilt = ShareSplitter.recombine(box.publicKey(), typed)) {
                        assertArrayEquals(box.privateKeyCopy(), rebuilt.privateKeyCopy());
                        assertArrayEquals(new byte[] {42}, rebuilt.open(sealed, CONTEXT));
                    }
                }
            }
        }
    }

    @Test
    void fewerSharesThanTheThresholdAreRefusedWithHowManyAreMissing() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            List<KeyShare> shares = ShareSplitter.split(box, 3, 5, random);
            ShareRejected refused = assertThrows(ShareRejected.class, () -> ShareSplitter.recombine(box.publicKey(), shares.subList(0, 2)));
            assertEquals(ShareRejected.Reason.TOO_FEW, refused.reason());
            assertEquals(2, refused.have());
            assertEquals(3, refused.need());
            assertEquals(ShareRejected.Reason.TOO_FEW,
                    assertThrows(ShareRejected.class, () -> ShareSplitter.recombine(box.publicKey(), List.of())).reason());
        }
    }

    @Test
    void aCardGivenTwiceIsRefused() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            List<KeyShare> shares = ShareSplitter.split(box, 2, 3, random);
            ShareRejected refused = assertThrows(ShareRejected.class,
                    () -> ShareSplitter.recombine(box.publicKey(), List.of(shares.get(1), KeyShare.parse(shares.get(1).code()))));
            assertEquals(ShareRejected.Reason.DUPLICATE, refused.reason());
        }
    }

    @Test
    void aShareOfAnotherPollsBoxIsRefused() {
        try (BoxKeyPair box = BoxKeyPair.generate(random); BoxKeyPair otherPoll = BoxKeyPair.generate(random)) {
            List<KeyShare> mine = ShareSplitter.split(box, 2, 3, random);
            List<KeyShare> theirs = ShareSplitter.split(otherPoll, 2, 3, random);
            ShareRejected refused = assertThrows(ShareRejected.class,
                    () -> ShareSplitter.recombine(box.publicKey(), List.of(mine.get(0), theirs.get(1))));
            assertEquals(ShareRejected.Reason.OTHER_BOX, refused.reason());
        }
    }

    @Test
    void sharesOfTwoSplitsOfTheSameBoxDoNotCombineAndSayWrongCombination() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            List<KeyShare> first = ShareSplitter.split(box, 2, 3, random);
            List<KeyShare> second = ShareSplitter.split(box, 2, 3, random);
            ShareRejected refused = assertThrows(ShareRejected.class,
                    () -> ShareSplitter.recombine(box.publicKey(), List.of(first.get(0), second.get(1))));
            assertEquals(ShareRejected.Reason.WRONG_COMBINATION, refused.reason());
        }
    }

    @Test
    void oneAlteredCardAmongMoreThanEnoughDoesNoHarm() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            List<KeyShare> shares = new ArrayList<>(ShareSplitter.split(box, 2, 3, random));
            byte[] altered = shares.get(0).shareBytes();
            altered[5] ^= 0x10;
            shares.set(0, new KeyShare(shares.get(0).boxFingerprint(), 2, 1, altered));
            try (BoxKeyPair rebuilt = ShareSplitter.recombine(box.publicKey(), shares)) {
                assertEquals(box.publicKey(), rebuilt.publicKey());
            }
            assertEquals(ShareRejected.Reason.WRONG_COMBINATION, assertThrows(ShareRejected.class,
                    () -> ShareSplitter.recombine(box.publicKey(), shares.subList(0, 2))).reason());
        }
    }

    @Test
    void aSingleShareBelowTheThresholdIsNotTheKey() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            for (KeyShare share : ShareSplitter.split(box, 2, 3, random)) {
                assertNotEquals(java.util.HexFormat.of().formatHex(box.privateKeyCopy()), java.util.HexFormat.of().formatHex(share.shareBytes()));
            }
        }
    }

    @Test
    void aThresholdAboveTheCommitteeIsRefused() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            assertThrows(IllegalArgumentException.class, () -> ShareSplitter.split(box, 4, 3, random));
            assertThrows(IllegalArgumentException.class, () -> ShareSplitter.split(box, 0, 3, random));
        }
    }

    @Test
    void aShareNeverPrintsItsBytes() {
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            KeyShare share = ShareSplitter.split(box, 2, 3, random).get(0);
            assertTrue(share.toString().startsWith("KeyShare[box " + box.publicKey().fingerprintText()));
            assertTrue(!share.toString().contains(share.code().substring(0, 5)));
        }
    }
}
