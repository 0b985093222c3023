package kioskvote.slip;

import java.util.List;

import org.jdbi.v3.core.Handle;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.store.CommitmentDao;
import kioskvote.store.SlipDao.NewToken;
import kioskvote.token.TokenHash;

/**
 * Tokens minted once a poll has opened (a run of slips, a batch of the desk's pool or of the printable reserve) are
 * not in its commitment: their public hashes go into the audit chain in the minting transaction ("tokens-issued"),
 * which is how `verify` accepts a ballot cast with one (docs/record.md).
 */
final class TokensIssuedLog {
    /** How many token hashes one audit line holds: the detail column takes 2,000 characters. */
    static final int HASHES_PER_AUDIT_LINE = 28;

    private final Meeting meeting;
    private final AuditLog audit;

    TokensIssuedLog(Meeting meeting, AuditLog audit) {
        this.meeting = meeting;
        this.audit = audit;
    }

    /**
     * Checked under the audit chain's lock, taken by the append before this call, which a poll's opening holds too:
     * a token is committed or logged.
     */
    void append(Handle h, String batchId, List<NewToken> rows) {
        if (rows.isEmpty() || !new CommitmentDao(h).anyCommitment()) return;
        List<String> hashes = rows.stream().map(row -> TokenHash.of(meeting.id(), row.serial())).sorted().toList();
        int parts = (hashes.size() + HASHES_PER_AUDIT_LINE - 1) / HASHES_PER_AUDIT_LINE;
        for (int part = 0; part < parts; part++) {
            List<String> chunk = hashes.subList(part * HASHES_PER_AUDIT_LINE, Math.min(hashes.size(), (part + 1) * HASHES_PER_AUDIT_LINE));
            audit.append(h, "tokens-issued", "batch=" + batchId + " part=" + (part + 1) + "/" + parts
                    + " token-sha256=" + String.join(",", chunk));
        }
    }
}
