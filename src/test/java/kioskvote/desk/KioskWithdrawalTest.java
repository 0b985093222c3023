package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * Withdrawing a kiosk (POST /admin/kiosks/withdraw) is the organiser's alone: the chair, the desk clerk, a
 * browser signed in as nobody, a kiosk and the API's Bearer header are refused and the kiosk stays enrolled;
 * bad names are a clear 4xx that changes nothing. In process, on a temporary H2 file.
 */
class KioskWithdrawalTest {
    private static final String CHAIR = "chair-pin-5521";
    private static final String CLERK = "desk-pin-8830";

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(KioskWithdrawalTest::demoWithAKnownPassphrase);
    private String url;
    private Tablet kiosk;

    @BeforeEach
    void stationWithOneKiosk() throws Exception {
        url = station.url();
        Api organiser = new Api(url, KioskEnrolmentRestartTest.PASSPHRASE);
        assertEquals(200, organiser.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR)).status());
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK)).status());
        kiosk = Tablet.enrol(url, KioskEnrolmentRestartTest.PASSPHRASE, "phong-1");
    }

    /** The demo meeting with the admin passphrase set in meeting.yaml. */
    static void demoWithAKnownPassphrase(Path config) throws Exception {
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + KioskEnrolmentRestartTest.PASSPHRASE + "\n");
    }

    @Test
    void onlyTheOrganiserMayWithdrawAKiosk() throws Exception {
        assertEquals(403, withdraw(Tablet.organiser(url, CLERK), "name=phong-1").statusCode(), "the desk clerk");
        assertEquals(403, withdraw(Tablet.organiser(url, CHAIR), "name=phong-1").statusCode(), "the chair");
        int anonymous = withdraw(HttpClient.newHttpClient(), "name=phong-1").statusCode();
        assertTrue(anonymous == 401 || anonymous == 403, "signed in as nobody: " + anonymous);
        HttpResponse<String> bearer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/admin/kiosks/withdraw"))
                .header("Authorization", "Bearer " + KioskEnrolmentRestartTest.PASSPHRASE).header("Origin", url)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=phong-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(bearer.statusCode() == 401 || bearer.statusCode() == 403, "a page route takes the session, not a Bearer header: " + bearer.statusCode());
        HttpResponse<String> fromKiosk = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/admin/kiosks/withdraw"))
                .header("Cookie", "kv_kiosk=" + kiosk.secret).header("Origin", url)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=phong-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(fromKiosk.statusCode() == 401 || fromKiosk.statusCode() == 403, "the kiosk itself: " + fromKiosk.statusCode());
        assertEquals(200, kiosk.welcome(url), "still enrolled after every refusal");

        HttpResponse<String> done = withdraw(Tablet.organiser(url, KioskEnrolmentRestartTest.PASSPHRASE), "name=phong-1");
        assertEquals(303, done.statusCode());
        assertEquals(403, kiosk.welcome(url));
    }

    @Test
    void aBadOrUnknownNameIsAClear4xxAndChangesNothing() throws Exception {
        HttpClient organiser = Tablet.organiser(url, KioskEnrolmentRestartTest.PASSPHRASE);
        HttpResponse<String> unknown = withdraw(organiser, "name=phong-9");
        assertEquals(409, unknown.statusCode());
        assertTrue(unknown.body().contains("phong-9"), "the page names the kiosk nobody enrolled");
        assertEquals(400, withdraw(organiser, "name=PHONG+1%3B").statusCode(), "not a kiosk name");
        assertEquals(400, withdraw(organiser, "").statusCode(), "no name");
        assertEquals(200, kiosk.welcome(url), "phong-1 still enrolled");
        // The organiser's desk page lists the kiosk with its withdraw button.
        HttpResponse<String> desk = organiser.send(HttpRequest.newBuilder(URI.create(url + "/admin/desk")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(desk.body().contains("data-withdraw=\"phong-1\""), "the withdraw button on the desk page");
        HttpResponse<String> clerkDesk = Tablet.organiser(url, CLERK).send(HttpRequest.newBuilder(URI.create(url + "/admin/desk")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, clerkDesk.statusCode());
        assertTrue(!clerkDesk.body().contains("data-withdraw"), "the clerk's desk page has no withdraw button");
    }

    private HttpResponse<String> withdraw(HttpClient client, String form) {
        return Tablet.form(client, url, "/admin/kiosks/withdraw", form);
    }
}
