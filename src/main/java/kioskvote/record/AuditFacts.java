package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.audit.AuditDetail;
import kioskvote.audit.AuditLog;

/**
 * What the audit chain (audit.jsonl) says about one poll, read once: the definition hashed at the open, the
 * commitment's fingerprint, the ballots received at the close, the record's head, and the slips logged as
 * issued before the close, and the tokens spent in the poll without a ballot (lost slips replaced while it was
 * open). Reading it checks the chain itself (each entry's number, hash and link), into
 * step 8 (AuditCheck).
 */
record AuditFacts(long lines, Optional<String> openedDefinition, Optional<String> committed, Optional<Long> closedReceived,
                  Optional<String> headLogged, Optional<Long> headBallots, Optional<String> auditAtClose, long headLine,
                  Set<String> loggedBeforeClose, long spentWithoutBallot) {
    AuditFacts {
        loggedBeforeClose = Set.copyOf(loggedBeforeClose);
    }

    static AuditFacts read(RecordZip zip, String pollId, Step step) {
        long lines = 0;
        Optional<String> openedDefinition = Optional.empty();
        Optional<String> committed = Optional.empty();
        Optional<Long> closedReceived = Optional.empty();
        Optional<String> headLogged = Optional.empty();
        Optional<Long> headBallots = Optional.empty();
        Optional<String> auditAtClose = Optional.empty();
        long headLine = 0;
        Set<String> loggedBeforeClose = new HashSet<>();
        long spentWithoutBallot = 0;
        if (!zip.has(RecordFiles.AUDIT)) {
            step.fail("audit.jsonl: missing from the record");
            return new AuditFacts(0, openedDefinition, committed, closedReceived, headLogged, headBallots, auditAtClose, 0, loggedBeforeClose, 0);
        }
        String prev = AuditLog.GENESIS;
        boolean closed = false;
        try (BufferedReader in = zip.lines(RecordFiles.AUDIT)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                long at = lines;
                JsonNode n = VerifyText.readJson(line);
                if (n == null || !n.isObject()) {
                    step.fail("audit.jsonl line " + at + ": expected an audit entry as JSON, found " + VerifyText.abbreviate(line));
                    continue;
                }
                long seq = n.path("seq").asLong();
                String event = n.path("event").asText();
                String detail = n.path("detail").asText();
                String where = "audit.jsonl line " + at + " (entry " + seq + ", " + event + ")";
                if (seq != at) step.fail(where + ": expected entry number " + at + ", found " + seq);
                if (!n.path("prevHash").asText().equals(prev)) {
                    step.fail(where + ": expected the previous hash " + prev + ", found " + n.path("prevHash").asText());
                }
                String computed = AuditLog.chainHash(n.path("prevHash").asText(), seq, n.path("at").asText(), event, detail);
                if (!computed.equals(n.path("hash").asText())) {
                    step.fail(where + ": its content hashes to " + computed + ", the line says " + n.path("hash").asText() + " (edited)");
                }
                prev = n.path("hash").asText();
                if (AuditDetail.isFor(detail, pollId)) {
                    switch (event) {
                        case AuditDetail.POLL_OPENED -> openedDefinition = AuditDetail.field(detail, "definition-sha256");
                        case AuditDetail.POLL_COMMITTED -> committed = AuditDetail.field(detail, "commitment-sha256");
                        case AuditDetail.POLL_CLOSED -> {
                            closedReceived = AuditDetail.field(detail, "received").map(Long::parseLong);
                            closed = true;
                        }
                        case AuditDetail.SPENT_WITHOUT_BALLOT -> {
                            if (!closed) spentWithoutBallot += AuditDetail.field(detail, "tokens").map(Long::parseLong).orElse(0L);
                        }
                        case AuditDetail.RECORD_HEAD -> {
                            headLogged = AuditDetail.field(detail, "head");
                            headBallots = AuditDetail.field(detail, "ballots").map(Long::parseLong);
                            auditAtClose = Optional.of(n.path("prevHash").asText());
                            headLine = at;
                        }
                        default -> {
                        }
                    }
                }
                if (event.equals(AuditDetail.TOKENS_ISSUED) && !closed) {
                    AuditDetail.field(detail, "token-sha256").ifPresent(list -> loggedBeforeClose.addAll(List.of(list.split(","))));
                }
            }
        } catch (IOException | NumberFormatException e) {
            step.fail("audit.jsonl line " + (lines + 1) + ": not readable (" + e.getMessage() + ")");
        }
        return new AuditFacts(lines, openedDefinition, committed, closedReceived, headLogged, headBallots, auditAtClose, headLine,
                loggedBeforeClose, spentWithoutBallot);
    }
}
