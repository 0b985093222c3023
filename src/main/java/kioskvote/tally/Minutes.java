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
                      Optional<String> closedAt, List<String> receiptCodes, Language language,
                      Optional<RecordAnchor> record, BoxSeal seal) {
    /**
     * The poll's election record as the room sees it (docs/record.md): the commitment fixed at the open and how
     * many slips it covers; once the ballots are final, their count and the record's head hash, which
     * `kioskvote verify --count --head` compares with any copy of the record; and the hash of the phone's ballot
     * page the commitment pins (record/BallotPage), which `kioskvote check-page` compares with what the station serves.
     */
    public record RecordAnchor(String commitmentSha256, long committedTokens, Optional<Long> ballots, Optional<String> recordHead,
                               Optional<String> ballotPageSha256) {
        public RecordAnchor {
            Objects.requireNonNull(commitmentSha256, "commitmentSha256");
            Objects.requireNonNull(ballots, "ballots");
            Objects.requireNonNull(recordHead, "recordHead");
            Objects.requireNonNull(ballotPageSha256, "ballotPageSha256");
        }

        /** An anchor of a commitment that pins no ballot page (made before the station pinned it). */
        public RecordAnchor(String commitmentSha256, long committedTokens, Optional<Long> ballots, Optional<String> recordHead) {
            this(commitmentSha256, committedTokens, ballots, recordHead, Optional.empty());
        }
    }

    /** Minutes of a poll without an election record (opened before the station made commitments), not sealed. */
    public Minutes(Meeting meeting, PollTally tally, String keyFingerprint, String pollDefinitionHash, String auditHeadHash,
                   List<AuditLine> auditLog, Optional<String> openedAt, Optional<String> closedAt, List<String> receiptCodes,
                   Language language) {
        this(meeting, tally, keyFingerprint, pollDefinitionHash, auditHeadHash, auditLog, openedAt, closedAt, receiptCodes, language,
                Optional.empty(), BoxSeal.notSealed());
    }

    public Minutes {
        Objects.requireNonNull(seal, "seal");
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
        Objects.requireNonNull(record, "record");
    }
}
