package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import kioskvote.meeting.Poll;
import kioskvote.tally.Tally;

/**
 * Step 3, ballots: every line of ballots.jsonl is a ballot's answers, well-formed for the poll, the lines in
 * order of their text (so their order tells nothing); recounted on the way.
 */
final class BallotsCheck {
    private BallotsCheck() {
    }

    static BallotFacts check(RecordZip zip, Optional<Poll> poll, Step step) {
        if (!zip.has(RecordFiles.BALLOTS)) {
            step.summary("no ballots.jsonl").fail("ballots.jsonl: missing from the record");
            return BallotFacts.missing();
        }
        Optional<Tally.Counter> counter = poll.map(Tally::counter);
        long read = 0;
        long wellFormed = 0;
        String previous = null;
        // Each distinct line is parsed and checked once (a poll has few: 3^4 and blanks).
        Map<String, BallotContent> seen = new HashMap<>();
        try (BufferedReader in = zip.lines(RecordFiles.BALLOTS)) {
            for (String line; (line = in.readLine()) != null; ) {
                read++;
                String where = "ballots.jsonl line " + read;
                if (previous != null && line.compareTo(previous) < 0) {
                    step.fail(where + ": expected the ballots sorted by their text; this one comes before line " + (read - 1));
                }
                previous = line;
                if (poll.isEmpty()) continue;
                BallotContent parsed = seen.get(line);
                if (parsed == null) {
                    parsed = BallotContent.parse(poll.get(), line);
                    if (seen.size() < 10_000) seen.put(line, parsed);
                }
                if (parsed.problem().isEmpty()) wellFormed++;
                else step.fail(where + ": " + parsed.problem());
                if (parsed.answers() != null) counter.get().add(parsed.answers());
            }
        } catch (IOException e) {
            step.fail("ballots.jsonl line " + (read + 1) + ": not readable UTF-8 text (" + e.getMessage() + ")");
        }
        step.summary(read + " read, " + wellFormed + " well-formed" + (poll.isEmpty() ? " (no poll definition to check them by)" : ""));
        if (poll.isEmpty()) step.fail("cannot check the ballots without a readable poll.json");
        return new BallotFacts(true, read, wellFormed, counter);
    }
}
