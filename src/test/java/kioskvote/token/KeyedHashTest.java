package kioskvote.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class KeyedHashTest {
    @Test
    void hmacSha256MatchesTheWellKnownVector() {
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                KeyedHash.ofRawKey("key".getBytes(StandardCharsets.US_ASCII)).hex("The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void theShortCodeKeyIsDerivedFromTheMeetingKeyAsDocumented() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) seed[i] = (byte) i;
        // Computed independently: HMAC(HMAC(seed, "kioskvote-keyed-hash-v1\nshort-code"), "ABCDE-FGHJK").
        assertEquals("840d52b28003024b104396a46dd8b89faa3abdbfae169d3811ef54ff5f93371f",
                KeyedHash.of(MeetingKey.fromPrivateKey(seed), "short-code").hex("ABCDE-FGHJK"));
    }

    @Test
    void anotherPurposeOrAnotherMeetingKeyGivesAnotherHash() {
        MeetingKey key = MeetingKey.generate(new SecureRandom());
        assertNotEquals(KeyedHash.of(key, "short-code").hex("x"), KeyedHash.of(key, "kiosk-visit").hex("x"));
        assertNotEquals(KeyedHash.of(key, "short-code").hex("x"), KeyedHash.of(MeetingKey.generate(new SecureRandom()), "short-code").hex("x"));
    }
}
