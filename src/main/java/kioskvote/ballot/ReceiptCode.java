package kioskvote.ballot;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The receipt code a voter keeps. It is chosen by the voter's page (random, sent with the ballot), so
 * that a retry after a lost answer carries the same code and the voter can later find it in the
 * public list of receipts once the poll is closed.
 */
public final class ReceiptCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    private static final Pattern FORM = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private ReceiptCode() {
    }

    public static String random(SecureRandom random) {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return code.toString();
    }

    public static String require(String code) {
        if (code == null || !FORM.matcher(code).matches()) throw new BallotRejected(BallotRejected.Code.BAD_RECEIPT);
        return code;
    }
}
