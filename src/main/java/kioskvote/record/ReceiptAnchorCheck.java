package kioskvote.record;

/**
 * `--receipt CODE`: the voter's receipt code is among the record's codes, so their ballot was counted. What
 * that ballot says is not in the record beside the code, and `verify` cannot tell it (docs/security.md).
 */
final class ReceiptAnchorCheck {
    private ReceiptAnchorCheck() {
    }

    static Step check(String code, ReceiptsCheck.ReceiptFacts receipts, String pollId) {
        Step step = new Step("receipt " + code);
        if (receipts.wantedLine() > 0) {
            return step.summary("counted in poll " + pollId + " (receipts.txt line " + receipts.wantedLine() + ")");
        }
        step.summary("not in the record");
        step.fail("expected the receipt code " + code + " among the " + receipts.codes() + " codes; it is not there. If you kept this code after "
                + "voting in poll " + pollId + ", tell the counting committee.");
        return step;
    }
}
