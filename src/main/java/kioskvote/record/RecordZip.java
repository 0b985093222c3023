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

/** An election record opened for reading: its entries by name, each read as a stream (never whole, but for small files). */
final class RecordZip implements AutoCloseable {
    /** Small files (manifest, definitions, figures, head) are read whole; anything above this is not a record's. */
    private static final int SMALL_FILE_LIMIT = 4 << 20;

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private RecordZip(ZipFile zip) {
        this.zip = zip;
        zip.stream().forEach(e -> {
            if (entries.putIfAbsent(e.getName(), e) != null) duplicates.add(e.getName());
        });
    }

    static RecordZip open(Path file) throws Unreadable {
        if (!Files.isRegularFile(file)) throw new Unreadable(file + ": no such file");
        try {
            return new RecordZip(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unreadable(file + ": not a zip file (" + e.getMessage() + ")");
        }
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

    InputStream stream(String name) {
        try {
            return zip.getInputStream(entries.get(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF-8 reader that fails on malformed bytes rather than replacing them. */
    BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
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
