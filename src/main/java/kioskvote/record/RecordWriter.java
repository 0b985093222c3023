package kioskvote.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import kioskvote.token.MeetingKey;

/**
 * Writes an election record as a zip, one file at a time as the data is read (100,000 ballots never sit in
 * memory), then manifest.json (every file's name, size and SHA-256, the meeting key, the record's head)
 * and manifest.sig (the meeting key's Ed25519 signature of manifest.json, hex). Entries carry a fixed
 * date, so the zip says nothing about when it was made and two downloads of the same record are equal.
 */
public final class RecordWriter implements AutoCloseable {
    /** 1980-01-01, the earliest date a zip entry can hold. */
    private static final long FIXED_TIME = 315532800000L + 12 * 3600_000L;

    /** Receives the lines of a text file; each gets a "\n". */
    public interface Lines {
        void line(String line);
    }

    private record Entry(String name, long bytes, String sha256) {
    }

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();

    public RecordWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    public void text(String name, String text) {
        file(name, lines -> rawText(text));
    }

    /** A file written line by line by {@code writer}; {@code header} (already ending in "\n") comes first. */
    public void lines(String name, String header, Consumer<Lines> writer) {
        file(name, lines -> {
            rawText(header);
            writer.accept(lines);
        });
    }

    private MessageDigest current;
    private long currentBytes;

    private void file(String name, Consumer<Lines> writer) {
        try {
            ZipEntry entry = new ZipEntry(name);
            entry.setTime(FIXED_TIME);
            zip.putNextEntry(entry);
            current = MessageDigest.getInstance("SHA-256");
            currentBytes = 0;
            writer.accept(line -> rawText(line + "\n"));
            zip.closeEntry();
            entries.add(new Entry(name, currentBytes, HexFormat.of().formatHex(current.digest())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void rawText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        current.update(bytes);
        currentBytes += bytes.length;
        try {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes manifest.json and its signature and finishes the zip. */
    public void sign(MeetingKey key, String meetingId, String pollId, long ballots, String recordHead) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", RecordFiles.FORMAT);
        manifest.put("meeting", meetingId);
        manifest.put("poll", pollId);
        manifest.put("meetingPublicKey", HexFormat.of().formatHex(key.publicKey()));
        manifest.put("keyFingerprint", key.fingerprint());
        manifest.put("ballots", ballots);
        manifest.put("recordHead", recordHead);
        List<Object> files = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", e.name());
            f.put("bytes", e.bytes());
            f.put("sha256", e.sha256());
            files.add(f);
        }
        manifest.put("files", files);
        String json = RecordJson.write(manifest);
        text(RecordFiles.MANIFEST, json);
        text(RecordFiles.SIGNATURE, HexFormat.of().formatHex(key.sign(json.getBytes(StandardCharsets.UTF_8))) + "\n");
    }

    @Override
    public void close() {
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
