package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kioskvote.token.TokenCodec;
import kioskvote.token.TokenRejected;

class CredentialTest {
    private static final String DIGITS = "7".repeat(TokenCodec.ENCODED_LENGTH);

    @Test
    void aScannedSlipUrlOrItsDigitsAloneAreAToken() {
        assertEquals(Credential.token(DIGITS), Credential.parse("HTTP://10.0.0.5:7070/V/" + DIGITS));
        assertEquals(Credential.token(DIGITS), Credential.parse("  " + DIGITS + "\n"));
    }

    @Test
    void theShortCodeIsReadWhateverItsCaseSpacesAndDashes() {
        assertEquals(new Credential(Credential.Kind.SHORT_CODE, "12345-6789A"), Credential.parse(" 1234 5-67 89a "));
    }

    @Test
    void anythingElseIsUnreadableAndNamesNoPart() {
        for (String typed : new String[] {"", "   ", "hello", DIGITS.substring(1), "HTTP://host/V/12345-6789A", null}) {
            TokenRejected e = assertThrows(TokenRejected.class, () -> Credential.parse(typed), String.valueOf(typed));
            assertEquals(TokenRejected.Reason.MALFORMED, e.reason());
        }
    }

    @Test
    void aCredentialNeverPrintsItsValue() {
        assertFalse(Credential.token(DIGITS).toString().contains("777"));
    }
}
