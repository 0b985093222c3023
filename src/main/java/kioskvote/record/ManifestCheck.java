package kioskvote.record;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.token.MeetingKey;

/**
 * Step 1, manifest: the meeting key's signature of manifest.json, the key committed at the open, and every
 * file's size and SHA-256 as listed (nothing missing, nothing added, nothing twice).
 */
final class ManifestCheck {
    private ManifestCheck() {
    }

    /** The SHA-256 of every listed file present, by name (for the record's head, step 8). */
    static Map<String, String> check(RecordZip zip, RecordManifest record, Optional<Commitment> commitment, Step step) {
        JsonNode manifest = record.json();
        Map<String, String> digests = new LinkedHashMap<>();
        if (!RecordFiles.FORMAT.equals(manifest.path("format").asText())) {
            step.fail("manifest.json format: expected " + RecordFiles.FORMAT + ", found " + manifest.path("format"));
        }
        byte[] key = VerifyText.hex(record.keyHex());
        String fingerprint = key == null ? "?" : MeetingKey.fingerprintOf(key);
        byte[] signature = zip.text(RecordFiles.SIGNATURE).map(t -> VerifyText.hex(t.strip())).orElse(null);
        if (signature == null) {
            step.fail("manifest.sig: expected the meeting key's signature (128 hex digits), found "
                    + (zip.has(RecordFiles.SIGNATURE) ? "something else" : "no file"));
        } else if (key == null || !MeetingKey.verify(key, record.bytes(), signature)) {
            step.fail("manifest.sig: expected a signature of manifest.json by the key it names (" + fingerprint + "); it does not verify");
        }
        if (key != null && !fingerprint.equals(manifest.path("keyFingerprint").asText())) {
            step.fail("manifest.json keyFingerprint: " + manifest.path("keyFingerprint") + "; the key it names has the fingerprint " + fingerprint);
        }
        commitment.ifPresent(c -> {
            if (!c.meetingPublicKeyHex().equalsIgnoreCase(record.keyHex())) {
                byte[] committed = VerifyText.hex(c.meetingPublicKeyHex());
                step.fail("manifest.json: signed by the key " + fingerprint + "; expected the meeting key committed at the open, "
                        + (committed == null ? c.meetingPublicKeyHex() : MeetingKey.fingerprintOf(committed)) + " (commitment.txt line 5)");
            }
        });
        Set<String> listed = new HashSet<>();
        int intact = 0;
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            listed.add(name);
            if (!zip.has(name)) {
                step.fail(name + ": listed in the manifest (sha256 " + f.path("sha256").asText() + "), missing from the record");
                continue;
            }
            RecordZip.Digest d = zip.digest(name);
            digests.put(name, d.sha256());
            if (!d.sha256().equals(f.path("sha256").asText()) || d.bytes() != f.path("bytes").asLong()) {
                step.fail(name + ": expected sha256 " + f.path("sha256").asText() + " (" + f.path("bytes").asLong() + " bytes) as the manifest says, found "
                        + d.sha256() + " (" + d.bytes() + " bytes)");
            } else {
                intact++;
            }
        }
        for (String name : RecordFiles.SIGNED) {
            if (!listed.contains(name)) step.fail(name + ": expected in the manifest, not listed");
        }
        for (String name : zip.names()) {
            if (!listed.contains(name) && !name.equals(RecordFiles.MANIFEST) && !name.equals(RecordFiles.SIGNATURE)) {
                step.fail(name + ": in the record but not in the manifest");
            }
        }
        zip.duplicates().forEach(name -> step.fail(name + ": appears twice in the zip"));
        step.summary(listed.size() + " files listed, " + intact + " intact; signed by meeting key " + fingerprint);
        return Map.copyOf(digests);
    }
}
