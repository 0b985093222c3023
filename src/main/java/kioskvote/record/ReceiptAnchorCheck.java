package kioskvote.record;

/** `--receipt CODE`: the voter's receipt code is among the record's codes (counted; what was chosen is not in the answer). */
final class ReceiptAnchorCheck {
    private ReceiptAnchorCheck() {
    }

    static Step check(String code, long line, long ballots, String pollId) {
        Step step = new Step("receipt " + code);
        if (line > 0) return step.summary("counted (ballots.jsonl line " + line + ")");
        step.summary("not in the record");
        step.fail("expected the receipt code " + code + " among the " + ballots + " ballots; it is not there. If you kept this code after voting in poll "
                + pollId + ", tell the counting committee.");
        return step;
    }
}
