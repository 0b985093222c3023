package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.token.MeetingKey;

/** `--earlier OLD`: an earlier copy of the same record; nothing in it removed or changed since, its audit chain a prefix of this one. */
final class EarlierCopyCheck {
    private EarlierCopyCheck() {
    }

    static Step check(Path earlierFile, RecordZip later, JsonNode laterManifest) {
        Step step = new Step("earlier copy " + earlierFile.getFileName());
        try (RecordZip earlier = RecordZip.open(earlierFile)) {
            JsonNode manifest = earlier.json(RecordFiles.MANIFEST).filter(n -> n != null && n.isObject())
                    .orElseThrow(() -> new Unreadable(earlierFile + ": no manifest.json"));
            byte[] key = VerifyText.hex(manifest.path("meetingPublicKey").asText());
            byte[] sig = earlier.text(RecordFiles.SIGNATURE).map(t -> VerifyText.hex(t.strip())).orElse(null);
            if (key == null || sig == null || !MeetingKey.verify(key, earlier.small(RecordFiles.MANIFEST).orElseThrow(), sig)) {
                step.fail(earlierFile.getFileName() + ": its manifest's signature does not verify; it cannot vouch for anything");
            }
            if (!manifest.path("meetingPublicKey").equals(laterManifest.path("meetingPublicKey"))) {
                step.fail("meeting key: the earlier copy is signed by " + (key == null ? "?" : MeetingKey.fingerprintOf(key)) + ", this one by another");
            }
            for (String field : List.of("meeting", "poll")) {
                if (!manifest.path(field).equals(laterManifest.path(field))) {
                    step.fail("manifest.json " + field + ": earlier " + manifest.path(field) + ", now " + laterManifest.path(field));
                }
            }
            // The files themselves are compared, not what either manifest says of them: a manifest can be
            // rewritten (and re-signed by whoever holds the key) without its files.
            long unchanged = 0;
            for (String name : RecordFiles.SIGNED) {
                if (name.equals(RecordFiles.AUDIT)) continue;
                boolean before = earlier.has(name);
                boolean now = later.has(name);
                if (!before) continue;
                if (!now) {
                    step.fail(name + ": in the earlier copy, removed since");
                    continue;
                }
                RecordZip.Digest a = earlier.digest(name);
                RecordZip.Digest b = later.digest(name);
                if (a.sha256().equals(b.sha256())) {
                    unchanged++;
                    continue;
                }
                step.fail(name + ": changed since the earlier copy (sha256 " + a.sha256().substring(0, 16) + "… → " + b.sha256().substring(0, 16) + "…)");
                if (name.equals(RecordFiles.BALLOTS)) compareSorted(earlier, later, name, "ballot", step);
                if (name.equals(RecordFiles.RECEIPTS)) compareSorted(earlier, later, name, "receipt code", step);
            }
            long[] grown = comparePrefix(earlier, later, step);
            step.summary(unchanged + " files unchanged; audit chain: " + grown[0] + " earlier entries kept, " + grown[1] + " added since");
        } catch (Unreadable e) {
            step.summary("unreadable").fail(e.getMessage());
        }
        return step;
    }

    /** Names the lines removed or added between two copies of a sorted file (ballots.jsonl, receipts.txt), a repeated line counted. */
    private static void compareSorted(RecordZip earlier, RecordZip later, String name, String what, Step step) {
        try (BufferedReader a = earlier.lines(name); BufferedReader b = later.lines(name)) {
            String x = a.readLine();
            String y = b.readLine();
            while (x != null || y != null) {
                int cmp = x == null ? 1 : y == null ? -1 : x.compareTo(y);
                if (cmp < 0) {
                    step.fail(what + " " + VerifyText.abbreviate(x) + ": in the earlier copy, removed since");
                    x = a.readLine();
                } else if (cmp > 0) {
                    step.fail(what + " " + VerifyText.abbreviate(y) + ": not in the earlier copy, added since");
                    y = b.readLine();
                } else {
                    x = a.readLine();
                    y = b.readLine();
                }
            }
        } catch (IOException e) {
            step.fail(name + ": not readable (" + e.getMessage() + ")");
        }
    }

    /** The earlier audit chain must be a prefix of the later one: nothing removed, nothing changed, only added. */
    private static long[] comparePrefix(RecordZip earlier, RecordZip later, Step step) {
        long kept = 0;
        long added = 0;
        try (BufferedReader a = earlier.lines(RecordFiles.AUDIT); BufferedReader b = later.lines(RecordFiles.AUDIT)) {
            for (String x; (x = a.readLine()) != null; ) {
                String y = b.readLine();
                if (y == null) {
                    step.fail("audit.jsonl line " + (kept + 1) + ": in the earlier copy, removed since");
                    return new long[]{kept, 0};
                }
                if (!x.equals(y)) step.fail("audit.jsonl line " + (kept + 1) + ": changed since the earlier copy");
                kept++;
            }
            while (b.readLine() != null) added++;
        } catch (IOException | NullPointerException e) {
            step.fail("audit.jsonl: missing or unreadable in one of the copies");
        }
        return new long[]{kept, added};
    }
}
