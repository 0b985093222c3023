package kioskvote.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import kioskvote.audit.AuditLog;
import kioskvote.record.Commitment;

/**
 * What someone with write access to the station's database does to a sealed poll's box key, in plain SQL on
 * their own connection (psql, a JDBC console, an H2 file opened with the H2 tools): reads it, puts another key
 * (and signature) in poll_state, and rewrites the stored commitment to name it, its fingerprint and the audit
 * chain recomputed as the station would have written them.
 */
final class BoxKeyTamperer {
    record SignedKey(String keyHex, String signatureHex) {
    }

    private BoxKeyTamperer() {
    }

    static SignedKey boxKey(Connection c, String pollId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT box_public_key, box_signature FROM poll_state WHERE poll_id = ?")) {
            s.setString(1, pollId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new AssertionError("no poll " + pollId);
                return new SignedKey(r.getString(1), r.getString(2));
            }
        }
    }

    static void setBoxKey(Connection c, String pollId, SignedKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE poll_state SET box_public_key = ?, box_signature = ? WHERE poll_id = ?")) {
            s.setString(1, key.keyHex());
            s.setString(2, key.signatureHex());
            s.setString(3, pollId);
            if (s.executeUpdate() != 1) throw new AssertionError("no poll " + pollId);
        }
    }

    /** The stored commitment names {@code keyHex}; its fingerprint, the poll-committed line and every later hash of the chain follow. */
    static void rewriteCommittedBoxKey(Connection c, String pollId, String keyHex) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            String header = one(c, "SELECT header FROM poll_commitment WHERE poll_id = ?", pollId)
                    .replaceFirst("(?m)^box-public-key: .*$", "box-public-key: " + keyHex);
            List<String> tokens = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT token_hash FROM committed_token WHERE poll_id = ? ORDER BY token_hash")) {
                s.setString(1, pollId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) tokens.add(r.getString(1));
                }
            }
            String fingerprint = Commitment.parse(List.of(header.split("\n"))).fingerprint(tokens);
            try (PreparedStatement s = c.prepareStatement("UPDATE poll_commitment SET header = ?, sha256 = ? WHERE poll_id = ?")) {
                s.setString(1, header);
                s.setString(2, fingerprint);
                s.setString(3, pollId);
                s.executeUpdate();
            }
            String prev = AuditLog.GENESIS;
            try (PreparedStatement read = c.prepareStatement("SELECT seq, at, event, detail FROM audit_event ORDER BY seq");
                 PreparedStatement write = c.prepareStatement("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?");
                 ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    String event = r.getString(3);
                    String detail = r.getString(4);
                    if (event.equals("poll-committed") && detail.startsWith("poll=" + pollId + " ")) {
                        detail = detail.replaceFirst("commitment-sha256=\\S+", "commitment-sha256=" + fingerprint).replaceFirst(" box=\\S+", " box=" + keyHex);
                    }
                    String hash = AuditLog.chainHash(prev, seq, r.getString(2), event, detail);
                    write.setString(1, detail);
                    write.setString(2, prev);
                    write.setString(3, hash);
                    write.setLong(4, seq);
                    write.executeUpdate();
                    prev = hash;
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String one(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new AssertionError(sql + ": no row for " + value);
                return r.getString(1);
            }
        }
    }
}
