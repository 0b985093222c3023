package kioskvote.audit;

import java.time.Clock;
import java.util.List;

import org.jdbi.v3.core.Handle;

import kioskvote.store.AuditDao;
import kioskvote.store.AuditDao.AuditRow;

/**
 * The append-only, hash-chained log of administrative events. Each entry's hash covers the previous
 * hash, so changing or removing an old entry changes the head hash printed in the minutes.
 * Entries never hold a token or a choice.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends inside the caller's transaction, so the event and the action it records commit together. */
    public AuditRow append(Handle handle, String event, String detail) {
        AuditDao dao = new AuditDao(handle);
        var last = dao.last();
        long seq = last.map(r -> r.seq() + 1).orElse(1L);
        String prev = last.map(AuditRow::hash).orElse(GENESIS);
        String at = kioskvote.store.StoredTime.now(clock).toString();
        AuditRow row = new AuditRow(seq, at, event, detail, prev, chainHash(prev, seq, at, event, detail));
        dao.append(row);
        return row;
    }

    public static String chainHash(String prev, long seq, String at, String event, String detail) {
        return Sha256.hex(prev + "\n" + seq + "\n" + at + "\n" + event + "\n" + detail);
    }

    /** @return true when every entry's hash matches its content and its predecessor */
    public static boolean verifyChain(List<AuditRow> rows) {
        String prev = GENESIS;
        for (AuditRow row : rows) {
            if (!row.prevHash().equals(prev) || !row.hash().equals(chainHash(prev, row.seq(), row.at(), row.event(), row.detail()))) {
                return false;
            }
            prev = row.hash();
        }
        return true;
    }

    /** Where a chain breaks: the entry, its event, and what does not match. */
    public record Break(long seq, String event, String problem) {
    }

    /** The first entry whose hash, predecessor or number does not match, if any (checked at every start). */
    public static java.util.Optional<Break> firstBreak(List<AuditRow> rows) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditRow row : rows) {
            if (row.seq() != expectedSeq) {
                return java.util.Optional.of(new Break(row.seq(), row.event(), "expected entry " + expectedSeq + " here (an entry is missing)"));
            }
            if (!row.prevHash().equals(prev)) {
                return java.util.Optional.of(new Break(row.seq(), row.event(), "its previous hash is " + row.prevHash()
                        + ", the entry before it hashes to " + prev));
            }
            String computed = chainHash(prev, row.seq(), row.at(), row.event(), row.detail());
            if (!row.hash().equals(computed)) {
                return java.util.Optional.of(new Break(row.seq(), row.event(), "its content hashes to " + computed
                        + ", not to the stored " + row.hash() + " (the entry was edited)"));
            }
            prev = row.hash();
            expectedSeq++;
        }
        return java.util.Optional.empty();
    }

    public static String head(List<AuditRow> rows) {
        return rows.isEmpty() ? GENESIS : rows.get(rows.size() - 1).hash();
    }
}
