package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.App;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;
import kioskvote.token.MeetingKey;

/**
 * A meeting key file other users could read stops the start (someone may have copied it), and is left as it
 * was for the organiser to look at; the database file is 0600 after the count rewrites it (this JVM's umask is
 * 022, so a file H2 creates is 0644 unless the station fixes it).
 */
class KeyAndDatabaseFileModesTest {
    private static final String ORGANISER = "organiser-passphrase-1";

    @TempDir
    Path dir;

    @Test
    void aKeyFileOthersCanReadStopsTheStartWithWhatToCheckAndHowToFix() throws Exception {
        App.Settings settings = settings();
        App.Station first = App.open(settings, Clock.systemUTC(), new SecureRandom(), quiet());
        Database.close(first.jdbi());
        Path key = settings.keyDir().resolve(MeetingKey.PRIVATE_KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        MeetingKey.LooseKeyFile refused = assertThrows(MeetingKey.LooseKeyFile.class,
                () -> App.open(settings, Clock.systemUTC(), new SecureRandom(), quiet()));
        String message = refused.getMessage();
        assertTrue(message.contains(key.toString()) && message.contains("rw-r--r--"), message);
        assertTrue(message.contains("may already have copied it") && message.contains("chmod 600") && message.contains("new --data"), message);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "not silently made 0600");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Database.close(App.open(settings, Clock.systemUTC(), new SecureRandom(), quiet()).jdbi()); // fixed: it starts
    }

    @Test
    void theDatabaseAndTheBoxStorageKeyAreOwnerOnlyThroughTheCount() throws Exception {
        App.Settings settings = settings();
        App.Station station = App.open(settings, Clock.systemUTC(), new SecureRandom(), quiet());
        var server = App.serve(station, 0);
        try {
            Api organiser = new Api("http://127.0.0.1:" + server.port(), ORGANISER);
            assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/open", Map.of("confirmBelowQuorum", true)).status());
            assertEquals(java.util.List.of("rw-------"), modesOfEveryFileIn(settings.dataDir()), "while the poll is open (its storage key included)");
            assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
            Api.Reply counted = organiser.unseal("tin-nhiem", Api.sharesOf("tin-nhiem").enough());
            assertEquals(200, counted.status(), counted.body());
            assertTrue(counted.json().path("storageKeyDestroyed").asBoolean(), counted.body());
            assertEquals(java.util.List.of("rw-------"), modesOfEveryFileIn(settings.dataDir()), "after the count");
        } finally {
            server.stop();
            Database.close(station.jdbi());
        }
    }

    private static java.util.List<String> modesOfEveryFileIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct().toList();
        }
    }

    private App.Settings settings() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        return new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:0");
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
