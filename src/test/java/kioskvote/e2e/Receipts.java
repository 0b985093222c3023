package kioskvote.e2e;

import java.security.SecureRandom;

import kioskvote.ballot.ReceiptCode;

/** Receipt codes as a voter's page would choose them. */
final class Receipts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    static String random() {
        return ReceiptCode.random(RANDOM);
    }
}
