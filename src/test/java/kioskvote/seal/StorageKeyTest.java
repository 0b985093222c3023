package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;

import org.junit.jupiter.api.Test;

class StorageKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    // The GCM specification's test cases 13 and 14 (McGrew and Viega, AES-256, 96-bit IV of zeros, no AAD).
    @Test
    void aesGcmMatchesTheSpecificationsKnownAnswers() {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        assertEquals("530f8afbc74536b9a963b4f1c4cb738b",
                HEX.formatHex(StorageKey.aesGcm(Cipher.ENCRYPT_MODE, key, nonce, new byte[0], new byte[0])));
        assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
                HEX.formatHex(StorageKey.aesGcm(Cipher.ENCRYPT_MODE, key, nonce, new byte[0], new byte[16])));
    }

    @Test
    void aWrappedBallotOpensOnlyWithItsKeyForItsPoll() {
        SecureRandom random = new SecureRandom();
        byte[] sealed = HEX.parseHex("00112233445566778899aabbccddeeff0102");
        try (StorageKey key = StorageKey.generate(random); StorageKey other = StorageKey.generate(random)) {
            byte[] wrapped = key.wrap("tin-nhiem", sealed, random);
            assertEquals(12 + sealed.length + 16, wrapped.length);
            assertArrayEquals(sealed, key.unwrap("tin-nhiem", wrapped));
            assertArrayEquals(sealed, StorageKey.of(key.bytes()).unwrap("tin-nhiem", wrapped), "the stored bytes are the key");
            assertNotEquals(HEX.formatHex(wrapped), HEX.formatHex(key.wrap("tin-nhiem", sealed, random)), "a fresh nonce each time");
            assertThrows(SealBroken.class, () -> key.unwrap("bieu-quyet", wrapped), "moved to another poll");
            assertThrows(SealBroken.class, () -> other.unwrap("tin-nhiem", wrapped), "another poll's key");
            wrapped[20] ^= 1;
            assertThrows(SealBroken.class, () -> key.unwrap("tin-nhiem", wrapped), "altered");
            assertThrows(SealBroken.class, () -> key.unwrap("tin-nhiem", new byte[5]), "too short");
        }
    }

    @Test
    void closingZeroesTheKey() {
        StorageKey key = StorageKey.of(new byte[32]);
        byte[] wrapped = key.wrapWithNonce("p", new byte[3], new byte[12]);
        StorageKey same = StorageKey.of(HEX.parseHex("00".repeat(32)));
        assertArrayEquals(new byte[3], same.unwrap("p", wrapped));
        StorageKey random = StorageKey.generate(new SecureRandom());
        random.close();
        assertArrayEquals(new byte[32], random.bytes());
    }
}
