package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.App;
import kioskvote.config.MeetingLoader;
import kioskvote.kiosk.KioskRequestProof;
import kioskvote.kiosk.TestKioskKey;
import kioskvote.store.Database;

/**
 * Staff pages answer on the station laptop only, unless --staff-lan: tried from this machine's own
 * non-loopback address (another device on the meeting's network, as far as the station can tell), and a
 * tablet enrolled with a one-time code typed on it, never the organiser's passphrase.
 */
class StaffOffTheAirTest {
    private static final String ORGANISER = "organiser-passphrase-1";
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @TempDir
    Path dir;
    private Javalin server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void theLoopbackTestReadsOnlyTheLaptopsOwnAddresses() {
        for (String a : new String[] {"127.0.0.1", "127.4.5.6", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertTrue(StaffNetwork.isLoopback(a), a);
        }
        for (String a : new String[] {"192.0.2.2", "10.0.0.1", "fe80::1", "fd00::2", "0.0.0.0", "localhost", "", "127.0.0.1.evil"}) {
            assertFalse(StaffNetwork.isLoopback(a), a);
        }
        assertFalse(StaffNetwork.LAPTOP_ONLY.mayServe("192.168.1.20", false) || StaffNetwork.LAPTOP_ONLY.mayServe("192.168.1.20", true));
        assertTrue(new StaffNetwork(true).mayServe("192.168.1.20", true));
        assertFalse(new StaffNetwork(true).mayServe("192.168.1.20", false), "with --staff-lan, from another device over HTTPS only");
        assertTrue(StaffNetwork.LAPTOP_ONLY.mayServe("127.0.0.1", false));
        assertTrue(StaffNetwork.isStaffPath("/admin") && StaffNetwork.isStaffPath("/admin/desk") && StaffNetwork.isStaffPath("/api/admin/slips"));
        assertFalse(StaffNetwork.isStaffPath("/administrator") || StaffNetwork.isStaffPath("/api/polls") || StaffNetwork.isStaffPath("/kiosk/phong-1"));
    }

    @Test
    void fromAnotherAddressEveryStaffRouteIsRefusedAndAVoterRouteAnswers() throws Exception {
        String lan = lanAddress();
        String laptop = start(StaffNetwork.LAPTOP_ONLY);
        String air = "http://" + lan + ":" + server.port();
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> signInForm = get(client, air + "/admin");
        assertEquals(403, signInForm.statusCode());
        assertTrue(signInForm.body().contains("data-code=\"staff_on_laptop\"") && signInForm.body().contains("--staff-lan"), signInForm.body());
        // The passphrase itself, sent over the air, is refused before it is even checked (no attempt is counted).
        HttpResponse<String> api = send(client, HttpRequest.newBuilder(URI.create(air + "/api/admin/slips"))
                .header("Authorization", "Bearer " + ORGANISER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":1,\"format\":\"json\"}")));
        assertEquals(403, api.statusCode());
        assertTrue(api.body().contains("\"staff_on_laptop\""), api.body());
        for (String path : new String[] {"/admin/desk", "/admin/polls/tin-nhiem/count", "/api/admin/roster?q=a", "/api/admin/meeting"}) {
            assertEquals(403, get(client, air + path).statusCode(), path);
        }
        // A session cookie from the laptop, replayed from another device, opens nothing either.
        HttpClient organiser = signedIn(laptop);
        String cookie = sessionCookie(organiser, laptop);
        assertEquals(403, send(client, HttpRequest.newBuilder(URI.create(air + "/admin/desk")).header("Cookie", cookie).GET()).statusCode());
        assertEquals(200, send(client, HttpRequest.newBuilder(URI.create(laptop + "/admin/desk")).header("Cookie", cookie).GET()).statusCode());
        // Voters and the chair's screen are not staff: they answer on the air.
        assertEquals(200, get(client, air + "/").statusCode());
        assertEquals(200, get(client, air + "/chair").statusCode());
        assertEquals(200, get(client, air + "/api/polls").statusCode());
    }

    @Test
    void withStaffLanTheStaffPagesStillRefusePlainHttpFromTheNetwork() throws Exception {
        String lan = lanAddress();
        start(new StaffNetwork(true));
        HttpResponse<String> plain = get(HttpClient.newHttpClient(), "http://" + lan + ":" + server.port() + "/admin");
        assertEquals(403, plain.statusCode());
        assertTrue(plain.body().contains("data-code=\"staff_needs_https\""), plain.body()); // over HTTPS: StaffHttpsTest
    }

    @Test
    void aTabletIsEnrolledWithAOneTimeCodeTypedOnItAndTheCodeWorksOnce() throws Exception {
        String lan = lanAddress();
        String laptop = start(StaffNetwork.LAPTOP_ONLY);
        String air = "http://" + lan + ":" + server.port();
        HttpClient organiser = signedIn(laptop);
        HttpResponse<String> shown = form(organiser, laptop, "/admin/kiosks/code", "name=phong-1");
        assertEquals(200, shown.statusCode(), shown.body());
        Matcher m = CODE.matcher(shown.body());
        assertTrue(m.find(), shown.body());
        String code = m.group();

        HttpClient tablet = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> notEnrolled = get(tablet, air + "/kiosk/phong-1");
        assertEquals(403, notEnrolled.statusCode());
        assertTrue(notEnrolled.body().contains("id=\"enrol-code\""), "the tablet's page asks for the code");
        TestKioskKey key = new TestKioskKey();
        String withKey = "&key=" + key.publicHex();
        assertEquals(403, form(tablet, air, "/kiosk/phong-1/enrol", "code=AAAA-BBBB-CCCC-DDDD" + withKey).statusCode(), "a wrong code");
        assertEquals(403, formFrom(tablet, air, "/kiosk/phong-1/enrol", "code=" + code + withKey, Optional.empty()).statusCode(),
                "without the kiosk page's Origin");
        assertEquals(403, form(tablet, air, "/kiosk/phong-2/enrol", "code=" + code + withKey).statusCode(), "for another kiosk name");
        HttpResponse<String> keyless = form(tablet, air, "/kiosk/phong-1/enrol", "code=" + code);
        assertEquals(400, keyless.statusCode(), "without the tablet's key");
        assertTrue(keyless.body().contains("kiosk_key_missing"), keyless.body());
        HttpResponse<String> enrolled = form(tablet, air, "/kiosk/phong-1/enrol", "code=" + code.toLowerCase().replace("-", " ") + withKey);
        assertEquals(303, enrolled.statusCode(), "the code still worked after the keyless try: " + enrolled.body());
        assertEquals(200, get(tablet, air + "/kiosk/phong-1").statusCode(), "the tablet is the kiosk now");
        HttpResponse<String> unsigned = form(tablet, air, "/kiosk/phong-1/desk", "");
        assertEquals(403, unsigned.statusCode(), "its cookie alone opens no kiosk POST");
        assertTrue(unsigned.body().contains("kiosk_proof_bad"), unsigned.body());
        String proof = key.proof("phong-1", "/kiosk/phong-1/desk", "");
        assertEquals(204, signedForm(tablet, air, "/kiosk/phong-1/desk", "", proof).statusCode(), "a signed request asks the desk for work");
        assertEquals(403, signedForm(tablet, air, "/kiosk/phong-1/desk", "", proof).statusCode(), "the same request again is a replay");
        assertEquals(403, signedForm(tablet, air, "/kiosk/phong-1/start", "code=X", key.proof("phong-1", "/kiosk/phong-1/start", "code=Y"))
                .statusCode(), "a body other than the one signed");
        assertEquals(403, signedForm(tablet, air, "/kiosk/phong-1/desk", "",
                key.proof("phong-1", "/kiosk/phong-1/desk", new byte[0], System.currentTimeMillis() - 10 * 60_000)).statusCode(), "a stale request");
        assertEquals(403, formFrom(tablet, air, "/kiosk/phong-1/desk", "", Optional.of("http://evil.example")).statusCode(),
                "a kiosk POST from another site is refused");

        HttpClient thief = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> again = form(thief, air, "/kiosk/phong-1/enrol", "code=" + code + "&key=" + new TestKioskKey().publicHex());
        assertEquals(403, again.statusCode(), "the code seen on the air works once");
        assertTrue(again.body().contains("kiosk_code_wrong"), again.body());
        assertEquals(200, get(tablet, air + "/kiosk/phong-1").statusCode(), "the real tablet is still the kiosk");
        assertEquals(403, form(tablet, air, "/admin/kiosks/code", "name=phong-3").statusCode(), "no code is given from the tablet");
    }

    private String start(StaffNetwork network) throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        var settings = new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:0");
        var station = App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(OutputStream.nullOutputStream()));
        server = App.serve(station, 0, network);
        return "http://127.0.0.1:" + server.port();
    }

    /** An address of this machine that is not loopback: to the station, another device on the network. */
    private static String lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
            }
        }
        assumeTrue(false, "this machine has no non-loopback IPv4 address");
        return null;
    }

    private static HttpClient signedIn(String laptop) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(303, form(browser, laptop, "/admin", "passphrase=" + ORGANISER).statusCode());
        return browser;
    }

    private static String sessionCookie(HttpClient browser, String laptop) {
        var store = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore();
        return store.get(URI.create(laptop)).stream().filter(c -> c.getName().equals("kv_admin")).findFirst()
                .map(c -> c.getName() + "=" + c.getValue()).orElseThrow();
    }

    private static HttpResponse<String> form(HttpClient client, String base, String path, String body) {
        return formFrom(client, base, path, body, Optional.of(base));
    }

    private static HttpResponse<String> signedForm(HttpClient client, String base, String path, String body, String proof) {
        return send(client, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).header(KioskRequestProof.HEADER, proof).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> formFrom(HttpClient client, String base, String path, String body, Optional<String> origin) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        origin.ifPresent(o -> request.header("Origin", o));
        return send(client, request);
    }

    private static HttpResponse<String> get(HttpClient client, String url) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
