package kioskvote.record;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.meeting.Poll;

/**
 * `kioskvote verify`: checks an election record with no station, no database and no private key, in
 * numbered steps, each printed with its counts and pass or FAIL, every failure listed (up to a cap per
 * step) with what was expected, what was found and where. Each step is a class (ManifestCheck … AuditCheck,
 * then the anchors asked for) over facts read once (RecordManifest, AuditFacts, BallotFacts). Streams: the
 * ballots, the spent tokens and the commitment are read line by line, so memory does not grow with the
 * record (docs/record.md).
 */
public final class RecordVerifier {
    public enum Outcome { VERIFIED, TAMPERED, UNREADABLE }

    /**
     * What the room was shown (the meeting key's fingerprint, the count and head at the close), or an earlier
     * copy, to compare the record with; and a voter's receipt code.
     */
    public record Anchors(Optional<String> receipt, OptionalLong count, Optional<String> head, Optional<Path> earlier, Optional<String> key) {
        public static Anchors none() {
            return new Anchors(Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Whether anything from outside the file says whose record it is. */
        boolean anchored() {
            return count.isPresent() || head.isPresent() || earlier.isPresent() || key.isPresent();
        }
    }

    private final PrintStream out;

    public RecordVerifier(PrintStream out) {
        this.out = out;
    }

    public Outcome verify(Path file, Anchors anchors) {
        try (RecordZip zip = RecordZip.open(file)) {
            return verify(file, zip, anchors);
        } catch (Unreadable e) {
            out.println("kioskvote verify: cannot read the record: " + e.getMessage());
            return Outcome.UNREADABLE;
        } catch (UncheckedIOException e) {
            out.println("kioskvote verify: cannot read the record: " + e.getCause().getMessage());
            return Outcome.UNREADABLE;
        }
    }

    private Outcome verify(Path file, RecordZip zip, Anchors anchors) throws Unreadable {
        RecordManifest manifest = RecordManifest.read(file, zip);
        out.println("kioskvote verify: " + file.getFileName() + " (meeting " + manifest.meetingId() + ", poll " + manifest.pollId() + ")");

        Step manifestStep = new Step("manifest");
        Step definitionStep = new Step("poll definition");
        Step ballotsStep = new Step("ballots");
        Step receiptsStep = new Step("receipt codes");
        Step countsStep = new Step("counts");
        Step commitmentStep = new Step("commitment");
        Step tallyStep = new Step("tally");
        Step auditStep = new Step("audit chain");
        List<Step> steps = new ArrayList<>(List.of(manifestStep, definitionStep, ballotsStep, receiptsStep, countsStep, commitmentStep,
                tallyStep, auditStep));

        Optional<Commitment> commitment = CommitmentCheck.header(zip, commitmentStep);
        Map<String, String> digests = ManifestCheck.check(zip, manifest, commitment, manifestStep);
        AuditFacts audit = AuditFacts.read(zip, manifest.pollId(), auditStep);
        Optional<Poll> poll = DefinitionCheck.check(zip, manifest, commitment, audit, definitionStep);
        BallotFacts ballots = BallotsCheck.check(zip, poll, ballotsStep);
        ReceiptsCheck.ReceiptFacts receipts = ReceiptsCheck.check(zip, ballots, anchors.receipt(), receiptsStep);
        Optional<JsonNode> counts = CountsCheck.check(zip, manifest.json(), ballots, audit, countsStep);
        CommitmentCheck.check(zip, commitment, poll, audit, commitmentStep);
        TallyCheck.check(zip, poll, ballots, counts, tallyStep);
        Optional<String> head = AuditCheck.check(zip, manifest, digests, ballots, audit, auditStep);

        anchors.receipt().ifPresent(code -> steps.add(ReceiptAnchorCheck.check(code, receipts, manifest.pollId())));
        if (anchors.count().isPresent() || anchors.head().isPresent() || anchors.key().isPresent()) {
            steps.add(AnchorsCheck.check(anchors, manifest, commitment, ballots, head));
        }
        anchors.earlier().ifPresent(earlier -> steps.add(EarlierCopyCheck.check(earlier, zip, manifest.json())));

        for (int i = 0; i < steps.size(); i++) steps.get(i).print(out, i + 1, steps.size());
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) if (!steps.get(i).passed()) failed.add(i + 1);
        if (failed.isEmpty()) {
            out.println("Result: verified — " + steps.size() + " of " + steps.size() + " steps passed. Record head "
                    + head.orElse("?") + ", " + ballots.read() + " ballots.");
            if (!anchors.anchored()) {
                // Anyone can build a consistent record with a key of their own: only what the room saw says whose it is.
                out.println("Note: this proves the record is consistent, not whose it is: a record made up and signed with any key"
                        + " would pass these steps too. Add --key FINGERPRINT (the meeting key's fingerprint printed on every slip,"
                        + " shown on the projector and in the minutes), and --count N --head HASH as shown at the close, or --earlier"
                        + " with a copy you downloaded before.");
            }
            return Outcome.VERIFIED;
        }
        out.println("Result: TAMPERED — step" + (failed.size() > 1 ? "s " : " ") + failed.toString().replaceAll("[\\[\\]]", "")
                + " failed (see above).");
        return Outcome.TAMPERED;
    }
}
