package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ReceiptDerivationTest {
    private static final String SECRET = "7K2M-QX9D-A1B2-C3D4-E5F6-G7H8";

    /** Expected values from OpenSSL: printf 'kioskvote/retry-proof/v1' | openssl dgst -sha256 -hmac "$SECRET", and likewise. */
    @Test
    void bothValuesMatchAnIndependentHmacImplementation() {
        assertEquals("68c935a1f1c9ade8de8210d8af49c930ac68dba4df43ef8819cc68f289e14063", ReceiptDerivation.retryProof(SECRET));
        // HMAC(secret, "kioskvote/receipt-code/v1") = 9600bfaec0…: its first 40 bits as Crockford base32, by hand.
        assertEquals("JR0B-ZBP0", ReceiptDerivation.receiptCode(SECRET));
    }

    @Test
    void theStoredProofIsNotTheOldHashAndDoesNotContainTheCode() throws Exception {
        String proof = ReceiptDerivation.retryProof(SECRET);
        String oldProof = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes()));
        assertNotEquals(oldProof, proof);
        String code = ReceiptDerivation.receiptCode(SECRET);
        // The code's 40 bits appear nowhere in the proof (the old scheme made them its first 40 bits).
        String codeHex = "9600bfaec0";
        assertFalse(proof.contains(codeHex));
        assertEquals(9, code.length());
    }

    @Test
    void secretsDifferingInOneSymbolGiveUnrelatedValues() {
        String other = "7K2M-QX9D-A1B2-C3D4-E5F6-G7H9";
        assertNotEquals(ReceiptDerivation.receiptCode(SECRET), ReceiptDerivation.receiptCode(other));
        assertNotEquals(ReceiptDerivation.retryProof(SECRET).substring(0, 8), ReceiptDerivation.retryProof(other).substring(0, 8));
    }
}
