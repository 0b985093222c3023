package kioskvote.ballot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of one cast ballot: for each question id, the option ids marked (possibly none).
 * Every question of the poll has an entry; order inside a list is the poll's option order.
 */
public record Answers(Map<String, List<String>> marks) {
    public Answers {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        marks.forEach((q, os) -> copy.put(q, List.copyOf(os)));
        marks = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> marked(String questionId) {
        return marks.getOrDefault(questionId, List.of());
    }
}
