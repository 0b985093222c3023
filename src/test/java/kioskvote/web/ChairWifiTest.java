package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/** Anyone may read the chair's screen: while a poll is open it offers the Wi-Fi as a QR code, never its password as text. */
class ChairWifiTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private static final String PASSWORD = "hop2026-an-toan";

    @Test
    void theChairsScreenShowsTheWifiAsAQrCodeAndNeverThePasswordInText() throws Exception {
        Files.writeString(station.configDir().resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: organiser-passphrase-1\n  wifi:\n    name: PhongHop-A\n    password: " + PASSWORD + "\n");
        Api organiser = new Api(station.start().url(), "organiser-passphrase-1");
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
