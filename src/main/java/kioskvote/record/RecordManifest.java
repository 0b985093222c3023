package kioskvote.record;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** manifest.json as read: its bytes (what the signature covers), its JSON, and the meeting, poll and key it names. */
record RecordManifest(JsonNode json, byte[] bytes, String meetingId, String pollId, String keyHex) {
    static RecordManifest read(Path file, RecordZip zip) throws Unreadable {
        JsonNode manifest = zip.json(RecordFiles.MANIFEST).orElseThrow(() -> new Unreadable(file + ": no manifest.json (not a kioskvote record)"));
        if (manifest == null || !manifest.isObject()) throw new Unreadable(file + ": manifest.json is not JSON");
        byte[] bytes = zip.small(RecordFiles.MANIFEST).orElseThrow();
        return new RecordManifest(manifest, bytes, manifest.path("meeting").asText("?"), manifest.path("poll").asText("?"),
                manifest.path("meetingPublicKey").asText(""));
    }
}
