package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Step 4, receipt codes: receipts.txt lists one well-formed code per ballot, in order (so the order says
 * nothing of the casting), apart from the ballots (so a code says nothing of what was chosen). Two voters
 * whose secrets give the same 40-bit code are both counted: the code is listed twice, and that is honest.
 */
final class ReceiptsCheck {
    private ReceiptsCheck() {
    }

    /** What step 4 found: the line of the code asked for (--receipt), 0 if it is not there. */
    record ReceiptFacts(long codes, long wantedLine) {
    }

    static ReceiptFacts check(RecordZip zip, BallotFacts ballots, Optional<String> wanted, Step step) {
        if (!zip.has(RecordFiles.RECEIPTS)) {
            step.summary("no receipts.txt").fail("receipts.txt: missing from the record");
            return new ReceiptFacts(0, 0);
        }
        long codes = 0;
        long repeated = 0;
        long wantedLine = 0;
        String previous = null;
        try (BufferedReader in = zip.lines(RecordFiles.RECEIPTS)) {
            for (String code; (code = in.readLine()) != null; ) {
                codes++;
                String where = "receipts.txt line " + codes;
                if (!VerifyText.RECEIPT.matcher(code).matches()) {
                    step.fail(where + ": expected a receipt code XXXX-XXXX in Crockford base32, found \"" + VerifyText.abbreviate(code) + "\"");
                } else if (previous != null && code.compareTo(previous) < 0) {
                    step.fail(where + ": " + code + " after " + previous + "; expected the codes in order");
                } else if (code.equals(previous)) {
                    repeated++;
                }
                previous = code;
                if (wanted.isPresent() && wanted.get().equals(code) && wantedLine == 0) wantedLine = codes;
            }
        } catch (IOException e) {
            step.fail("receipts.txt line " + (codes + 1) + ": not readable text (" + e.getMessage() + ")");
        }
        if (ballots.present() && codes != ballots.read()) {
            step.fail("receipts.txt: " + codes + " codes; expected one per ballot, " + ballots.read() + " (ballots.jsonl)");
        }
        step.summary(codes + " codes, in order" + (repeated > 0 ? ", " + repeated + " listed again (two ballots with the same code)" : "")
                + "; one per ballot");
        return new ReceiptFacts(codes, wantedLine);
    }
}
