package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.ProcessTest;

/**
 * The station started with umask 022 (files 644, directories 755 by default) and a data directory an earlier
 * version left open: the directory ends 0700 and every file in it (database, H2's trace log, key files) 0600.
 */
@ProcessTest
class DataDirectoryModesTest {
    @TempDir
    Path dir;

    @Test
    void withUmask022TheDataDirectoryIs700AndItsFiles600() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("meeting.yaml"), ThreePollMeeting.MEETING_YAML.formatted(3, ThreePollMeeting.PASSPHRASE));
        Path data = Files.createDirectories(dir.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path leftOpen = Files.writeString(data.resolve("kioskvote.trace.db"), "an old log\n");
        Files.setPosixFilePermissions(leftOpen, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "kioskvote.Main", "serve", "--config", config.toString(), "--data", data.toString(), "--port", "0",
                "--base-url", "http://127.0.0.1:7070"));
        Process station = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.contains("Ready on port")) break;
            }
            assertTrue(seen.toString().contains("Ready on port"), seen.toString());

            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "the data directory");
            List<Path> files;
            try (Stream<Path> list = Files.list(data)) {
                files = list.filter(Files::isRegularFile).toList();
            }
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("kioskvote.mv.db")), files.toString());
            for (Path file : files) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.getFileName().toString());
            }
        } finally {
            station.destroy();
            if (!station.waitFor(20, TimeUnit.SECONDS)) station.destroyForcibly().waitFor();
        }
    }
}
