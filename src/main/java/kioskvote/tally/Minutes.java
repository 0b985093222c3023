package kioskvote.tally;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Meeting;
import kioskvote.text.Language;

/**
 * Everything the counting minutes (biên bản kiểm phiếu) of one poll print: the meeting header,
 * the tally, and the evidence that lets anyone check it (key fingerprint, frozen poll definition
 * hash, audit-log head and entries, receipt codes).
 */
public record Minutes(Meeting meeting, PollTally tally, String keyFingerprint, String pollDefinitionHash,
                      String auditHeadHash, List<AuditLine> auditLog, Optional<String> openedAt,
                      Optional<String> closedAt, List<String> receiptCodes, Language language) {
    public Minutes {
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(pollDefinitionHash, "pollDefinitionHash");
        Objects.requireNonNull(auditHeadHash, "auditHeadHash");
        auditLog = List.copyOf(auditLog);
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        // Sorted so the list reveals nothing about the order ballots were cast in.
        receiptCodes = receiptCodes.stream().sorted().toList();
        Objects.requireNonNull(language, "language");
    }
}
