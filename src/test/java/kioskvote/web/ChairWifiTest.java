package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.App;
import kioskvote.config.MeetingLoader;
import kioskvote.e2e.Api;
import kioskvote.store.Database;

/** Anyone may read the chair's screen: while a poll is open it offers the Wi-Fi as a QR code, never its password as text. */
class ChairWifiTest {
    private static final String PASSWORD = "hop2026-an-toan";

    @TempDir
    Path dir;
    private Javalin server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void theChairsScreenShowsTheWifiAsAQrCodeAndNeverThePasswordInText() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: organiser-passphrase-1\n  wifi:\n    name: PhongHop-A\n    password: " + PASSWORD + "\n");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        var settings = new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:0");
        var station = App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(OutputStream.nullOutputStream()));
        server = App.serve(station, 0);
        Api organiser = new Api("http://127.0.0.1:" + server.port(), "organiser-passphrase-1");
        assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/open", Map.of("confirmBelowQuorum", true)).status());

        for (String lang : new String[] {"vi", "en"}) {
            String page = organiser.get("/chair?lang=" + lang).body();
            int box = page.indexOf("id=\"wifi\"");
            assertTrue(box > 0, "the Wi-Fi box is on the screen while the poll is open");
            String wifi = page.substring(box, page.indexOf("</aside>", box));
            assertTrue(wifi.contains("<svg") && wifi.contains("PhongHop-A"), wifi);
            assertFalse(page.contains(PASSWORD), "the password is nowhere in the page's text");
        }
    }
}
