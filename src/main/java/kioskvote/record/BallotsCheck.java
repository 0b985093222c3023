package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.meeting.Poll;
import kioskvote.tally.Tally;

/**
 * Step 3, ballots: every line of ballots.jsonl well-formed for the poll, and recounted on the way. The
 * receipt codes go to step 4 (ReceiptsCheck) in the same pass.
 */
final class BallotsCheck {
    private static final String LINE_START = "{\"receipt\":\"";
    private static final String LINE_MIDDLE = "\",\"answers\":";

    private BallotsCheck() {
    }

    static BallotFacts check(RecordZip zip, Optional<Poll> poll, Step step, ReceiptsCheck receipts) {
        if (!zip.has(RecordFiles.BALLOTS)) {
            step.summary("no ballots.jsonl").fail("ballots.jsonl: missing from the record");
            receipts.missing();
            return BallotFacts.missing();
        }
        Optional<Tally.Counter> counter = poll.map(Tally::counter);
        long read = 0;
        long wellFormed = 0;
        // The station writes every line as {"receipt":"XXXX-XXXX","answers":{…}}: the answers are cut out and each
        // distinct one is parsed and checked once (a poll has few: 3^4 and blanks), anything else parsed whole.
        Map<String, BallotContent> seen = new HashMap<>();
        try (BufferedReader in = zip.reader(zip.stream(RecordFiles.BALLOTS))) {
            for (String line; (line = in.readLine()) != null; ) {
                read++;
                long at = read;
                String code;
                String answersText;
                if (line.length() > 34 && line.startsWith(LINE_START) && line.startsWith(LINE_MIDDLE, 21) && line.endsWith("}")) {
                    code = line.substring(12, 21);
                    answersText = line.substring(33, line.length() - 1);
                } else {
                    JsonNode node = VerifyText.readJson(line);
                    if (node == null || !node.isObject() || !node.path("receipt").isTextual() || !node.path("answers").isObject() || node.size() != 2) {
                        step.fail("ballots.jsonl line " + at + ": expected {\"receipt\": \"XXXX-XXXX\", \"answers\": {…}}, found "
                                + VerifyText.abbreviate(line));
                        continue;
                    }
                    code = node.get("receipt").asText();
                    answersText = node.get("answers").toString();
                }
                receipts.accept(code, at);
                if (poll.isEmpty()) continue;
                BallotContent parsed = seen.get(answersText);
                if (parsed == null) {
                    parsed = BallotContent.parse(poll.get(), answersText);
                    if (seen.size() < 10_000) seen.put(answersText, parsed);
                }
                if (parsed.problem().isEmpty()) wellFormed++;
                else step.fail("ballots.jsonl line " + at + " (receipt " + code + "): " + parsed.problem());
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
