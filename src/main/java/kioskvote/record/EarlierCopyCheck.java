package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            for (String field : List.of("meeting", "poll", "recordHead", "ballots")) {
                if (!manifest.path(field).equals(laterManifest.path(field))) {
                    step.fail("manifest.json " + field + ": earlier " + manifest.path(field) + ", now " + laterManifest.path(field));
                }
            }
            Map<String, String> now = new LinkedHashMap<>();
            laterManifest.path("files").forEach(f -> now.put(f.path("name").asText(), f.path("sha256").asText()));
            long unchanged = 0;
            for (JsonNode f : manifest.path("files")) {
                String name = f.path("name").asText();
                if (name.equals(RecordFiles.AUDIT)) continue;
                if (!now.containsKey(name)) step.fail(name + ": in the earlier copy, removed since");
                else if (!now.get(name).equals(f.path("sha256").asText())) {
                    step.fail(name + ": changed since the earlier copy (sha256 " + f.path("sha256").asText().substring(0, 16) + "… → "
                            + now.get(name).substring(0, 16) + "…)");
                    if (name.equals(RecordFiles.BALLOTS) && earlier.has(name) && later.has(name)) compareBallots(earlier, later, step);
                } else {
                    unchanged++;
                }
            }
            long[] grown = comparePrefix(earlier, later, step);
            step.summary(unchanged + " files unchanged; audit chain: " + grown[0] + " earlier entries kept, " + grown[1] + " added since");
        } catch (Unreadable e) {
            step.summary("unreadable").fail(e.getMessage());
        }
        return step;
    }

    /** Names the ballots removed, added or changed between two copies (both in receipt order). */
    private static void compareBallots(RecordZip earlier, RecordZip later, Step step) {
        try (BufferedReader a = earlier.reader(earlier.stream(RecordFiles.BALLOTS)); BufferedReader b = later.reader(later.stream(RecordFiles.BALLOTS))) {
            String x = a.readLine();
            String y = b.readLine();
            while (x != null || y != null) {
                String rx = x == null ? null : receiptOf(x);
                String ry = y == null ? null : receiptOf(y);
                int cmp = x == null ? 1 : y == null ? -1 : rx.compareTo(ry);
                if (cmp < 0) {
                    step.fail("ballot with receipt " + rx + ": in the earlier copy, removed since");
                    x = a.readLine();
                } else if (cmp > 0) {
                    step.fail("ballot with receipt " + ry + ": not in the earlier copy, added since");
                    y = b.readLine();
                } else {
                    if (!x.equals(y)) step.fail("ballot with receipt " + rx + ": changed since the earlier copy");
                    x = a.readLine();
                    y = b.readLine();
                }
            }
        } catch (IOException e) {
            step.fail("ballots.jsonl: not readable (" + e.getMessage() + ")");
        }
    }

    private static String receiptOf(String line) {
        JsonNode node = VerifyText.readJson(line);
        return node == null ? line : node.path("receipt").asText();
    }

    /** The earlier audit chain must be a prefix of the later one: nothing removed, nothing changed, only added. */
    private static long[] comparePrefix(RecordZip earlier, RecordZip later, Step step) {
        long kept = 0;
        long added = 0;
        try (BufferedReader a = earlier.reader(earlier.stream(RecordFiles.AUDIT)); BufferedReader b = later.reader(later.stream(RecordFiles.AUDIT))) {
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
