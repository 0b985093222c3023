package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

class CredentialTest {
    private static final String DIGITS = "0" + "7".repeat(Token.ENCODED_LENGTH - 1);

    @Test
    void aScannedSlipUrlOrItsDigitsAloneAreASecret() {
        assertEquals(Credential.token(DIGITS), Credential.parse("HTTP://10.0.0.5:7070/V#" + DIGITS));
        assertEquals(Credential.token(DIGITS), Credential.parse("  " + DIGITS + "\n"));
    }

    @Test
    void theShortCodeIsReadWhateverItsCaseSpacesAndDashes() {
        assertEquals(new Credential(Credential.Kind.SHORT_CODE, "RTR2CA-2MD9Y8"), Credential.parse(" rtr2 ca-2md 9y8 "));
    }

    @Test
    void aMistypedShortCodeNamesTheGroupToTypeAgain() {
        TokenRejected e = assertThrows(TokenRejected.class, () -> Credential.parse("RTR2CA-2MD9Y9"));
        assertEquals(TokenRejected.Reason.CODE_TYPO, e.reason());
        assertEquals(2, e.args().get("group"));
        assertEquals(1, assertThrows(TokenRejected.class, () -> Credential.parse("RTR3CA-2MD9Y8")).args().get("group"));
    }

    @Test
    void anythingElseIsUnreadableAndNamesNoPart() {
        for (String typed : new String[] {"", "   ", "hello", DIGITS.substring(1), "HTTP://host/V#RTR2CA-2MD9Y8", "9".repeat(39), null}) {
            TokenRejected e = assertThrows(TokenRejected.class, () -> Credential.parse(typed), String.valueOf(typed));
            assertEquals(TokenRejected.Reason.MALFORMED, e.reason());
        }
    }

    @Test
    void aCredentialNeverPrintsItsValue() {
        assertFalse(Credential.token(DIGITS).toString().contains("777"));
    }
}
