package kioskvote.paper;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One paper ballot as a teller entered it: the short code of the slip on it, and for each question the option ids marked. */
public record PaperBallot(String code, Map<String, List<String>> marks) {
    public PaperBallot {
        Objects.requireNonNull(code, "code");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        marks.forEach((q, os) -> copy.put(q, os.stream().sorted().toList()));
        marks = java.util.Collections.unmodifiableMap(copy);
    }
}
