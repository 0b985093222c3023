package kioskvote.e2e;

import java.security.SecureRandom;

import kioskvote.ballot.ReceiptCode;

/** Receipt codes as a voter's page would choose them. */
final class Receipts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    /** A receipt secret, as the page sends it with the ballot. */
    static String random() {
        return ReceiptCode.randomSecret(RANDOM);
    }

    /** The receipt code the voter is shown for that secret. */
    static String codeOf(String secret) {
        return ReceiptCode.codeOf(secret);
    }
}
