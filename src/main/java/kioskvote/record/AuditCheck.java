package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kioskvote.audit.Sha256;

/**
 * Step 8, audit chain: the chain itself (checked as it was read, AuditFacts), its poll-closed and record-head
 * lines agreeing with the ballots, and the record's head recomputed from the files and compared with the head
 * the chain fixed at the close, head.txt and the manifest.
 */
final class AuditCheck {
    private AuditCheck() {
    }

    /** The record's head recomputed from its files, if they are all there. */
    static Optional<String> check(RecordZip zip, RecordManifest manifest, Map<String, String> digests, BallotFacts ballots,
                                  AuditFacts audit, Step step) {
        String pollId = manifest.pollId();
        audit.closedReceived().ifPresentOrElse(received -> {
            if (received != ballots.read()) step.fail("audit.jsonl: the poll-closed line says received=" + received + "; expected the "
                    + ballots.read() + " ballots in ballots.jsonl");
        }, () -> step.fail("audit.jsonl: expected a poll-closed line for poll " + pollId + "; none found"));
        if (audit.headLogged().isEmpty()) {
            step.fail("audit.jsonl: expected a record-head line for poll " + pollId + " (written when its ballots became final); none found");
        }
        audit.headBallots().ifPresent(n -> {
            if (n != ballots.read()) step.fail("audit.jsonl line " + audit.headLine() + ": record-head says ballots=" + n + "; expected the "
                    + ballots.read() + " in ballots.jsonl");
        });
        Optional<String> recomputed = Optional.empty();
        List<String> needed = List.of(RecordFiles.COMMITMENT, RecordFiles.BALLOTS, RecordFiles.RECEIPTS, RecordFiles.SPENT_TOKENS, RecordFiles.COUNTS, RecordFiles.TALLY);
        if (audit.auditAtClose().isPresent() && needed.stream().allMatch(digests::containsKey)) {
            long spent = countLines(zip, RecordFiles.SPENT_TOKENS);
            RecordHead head = new RecordHead(manifest.meetingId(), pollId, digests.get(RecordFiles.COMMITMENT), ballots.read(),
                    digests.get(RecordFiles.BALLOTS), digests.get(RecordFiles.RECEIPTS), spent, digests.get(RecordFiles.SPENT_TOKENS), digests.get(RecordFiles.COUNTS),
                    digests.get(RecordFiles.TALLY), audit.auditAtClose().get());
            String hash = head.hash();
            recomputed = Optional.of(hash);
            audit.headLogged().ifPresent(logged -> {
                if (!logged.equals(hash)) step.fail("audit.jsonl line " + audit.headLine() + ": the record-head line fixed at the close says "
                        + logged + "; the record's files give " + hash);
            });
            Optional<String> text = zip.text(RecordFiles.HEAD);
            if (text.isEmpty()) step.fail("head.txt: missing from the record");
            else if (!text.get().equals(head.text())) step.fail("head.txt: expected the head recomputed from the files (" + hash + "), found "
                    + Sha256.hex(text.get()));
            String published = manifest.json().path("recordHead").asText();
            if (!hash.equals(published)) step.fail("manifest.json recordHead: " + published + "; the record's files give " + hash);
        } else {
            step.fail("the record's head cannot be recomputed (files missing, or no record-head line)");
        }
        step.summary(audit.lines() + " entries, chain " + (step.passed() ? "intact" : "checked") + "; record head "
                + recomputed.map(h -> h.substring(0, 16) + "…").orElse("?"));
        return recomputed;
    }

    private static long countLines(RecordZip zip, String name) {
        try (BufferedReader in = zip.lines(name)) {
            long n = 0;
            while (in.readLine() != null) n++;
            return n;
        } catch (IOException e) {
            return -1;
        }
    }
}
