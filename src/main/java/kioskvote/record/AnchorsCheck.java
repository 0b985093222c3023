package kioskvote.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** `--count N --head HASH`: what the room was shown at the close, against what the record holds. */
final class AnchorsCheck {
    private AnchorsCheck() {
    }

    static Step check(RecordVerifier.Anchors anchors, BallotFacts ballots, Optional<String> recomputedHead) {
        Step step = new Step("anchors");
        List<String> said = new ArrayList<>();
        anchors.count().ifPresent(n -> {
            said.add(ballots.read() + " ballots" + (n == ballots.read() ? " = --count" : ""));
            if (n != ballots.read()) step.fail("--count: expected " + n + " ballots, as shown at the close; the record holds " + ballots.read());
        });
        anchors.head().ifPresent(h -> {
            String head = recomputedHead.orElse("");
            String given = h.toLowerCase().replaceAll("[^0-9a-f]", "");
            said.add("head " + (head.isEmpty() ? "?" : head.substring(0, 16) + "…") + (head.startsWith(given) ? " = --head" : ""));
            if (head.isEmpty() || !head.startsWith(given)) {
                step.fail("--head: expected " + RecordHead.grouped(given) + " as shown at the close; the record's head is "
                        + (head.isEmpty() ? "unknown (see step 8)" : RecordHead.grouped(head)));
            }
        });
        return step.summary(String.join(", ", said));
    }
}
