package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.ProcessTest;
import kioskvote.StationCommand;

/**
 * Hostile records, built here as an attacker would (a gigabyte line compressed to about a megabyte, a zip of
 * 400,000 entries): `verify` in its own JVM with a 64 MB heap calls each unreadable (exit code 3) and names
 * the entry, instead of running out of memory (which would also have exited 1, the code of "tampered").
 * The command line in a JVM of its own is the point (its heap, its exit code), and deflating and reading three
 * gigabyte lines takes minutes on two cores: a process test, in the whole suite only.
 */
@ProcessTest
class HostileRecordTest {
    @TempDir
    static Path dir;

    @Test
    void aGigabyteLineInBallotsAuditOrCommitmentIsUnreadableAndNamed() throws Exception {
        for (String name : List.of(RecordFiles.BALLOTS, RecordFiles.AUDIT, RecordFiles.COMMITMENT)) {
            Path zip = withOneLongLine(name, 1L << 30);
            assertTrue(Files.size(zip) < 8 << 20, "a small zip: " + Files.size(zip));
            var run = verifyIn64m(zip);
            assertEquals(VerifyCommand.UNREADABLE, run.exit(), run.output());
            // commitment.txt's header is read first, line by line: its first line is refused before the file's size.
            assertTrue(run.output().contains("cannot read the record: " + name + (name.equals(RecordFiles.COMMITMENT)
                    ? " line 1: longer than 1048576 characters" : ": larger than 512 MiB")), run.output());
            assertFalse(run.output().contains("OutOfMemoryError"), run.output());
        }
    }

    @Test
    void aLineLongerThanAnyRecordHoldsIsUnreadableAndNamedWithItsLine() throws Exception {
        Path zip = withOneLongLine(RecordFiles.BALLOTS, 64L << 20);
        var run = verifyIn64m(zip);
        assertEquals(VerifyCommand.UNREADABLE, run.exit(), run.output());
        assertTrue(run.output().contains("cannot read the record: ballots.jsonl line 1: longer than 1048576 characters"), run.output());
    }

    @Test
    void aZipOf400000EntriesIsUnreadable() throws Exception {
        Path zip = dir.resolve("many-entries.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 400_000; i++) {
                ZipEntry empty = new ZipEntry("e" + i);
                empty.setMethod(ZipEntry.STORED); // no deflater per entry: the zip is built in seconds
                empty.setSize(0);
                empty.setCompressedSize(0);
                empty.setCrc(0);
                out.putNextEntry(empty);
                out.closeEntry();
            }
        }
        var run = verifyIn64m(zip);
        assertEquals(VerifyCommand.UNREADABLE, run.exit(), run.output());
        assertTrue(run.output().contains("400000 entries; a kioskvote record has 12"), run.output());
    }

    /** The demo record with {@code name} replaced by one line of {@code bytes} letters, no newline, deflated. */
    private static Path withOneLongLine(String name, long bytes) throws IOException {
        Forger demo = new Forger(DemoRecordTest.RECORD);
        Path zip = dir.resolve(name + "-" + bytes + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (var file : demo.files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                if (file.getKey().equals(name)) writeLetters(out, bytes);
                else out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void writeLetters(OutputStream out, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        for (long written = 0; written < bytes; written += chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
    }

    record Run(int exit, String output) {
    }

    private static Run verifyIn64m(Path zip) throws IOException, InterruptedException {
        StationCommand.Result result = StationCommand.run(List.of("-Xmx64m"), "verify", zip.toString());
        return new Run(result.exitCode(), result.output());
    }
}
