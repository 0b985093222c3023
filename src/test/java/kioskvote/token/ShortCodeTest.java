package kioskvote.token;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ShortCodeTest {
    @Test
    void theCodeIsTheFirstFiftyBitsOfTheSerialInCrockfordBase32() {
        assertEquals("00000-00000", ShortCode.of(new byte[16]));
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals("ZZZZZ-ZZZZZ", ShortCode.of(ones));
        // 00001 00010 00011 00100 00101 00110 00111 01000 01001 01010 = 1 2 3 4 5 6 7 8 9 A,
        // regrouped in bytes: 00001000 10000110 01000010 10011000 11101000 01001010 10|000000
        byte[] serial = HexFormat.of().parseHex("08864298e84a80" + "00".repeat(9));
        assertEquals("12345-6789A", ShortCode.of(serial));
    }

    @Test
    void bitsAfterTheFiftiethDoNotChangeTheCode() {
        byte[] serial = new byte[16];
        serial[6] = 0b0011_1111; // bits 51-56
        java.util.Arrays.fill(serial, 7, 16, (byte) 0xFF);
        assertEquals("00000-00000", ShortCode.of(serial));
        serial[6] = 0b0100_0000; // bit 50
        assertEquals("00000-00001", ShortCode.of(serial));
    }

    @Test
    void typedCodesAreUppercasedAndStrippedOfSpacesAndDashes() {
        assertEquals(Optional.of("12345-6789A"), ShortCode.normalize("12345-6789A"));
        assertEquals(Optional.of("12345-6789A"), ShortCode.normalize("123456789a"));
        assertEquals(Optional.of("12345-6789A"), ShortCode.normalize(" 1234 5-67 89a "));
        assertEquals(Optional.of("12345-6789A"), ShortCode.normalize("1-2-3-4-5-6-7-8-9-A"));
    }

    @Test
    void lettersThatLookLikeDigitsAreReadAsThoseDigits() {
        assertEquals(Optional.of("01111-0ABCD"), ShortCode.normalize("oIiLl-OabCd"));
    }

    @Test
    void wrongLengthsAndLettersOutsideTheAlphabetAreRefused() {
        assertEquals(Optional.empty(), ShortCode.normalize("12345-6789"));
        assertEquals(Optional.empty(), ShortCode.normalize("12345-6789AB"));
        assertEquals(Optional.empty(), ShortCode.normalize("12345-6789U"));
        assertEquals(Optional.empty(), ShortCode.normalize("12345_6789A"));
        assertEquals(Optional.empty(), ShortCode.normalize(""));
        assertEquals(Optional.empty(), ShortCode.normalize(null));
        assertEquals(Optional.empty(), ShortCode.normalize("12345-6789Ä"));
    }

    @Test
    void everyGeneratedCodeNormalizesToItself() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 500; i++) {
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            String code = ShortCode.of(serial);
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), code);
            assertEquals(Optional.of(code), ShortCode.normalize(code.toLowerCase()));
        }
    }
}
