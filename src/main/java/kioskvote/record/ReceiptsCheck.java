package kioskvote.record;

import java.util.Optional;

/** Step 4, receipt codes: every code well-formed, once, in order (so the order says nothing of the casting). */
final class ReceiptsCheck {
    private final Step step;
    private final Optional<String> wanted;
    private String previous;
    private long previousLine;
    private long codes;
    private long unique;
    private long wantedLine;

    ReceiptsCheck(Step step, Optional<String> wanted) {
        this.step = step;
        this.wanted = wanted;
    }

    /** The code of a ballot line, in file order. */
    void accept(String code, long at) {
        codes++;
        String where = "ballots.jsonl line " + at + " (receipt " + code + ")";
        if (!VerifyText.RECEIPT.matcher(code).matches()) {
            step.fail(where + ": expected a receipt code XXXX-XXXX in Crockford base32, found \"" + VerifyText.abbreviate(code) + "\"");
        } else if (previous != null && code.compareTo(previous) == 0) {
            step.fail(where + ": the same receipt code as line " + previousLine + "; expected every code once");
        } else if (previous != null && code.compareTo(previous) < 0) {
            step.fail(where + ": after " + previous + " (line " + previousLine + "); expected the ballots in receipt-code order");
        } else {
            unique++;
        }
        previous = code;
        previousLine = at;
        if (wanted.isPresent() && wanted.get().equals(code) && wantedLine == 0) wantedLine = at;
    }

    void missing() {
        step.summary("no ballots.jsonl").fail("ballots.jsonl: missing from the record");
    }

    /** The line of the receipt code asked for (--receipt), 0 if it is not in the record. */
    long finish(long read) {
        step.summary(read + " codes, " + unique + " unique and in order");
        return wantedLine;
    }
}
