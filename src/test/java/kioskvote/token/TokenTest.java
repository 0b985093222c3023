package kioskvote.token;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class TokenTest {
    private static final String MEETING = "so-xay-dung-2025-hoi-nghi-1";
    private final SecureRandom random = new SecureRandom();
    private final MeetingKey key = MeetingKey.generate(random);
    private final TokenIssuer issuer = new TokenIssuer(key, MEETING, random);
    private final TokenVerifier verifier = new TokenVerifier(key, MEETING);

    @Test
    void anIssuedTokenEncodesToExactly198DigitsAndDecodesToItself() {
        for (int i = 0; i < 200; i++) {
            Token token = issuer.issue();
            String encoded = TokenCodec.encode(token);
            assertEquals(198, encoded.length());
            assertTrue(encoded.chars().allMatch(c -> c >= '0' && c <= '9'));
            assertEquals(token, TokenCodec.decode(encoded));
            assertEquals(token, verifier.verify(encoded));
        }
    }

    @Test
    void extremeValuesRoundTripWithTheirLeadingZeros() {
        Token zeros = new Token(new byte[16], 0, new byte[64]);
        assertEquals("0".repeat(198), TokenCodec.encode(zeros));
        assertEquals(zeros, TokenCodec.decode(TokenCodec.encode(zeros)));
        byte[] ones = new byte[16];
        byte[] sigOnes = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        java.util.Arrays.fill(sigOnes, (byte) 0xFF);
        Token max = new Token(ones, 0xFFFF, sigOnes);
        assertEquals(max, TokenCodec.decode(TokenCodec.encode(max)));
        assertEquals(198, TokenCodec.encode(max).length());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        Token token = issuer.issue();
        assertEquals(token, verifier.verify("  \n" + TokenCodec.encode(token) + "\r\n"));
    }

    @Test
    void theTokenCarriesTheMeetingTag() {
        byte[] digest = MeetingKey.sha256(MEETING.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), issuer.issue().meetingTag());
    }

    @Test
    void truncatedTooLongNonDigitAndEmptyInputsAreMalformed() {
        String encoded = TokenCodec.encode(issuer.issue());
        assertRejected(TokenRejected.Reason.MALFORMED, encoded.substring(0, 197));
        assertRejected(TokenRejected.Reason.MALFORMED, encoded.substring(0, 100));
        assertRejected(TokenRejected.Reason.MALFORMED, encoded + "0");
        assertRejected(TokenRejected.Reason.MALFORMED, "0" + encoded);
        assertRejected(TokenRejected.Reason.MALFORMED, encoded.substring(0, 50) + "a" + encoded.substring(51));
        assertRejected(TokenRejected.Reason.MALFORMED, encoded.substring(0, 50) + " " + encoded.substring(51));
        assertRejected(TokenRejected.Reason.MALFORMED, "-" + encoded.substring(1));
        assertRejected(TokenRejected.Reason.MALFORMED, "+" + encoded.substring(1));
        // Arabic-Indic digits are digits to Character.isDigit, not to us
        assertRejected(TokenRejected.Reason.MALFORMED, "\u0661" + encoded.substring(1));
        assertRejected(TokenRejected.Reason.MALFORMED, "");
        assertRejected(TokenRejected.Reason.MALFORMED, null);
    }

    @Test
    void aLeadingDigitChangedBeyond2To656IsMalformed() {
        String encoded = TokenCodec.encode(issuer.issue());
        // 2^656 = 2.97…e197, so no valid token starts with a digit above 2
        assertRejected(TokenRejected.Reason.MALFORMED, "9" + encoded.substring(1));
        assertRejected(TokenRejected.Reason.MALFORMED, "3" + "0".repeat(197));
    }

    @Test
    void aLastDigitChangedBreaksTheSignature() {
        String encoded = TokenCodec.encode(issuer.issue());
        char last = encoded.charAt(197);
        String changed = encoded.substring(0, 197) + (last == '0' ? '1' : (char) (last - 1));
        assertRejected(TokenRejected.Reason.BAD_SIGNATURE, changed);
    }

    @Test
    void aFlippedSignatureBitIsABadSignature() {
        Token token = issuer.issue();
        byte[] signature = token.signature();
        signature[0] ^= 0x01;
        Token forged = new Token(token.serial(), token.meetingTag(), signature);
        assertRejected(TokenRejected.Reason.BAD_SIGNATURE, TokenCodec.encode(forged));
    }

    @Test
    void aChangedSerialWithTheOldSignatureIsABadSignature() {
        Token token = issuer.issue();
        byte[] serial = token.serial();
        serial[15] ^= (byte) 0x80;
        assertRejected(TokenRejected.Reason.BAD_SIGNATURE,
                TokenCodec.encode(new Token(serial, token.meetingTag(), token.signature())));
    }

    @Test
    void aTokenFromAnotherMeetingIsRecognisedAsSuch() {
        MeetingKey otherKey = MeetingKey.generate(random);
        Token foreign = new TokenIssuer(otherKey, "so-tai-chinh-2025-hoi-nghi-2", random).issue();
        assertNotEquals(Token.meetingTagOf(MEETING), foreign.meetingTag(), "test ids must not share a tag");
        assertRejected(TokenRejected.Reason.OTHER_MEETING, TokenCodec.encode(foreign));
    }

    @Test
    void aTokenSignedByAnotherKeyForThisMeetingIsABadSignature() {
        Token forged = new TokenIssuer(MeetingKey.generate(random), MEETING, random).issue();
        assertRejected(TokenRejected.Reason.BAD_SIGNATURE, TokenCodec.encode(forged));
    }

    @Test
    void toStringAndRejectionMessagesRevealNeitherSerialNorSignature() {
        Token token = issuer.issue();
        String encoded = TokenCodec.encode(token);
        assertEquals("Token[…]", token.toString());
        String serialHex = token.serialHex();
        String sigHex = HexFormat.of().formatHex(token.signature());
        byte[] signature = token.signature();
        signature[5] ^= 4;
        String forged = TokenCodec.encode(new Token(token.serial(), token.meetingTag(), signature));
        TokenRejected rejected = assertThrows(TokenRejected.class, () -> verifier.verify(forged));
        for (String text : new String[] {token.toString(), rejected.getMessage(), String.valueOf(rejected)}) {
            assertFalse(text.contains(serialHex), text);
            assertFalse(text.contains(sigHex.substring(0, 16)), text);
            assertFalse(text.contains(encoded.substring(0, 30)), text);
            assertFalse(text.contains(forged.substring(0, 30)), text);
        }
        assertEquals(32, serialHex.length());
    }

    @Test
    void tokensWithEqualContentsAreEqualAndTheRecordCannotBeChangedFromOutside() {
        Token token = issuer.issue();
        Token copy = new Token(token.serial(), token.meetingTag(), token.signature());
        assertEquals(token, copy);
        assertEquals(token.hashCode(), copy.hashCode());
        token.serial()[0] ^= 1;
        token.signature()[0] ^= 1;
        assertEquals(copy, token);
        assertNotEquals(token, issuer.issue());
    }

    @Test
    void aTokenOfTheWrongShapeCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Token(new byte[15], 0, new byte[64]));
        assertThrows(IllegalArgumentException.class, () -> new Token(new byte[16], 0, new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> new Token(new byte[16], 0x10000, new byte[64]));
        assertThrows(IllegalArgumentException.class, () -> new Token(new byte[16], -1, new byte[64]));
    }

    private void assertRejected(TokenRejected.Reason expected, String encoded) {
        TokenRejected rejected = assertThrows(TokenRejected.class, () -> verifier.verify(encoded));
        assertEquals(expected, rejected.reason());
    }
}
