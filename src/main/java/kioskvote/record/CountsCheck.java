package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Step 5, counts: one spent token per ballot, plus one per lost slip replaced while the poll was open (the
 * replacement is spent without a ballot, as the audit chain says); the ballots received as published; no more
 * ballots than slips issued less voided.
 */
final class CountsCheck {
    private CountsCheck() {
    }

    /** counts.json, when present and JSON (for the recount, step 7). */
    static Optional<JsonNode> check(RecordZip zip, JsonNode manifest, BallotFacts ballots, AuditFacts audit, Step step) {
        if (manifest.path("ballots").asLong(-1) != ballots.read()) {
            step.fail("manifest.json ballots: " + manifest.path("ballots") + "; expected the " + ballots.read() + " ballots in ballots.jsonl");
        }
        Optional<JsonNode> counts = zip.json(RecordFiles.COUNTS).filter(n -> n != null && n.isObject());
        long spent = 0;
        if (!zip.has(RecordFiles.SPENT_TOKENS)) {
            step.fail("spent-tokens.txt: missing from the record");
        } else {
            String previous = null;
            try (BufferedReader in = zip.lines(RecordFiles.SPENT_TOKENS)) {
                for (String line; (line = in.readLine()) != null; ) {
                    spent++;
                    if (!VerifyText.HASH.matcher(line).matches()) {
                        step.fail("spent-tokens.txt line " + spent + ": expected a token hash (64 hex digits), found " + VerifyText.abbreviate(line));
                    } else if (previous != null && line.compareTo(previous) <= 0) {
                        step.fail("spent-tokens.txt line " + spent + ": expected each token once, in ascending order; found " + line.substring(0, 16)
                                + "… after " + previous.substring(0, 16) + "…");
                    }
                    previous = line;
                }
            } catch (IOException e) {
                step.fail("spent-tokens.txt: not readable (" + e.getMessage() + ")");
            }
        }
        if (counts.isEmpty()) {
            step.summary(ballots.read() + " ballots, " + spent + " tokens spent").fail("counts.json: missing from the record, or not JSON");
            return Optional.empty();
        }
        JsonNode c = counts.get();
        long received = c.path("received").asLong(-1);
        long issued = c.path("issued").asLong(-1);
        long voided = c.path("voided").asLong(-1);
        if (received != ballots.read()) step.fail("counts.json received: " + received + " as published; expected the " + ballots.read()
                + " ballots in ballots.jsonl");
        long replaced = audit.spentWithoutBallot();
        if (spent != ballots.read() + replaced) {
            step.fail("spent-tokens.txt: " + spent + " tokens spent; expected one per ballot, " + ballots.read()
                    + (replaced > 0 ? ", and " + replaced + " spent without a ballot (audit.jsonl, lost slips replaced) = " + (ballots.read() + replaced) : ""));
        }
        if (ballots.read() > issued - voided) step.fail("ballots received " + ballots.read() + "; expected at most the slips issued less those voided, "
                + issued + " − " + voided + " = " + (issued - voided) + " (counts.json)");
        step.summary(ballots.read() + " ballots received, " + spent + " tokens spent" + (replaced > 0 ? " (" + replaced
                + " without a ballot: lost slips replaced)" : "") + ", " + issued + " slips issued − " + voided + " voided = "
                + (issued - voided));
        return counts;
    }
}
