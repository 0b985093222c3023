package kioskvote.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the benchmark's voters were told was counted in one poll: receipts and marks, to check against the tally. */
final class Ledger {
    private final List<String> receipts = new ArrayList<>();
    private final Map<String, Long> marks = new HashMap<>();

    synchronized void accepted(String receipt, Map<String, String> answers) {
        receipts.add(receipt);
        answers.forEach((question, option) -> marks.merge(question + "/" + option, 1L, Long::sum));
    }

    synchronized int size() {
        return receipts.size();
    }

    synchronized List<String> receipts() {
        return List.copyOf(receipts);
    }

    synchronized long marked(String question, String option) {
        return marks.getOrDefault(question + "/" + option, 0L);
    }
}
