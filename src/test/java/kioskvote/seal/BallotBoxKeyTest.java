package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class BallotBoxKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    // RFC 9180, Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode, sequence 0.
    private static final String INFO = "4f6465206f6e2061204772656369616e2055726e";
    private static final String IKM_E = "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234";
    private static final String PK_EM = "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431";
    private static final String IKM_R = "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037";
    private static final String PK_RM = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
    private static final String SK_RM = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
    private static final String PT = "4265617574792069732074727574682c20747275746820626561757479";
    private static final String AAD = "436f756e742d30";
    private static final String CT = "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a";

    private static final BoxContext CONTEXT = new BoxContext("so-xay-dung-2026", "tin-nhiem", "ab12cd");

    @Test
    void theSuiteMatchesRfc9180KnownAnswers() {
        try (BoxKeyPair recipient = BoxKeyPair.derive(HEX.parseHex(IKM_R))) {
            assertEquals(PK_RM, recipient.publicKey().hex());
            assertArrayEquals(HEX.parseHex(SK_RM), recipient.privateKeyCopy());
            byte[] sealed = recipient.publicKey().sealWithEphemeral(HEX.parseHex(PT), HEX.parseHex(INFO), HEX.parseHex(AAD), HEX.parseHex(IKM_E));
            assertEquals(PK_EM, HEX.formatHex(Arrays.copyOf(sealed, 32)));
            assertEquals(CT, HEX.formatHex(Arrays.copyOfRange(sealed, 32, sealed.length)));
            assertArrayEquals(HEX.parseHex(PT), recipient.open(HEX.parseHex(PK_EM + CT), HEX.parseHex(INFO), HEX.parseHex(AAD)));
        }
    }

    @Test
    void aSealedBallotOpensWithItsBoxAndContextOnly() {
        byte[] ballot = "{\"answers\":{\"s1\":[\"high\"]},\"receipt\":\"JR0B-ZBP0\"}".getBytes(StandardCharsets.UTF_8);
        SecureRandom random = new SecureRandom();
        try (BoxKeyPair box = BoxKeyPair.generate(random); BoxKeyPair other = BoxKeyPair.generate(random)) {
            byte[] sealed = box.publicKey().seal(ballot, CONTEXT);
            assertArrayEquals(ballot, box.open(sealed, CONTEXT));
            assertNotEquals(HEX.formatHex(sealed), HEX.formatHex(box.publicKey().seal(ballot, CONTEXT)), "a fresh ephemeral key each time");
            assertThrows(SealBroken.class, () -> other.open(sealed, CONTEXT));
            assertThrows(SealBroken.class, () -> box.open(sealed, new BoxContext("so-xay-dung-2026", "bieu-quyet", "ab12cd")));
            assertThrows(SealBroken.class, () -> box.open(sealed, new BoxContext("so-xay-dung-2026", "tin-nhiem", "ab12ce")));
            assertThrows(SealBroken.class, () -> box.open(sealed, new BoxContext("other-meeting", "tin-nhiem", "ab12cd")));
            for (int i = 0; i < sealed.length; i += 7) {
                byte[] altered = sealed.clone();
                altered[i] ^= 1;
                assertThrows(SealBroken.class, () -> box.open(altered, CONTEXT), "byte " + i + " altered");
            }
            assertThrows(SealBroken.class, () -> box.open(new byte[10], CONTEXT));
        }
    }

    @Test
    void theContextFieldsCannotBeShiftedIntoEachOther() {
        assertFalse(Arrays.equals(new BoxContext("a", "bc", "h").info(), new BoxContext("ab", "c", "h").info()));
    }

    @Test
    void closingZeroesThePrivateKey() {
        BoxKeyPair box = BoxKeyPair.generate(new SecureRandom());
        byte[] sealed = box.publicKey().seal(new byte[] {1, 2, 3}, CONTEXT);
        box.close();
        assertTrue(box.isZeroed());
        assertThrows(IllegalStateException.class, () -> box.open(sealed, CONTEXT));
        assertFalse(box.toString().contains("0000"), "toString names the fingerprint only");
    }

    @Test
    void thePublicKeyRoundTripsThroughHex() {
        try (BoxKeyPair box = BoxKeyPair.generate(new SecureRandom())) {
            BallotBoxKey stored = BallotBoxKey.fromHex(box.publicKey().hex());
            assertEquals(box.publicKey(), stored);
            assertEquals(box.publicKey().fingerprint(), stored.fingerprint());
            assertEquals(8, stored.fingerprintText().length());
        }
    }
}
