package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyShareCodeTest {
    private static KeyShare share;
    private static String code;

    @BeforeAll
    static void oneShare() {
        SecureRandom random = new SecureRandom();
        try (BoxKeyPair box = BoxKeyPair.generate(random)) {
            share = ShareSplitter.split(box, 2, 3, random).get(1);
            code = share.code();
        }
    }

    @Test
    void theCodeIsSixteenGroupsOfFiveCrockfordSymbols() {
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){15}"), code);
        assertEquals(share, KeyShare.parse(code));
        assertEquals(2, KeyShare.parse(code).index());
        assertEquals(2, KeyShare.parse(code).threshold());
    }

    @Test
    void typingIsForgivingAboutCaseSpacesDashesAndLookAlikeLetters() {
        String sloppy = code.toLowerCase(Locale.ROOT).replace("-", " ").replace('0', 'o').replace('1', 'l');
        assertEquals(share, KeyShare.parse(sloppy));
        assertEquals(share, KeyShare.parse(code.replace("-", "")));
    }

    @Test
    void everySingleWrongSymbolIsPlacedInItsGroup() {
        String plain = code.replace("-", "");
        for (int position = 0; position < plain.length(); position++) {
            for (char wrong : ShareCode.ALPHABET.toCharArray()) {
                if (wrong == plain.charAt(position)) continue;
                String typo = plain.substring(0, position) + wrong + plain.substring(position + 1);
                ShareRejected refused = assertThrows(ShareRejected.class, () -> KeyShare.parse(typo));
                assertEquals(ShareRejected.Reason.CHECK_CHARACTER, refused.reason());
                assertEquals(List.of(position / 5 + 1), refused.groups(), "symbol " + position);
            }
        }
    }

    @Test
    void everySwapOfNeighboursWithinAGroupIsCaught() {
        String plain = code.replace("-", "");
        for (int position = 0; position + 1 < plain.length(); position++) {
            if (position % 5 == 4 || plain.charAt(position) == plain.charAt(position + 1)) continue;
            String swapped = plain.substring(0, position) + plain.charAt(position + 1) + plain.charAt(position) + plain.substring(position + 2);
            assertEquals(ShareRejected.Reason.CHECK_CHARACTER, assertThrows(ShareRejected.class, () -> KeyShare.parse(swapped)).reason());
        }
    }

    @Test
    void twoGroupsTypedInEachOthersPlaceAreCaught() {
        String[] groups = code.split("-");
        String third = groups[2];
        groups[2] = groups[5];
        groups[5] = third;
        ShareRejected refused = assertThrows(ShareRejected.class, () -> KeyShare.parse(String.join("-", groups)));
        assertEquals(List.of(3, 6), refused.groups());
    }

    @Test
    void aMissingGroupOrAForeignCharacterIsMalformed() {
        assertEquals(ShareRejected.Reason.MALFORMED, assertThrows(ShareRejected.class, () -> KeyShare.parse(code.substring(6))).reason());
        assertEquals(ShareRejected.Reason.MALFORMED, assertThrows(ShareRejected.class, () -> KeyShare.parse(code.replaceFirst(".", "U"))).reason());
        assertEquals(ShareRejected.Reason.MALFORMED, assertThrows(ShareRejected.class, () -> KeyShare.parse("")).reason());
        assertEquals(ShareRejected.Reason.MALFORMED, assertThrows(ShareRejected.class, () -> KeyShare.parse(null)).reason());
    }

    @Test
    void mistakesThatPassEveryGroupCheckFailTheChecksum() {
        // Two wrong symbols chosen so that group 4's check still holds: only the whole-code checksum sees them.
        String[] groups = code.split("-");
        int[] g = new int[4];
        for (int i = 0; i < 4; i++) g[i] = ShareCode.ALPHABET.indexOf(groups[3].charAt(i));
        int original = ShareCode.checkOf(4, g);
        int[] changed = g.clone();
        changed[0] ^= 1;
        for (int candidate = 0; candidate < 32; candidate++) {
            changed[1] = candidate;
            if (ShareCode.checkOf(4, changed) == original) break;
        }
        StringBuilder group = new StringBuilder();
        for (int s : changed) group.append(ShareCode.ALPHABET.charAt(s));
        groups[3] = group.toString() + groups[3].charAt(4);
        assertEquals(ShareRejected.Reason.CHECKSUM, assertThrows(ShareRejected.class, () -> KeyShare.parse(String.join("-", groups))).reason());
    }

    @Test
    void gf32MultiplicationHasAnInverseForEveryNonZeroElement() {
        for (int a = 1; a < 32; a++) {
            int inverses = 0;
            for (int b = 1; b < 32; b++) if (ShareCode.multiply(a, b) == 1) inverses++;
            assertEquals(1, inverses, "element " + a);
        }
    }
}
