package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import kioskvote.meeting.Poll;

/**
 * Step 6, commitment: commitment.txt hashes to what the audit chain fixed at the open, a sealed poll's box key in
 * it is signed by the meeting key (BoxKeyCheck), and every spent token was either committed then or logged as
 * issued before the close.
 */
final class CommitmentCheck {
    private CommitmentCheck() {
    }

    /** The commitment's header (read first: it names the meeting key the manifest must be signed with); problems go to step 6. */
    static Optional<Commitment> header(RecordZip zip, Step step) {
        if (!zip.has(RecordFiles.COMMITMENT)) return Optional.empty();
        try (BufferedReader in = zip.lines(RecordFiles.COMMITMENT)) {
            List<String> header = new ArrayList<>();
            for (String line; header.size() < Commitment.MAX_HEADER_LINES && (line = in.readLine()) != null; ) header.add(line);
            return Optional.of(Commitment.parse(header));
        } catch (IllegalArgumentException e) {
            step.fail("commitment.txt " + e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            step.fail("commitment.txt: not readable text (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    static void check(RecordZip zip, Optional<Commitment> commitment, Optional<Poll> poll, AuditFacts audit, Step step) {
        if (!zip.has(RecordFiles.COMMITMENT) || commitment.isEmpty()) {
            step.summary("no commitment").fail("commitment.txt: missing from the record, or unreadable; the slips cannot be checked");
            return;
        }
        if (!zip.has(RecordFiles.SPENT_TOKENS)) {
            step.summary("no spent tokens").fail("spent-tokens.txt: missing from the record");
            return;
        }
        Commitment c = commitment.get();
        DigestInputStream raw = new DigestInputStream(zip.stream(RecordFiles.COMMITMENT), RecordZip.sha256());
        long committed = 0;
        long spent = 0;
        long inCommitment = 0;
        long loggedLater = 0;
        try (BufferedReader tokens = zip.reader(RecordFiles.COMMITMENT, raw); BufferedReader spentIn = zip.lines(RecordFiles.SPENT_TOKENS)) {
            for (int i = 0; i < c.headerLines(); i++) tokens.readLine();
            String previous = null;
            String next = tokens.readLine();
            for (String s; (s = spentIn.readLine()) != null; ) {
                spent++;
                while (next != null && next.compareTo(s) < 0) {
                    committed++;
                    previous = checkOrder(next, previous, committed, c.headerLines(), step);
                    next = tokens.readLine();
                }
                if (next != null && next.equals(s)) {
                    inCommitment++;
                } else if (audit.loggedBeforeClose().contains(s)) {
                    loggedLater++;
                } else {
                    step.fail("spent-tokens.txt line " + spent + ": token " + s.substring(0, Math.min(16, s.length()))
                            + "… voted, but is neither in the commitment made at the open nor logged as issued before the close");
                }
            }
            while (next != null) {
                committed++;
                previous = checkOrder(next, previous, committed, c.headerLines(), step);
                next = tokens.readLine();
            }
        } catch (IOException e) {
            step.fail("commitment.txt: not readable (" + e.getMessage() + ")");
        }
        String fingerprint = HexFormat.of().formatHex(raw.getMessageDigest().digest());
        String box = BoxKeyCheck.check(c, poll, step);
        if (committed != c.tokens()) step.fail("commitment.txt: the header says " + c.tokens() + " tokens, " + committed + " follow it");
        audit.committed().ifPresentOrElse(logged -> {
            if (!logged.equals(fingerprint)) step.fail("commitment.txt: hashes to " + fingerprint + "; the audit chain's poll-committed line "
                    + "(made at the open) expects " + logged);
        }, () -> step.fail("audit.jsonl: expected a poll-committed line for this poll; none found"));
        step.summary("sha256 " + fingerprint.substring(0, 16) + "… covers " + committed + " slips" + box + "; " + spent + " spent tokens: "
                + inCommitment + " committed at the open, " + loggedLater + " logged later, " + (spent - inCommitment - loggedLater) + " outside"
                // what check-page --expect compares a station's ballot page with (absent from commitments made before it was pinned)
                + c.ballotPageSha256().map(page -> "; ballot page sha256 " + page).orElse(""));
    }

    private static String checkOrder(String token, String previous, long line, int headerLines, Step step) {
        if (!VerifyText.HASH.matcher(token).matches()) step.fail("commitment.txt line " + (line + headerLines)
                + ": expected a token hash (64 hex digits), found " + VerifyText.abbreviate(token));
        else if (previous != null && token.compareTo(previous) <= 0) step.fail("commitment.txt line " + (line + headerLines)
                + ": expected each token once, in ascending order");
        return token;
    }
}
