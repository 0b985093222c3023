package kioskvote.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the slip's secret, key, short code and cast signature, computed by the page's own
 * implementation (public/slip.js on public/vendor/noble.js, run in Node), so the station and the page agree.
 */
class SlipTokenTest {
    static final byte[] SECRET = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    static final String DIGITS = "000005233100606242806050955395731361295";
    static final String PUBLIC_KEY = "c4cd2ec6c855880dda9f0ea4325829e3dbe961792f569dbc868a9ff9cce564f1";
    static final String SHORT_CODE = "RTR2CA-2MD9Y8";
    static final String SIGNATURE = "5eecbb06b8e863a554cb77a0728e03ddc7b9619cc454d263f5a6ef5f897ba307"
            + "9dfdcf91b085420a4402d08cda732deb8dbc9a1646b0946b8754e519dd353809";

    private static Map<String, List<String>> marks() {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        marks.put("s2", List.of("b", "a"));
        marks.put("s1", List.of("yes"));
        return marks;
    }

    @Test
    void theSecretEncodesTo39DigitsAndBack() {
        Token token = new Token(SECRET);
        assertEquals(DIGITS, token.encoded());
        assertEquals(token, Token.decode(DIGITS));
        assertEquals(token, Token.decode(" " + DIGITS + "\n"));
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals(new Token(ones), Token.decode(new Token(ones).encoded()));
        assertEquals("0".repeat(39), new Token(new byte[16]).encoded());
    }

    @Test
    void truncatedTooLargeAndNonDigitInputsAreMalformed() {
        for (String bad : new String[] {"", DIGITS.substring(1), DIGITS + "0", "9".repeat(39), DIGITS.replace('5', 'x'), null}) {
            assertEquals(TokenRejected.Reason.MALFORMED, assertThrows(TokenRejected.class, () -> Token.decode(bad)).reason());
        }
    }

    @Test
    void theSlipKeyShortCodeAndSignatureAreThoseThePageComputes() {
        Token token = new Token(SECRET);
        assertEquals(PUBLIC_KEY, token.slipKey().publicKeyHex());
        assertEquals(SHORT_CODE, token.shortCode());
        byte[] statement = CastStatement.of("hoi-nghi", "quy-che", marks(), "abc");
        assertEquals("poll=quy-che\nq.s1=yes\nq.s2=a\nq.s2=b\nreceipt=abc", CastStatement.body("quy-che", marks(), "abc"));
        assertEquals(SIGNATURE, HexFormat.of().formatHex(token.slipKey().sign(statement)));
        assertTrue(SlipKey.verify(HexFormat.of().parseHex(PUBLIC_KEY), statement, HexFormat.of().parseHex(SIGNATURE)));
    }

    @Test
    void aSignatureCastsOnlyWhatItSigned() {
        byte[] pk = HexFormat.of().parseHex(PUBLIC_KEY);
        byte[] sig = HexFormat.of().parseHex(SIGNATURE);
        assertFalse(SlipKey.verify(pk, CastStatement.of("hoi-nghi", "quy-che", Map.of("s1", List.of("no")), "abc"), sig), "other marks");
        assertFalse(SlipKey.verify(pk, CastStatement.of("hoi-nghi", "bau-cu", marks(), "abc"), sig), "another poll");
        assertFalse(SlipKey.verify(pk, CastStatement.of("hoi-nghi-khac", "quy-che", marks(), "abc"), sig), "another meeting");
        assertFalse(SlipKey.verify(pk, CastStatement.of("hoi-nghi", "quy-che", marks(), "abd"), sig), "another receipt");
        byte[] other = Token.random(new SecureRandom()).slipKey().publicKey();
        assertFalse(SlipKey.verify(other, CastStatement.of("hoi-nghi", "quy-che", marks(), "abc"), sig), "another slip's key");
    }

    @Test
    void aSealedCastIsSignedOverPollRetryProofAndTheSealedBytesOnly() {
        byte[] sealed = {1, 2, 3};
        String proof = "ab".repeat(32);
        // The body public/slip.js signs (signSealed): sorted lines, the sealed bytes as their SHA-256 in hex.
        assertEquals("poll=quy-che\nproof=" + proof + "\nsealed-sha256=039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
                CastStatement.sealedBody("quy-che", proof, sealed));
        SlipKey key = new Token(SECRET).slipKey();
        byte[] pk = key.publicKey();
        byte[] sig = key.sign(CastStatement.ofSealed("hoi-nghi", "quy-che", proof, sealed));
        assertTrue(SlipKey.verify(pk, CastStatement.ofSealed("hoi-nghi", "quy-che", proof, sealed), sig));
        assertFalse(SlipKey.verify(pk, CastStatement.ofSealed("hoi-nghi", "quy-che", proof, new byte[] {1, 2, 4}), sig), "other sealed bytes");
        assertFalse(SlipKey.verify(pk, CastStatement.ofSealed("hoi-nghi", "quy-che", "cd".repeat(32), sealed), sig), "another retry proof");
        assertFalse(SlipKey.verify(pk, CastStatement.ofSealed("hoi-nghi", "bau-cu", proof, sealed), sig), "another poll");
        assertFalse(SlipKey.verify(pk, CastStatement.ofSealed("hoi-nghi-khac", "quy-che", proof, sealed), sig), "another meeting");
    }

    @Test
    void nothingSecretInToStringOrRefusals() {
        Token token = new Token(SECRET);
        assertEquals("Token[…]", token.toString());
        assertEquals("SlipKey[…]", token.slipKey().toString());
        TokenRejected rejected = assertThrows(TokenRejected.class, () -> Token.decode(DIGITS.substring(2)));
        assertFalse(rejected.getMessage().contains(DIGITS.substring(2, 12)));
    }

    @Test
    void theStoredIdAndCodeHashNeedTheMeetingKeyAndDifferPerMeeting() {
        Token token = new Token(SECRET);
        SecureRandom random = new SecureRandom();
        SlipHashes one = SlipHashes.of(MeetingKey.generate(random));
        SlipHashes two = SlipHashes.of(MeetingKey.generate(random));
        assertEquals(64, one.idOf(token).length());
        assertEquals(one.idOf(token), one.idOfKey(token.slipKey().publicKey()));
        assertFalse(one.idOf(token).equals(two.idOf(token)));
        assertFalse(one.codeHash(SHORT_CODE).equals(two.codeHash(SHORT_CODE)));
        assertFalse(one.idOf(token).contains(PUBLIC_KEY.substring(0, 16)));
    }

    @Test
    void theCodeHashCostsWhatDocsSecuritySays() {
        CodeHash hash = CodeHash.of(MeetingKey.generate(new SecureRandom()));
        hash.hex(SHORT_CODE); // warm up
        int n = 10;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) hash.hex(SHORT_CODE);
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("scrypt N=%d r=8 p=1: %.1f ms per short code on this machine%n", CodeHash.COST, ms);
        assertEquals(1 << 11, CodeHash.COST);
    }
}
