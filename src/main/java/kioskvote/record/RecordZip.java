package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An election record opened for reading: its entries by name, each read as a stream (never whole, but for small
 * files). Bounded, so a hostile zip cannot exhaust `verify`'s memory: at most {@link #MAX_ENTRIES} entries, each
 * at most {@link #MAX_ENTRY_BYTES} once inflated, lines at most {@link BoundedLineReader#MAX_LINE} characters.
 * Past a bound the record is unreadable (an UncheckedIOException naming the entry; exit code 3).
 */
final class RecordZip implements AutoCloseable {
    /** Small files (manifest, definitions, figures, head) are read whole; anything above this is not a record's. */
    private static final int SMALL_FILE_LIMIT = 4 << 20;
    /** A record has 12 files. */
    static final int MAX_ENTRIES = 64;
    /** 100,000 ballots take 10 MB, a commitment of a million slips 65 MB. */
    static final long MAX_ENTRY_BYTES = 512L << 20;

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private RecordZip(ZipFile zip) {
        this.zip = zip;
    }

    static RecordZip open(Path file) throws Unreadable {
        if (!Files.isRegularFile(file)) throw new Unreadable(file + ": no such file");
        ZipFile opened;
        try {
            opened = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(file + ": not a zip file (" + e.getMessage() + ")");
        }
        RecordZip record = new RecordZip(opened);
        int size = opened.size();
        if (size > MAX_ENTRIES) {
            record.close();
            throw new Unreadable(file + ": " + size + " entries; a kioskvote record has 12 (at most " + MAX_ENTRIES + " are read)");
        }
        for (var e = opened.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (record.entries.putIfAbsent(entry.getName(), entry) != null) record.duplicates.add(entry.getName());
        }
        return record;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    /** The entry's bytes, inflated as they are read; past {@link #MAX_ENTRY_BYTES} the record is unreadable. */
    InputStream stream(String name) {
        try {
            return new Bounded(name, zip.getInputStream(entries.get(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry's lines, UTF-8, bounded in length. */
    BufferedReader lines(String name) {
        return reader(name, stream(name));
    }

    /** A UTF-8 reader of the entry {@code name} that fails on malformed bytes rather than replacing them, its lines bounded. */
    BufferedReader reader(String name, InputStream in) {
        return new BoundedLineReader(name, new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** An entry's stream that stops the reading once the entry is larger than any record's file. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final String name;
        private long read;

        Bounded(String name, InputStream in) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_ENTRY_BYTES) {
                throw new UncheckedIOException(new IOException(name + ": larger than " + (MAX_ENTRY_BYTES >> 20)
                        + " MiB once inflated; no file of a kioskvote record is"));
            }
        }
    }

    Optional<byte[]> small(String name) {
        if (!has(name)) return Optional.empty();
        try (InputStream in = stream(name)) {
            byte[] bytes = in.readNBytes(SMALL_FILE_LIMIT + 1);
            if (bytes.length > SMALL_FILE_LIMIT) throw new UncheckedIOException(new IOException(name + " is larger than 4 MiB"));
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> text(String name) {
        return small(name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    Optional<JsonNode> json(String name) {
        return text(name).map(t -> {
            try {
                return RecordFiles.JSON.readTree(t);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** SHA-256 and size of an entry, streamed. */
    Digest digest(String name) {
        try (InputStream in = new DigestInputStream(stream(name), sha256())) {
            long bytes = in.transferTo(OutputStreamNull.INSTANCE);
            return new Digest(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Digest(String sha256, long bytes) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
