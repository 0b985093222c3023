package kioskvote.browser;

import static kioskvote.browser.KioskAndDeskTest.await;
import static kioskvote.browser.KioskAndDeskTest.awaitBallot;
import static kioskvote.browser.KioskAndDeskTest.awaitWelcome;
import static kioskvote.browser.KioskAndDeskTest.rateAll;
import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * An enrolled tablet kiosk (1024×768) seals every ballot in its page, as the phone does (public/kiosk-device.js),
 * for the three ways a voter gets one there: a scanned slip, a typed short code, a ballot the desk sent for a
 * named voter. The kiosk talks to the station through a logging forwarder standing in for the room's Wi-Fi: what
 * crossed it holds no mark and no receipt code, and the committee's count opens the three ballots. Every kiosk
 * request the air carried, sent again by another client, is refused (kiosk/KioskRequestProof), and a ballot the
 * desk sent still reaches the real tablet.
 */
@BrowserTest
class KioskSealedInChromiumTest {
    private static final String POLL = "tin-nhiem";
    private static final Browsers BROWSERS = new Browsers();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;
    private AirLog air;
    private final List<JsonNode> slips = new ArrayList<>();

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        Files.writeString(station.configDir().resolve("roster.csv"), "\uFEFFname,unit\r\nNguyễn Văn An,Phòng Tổ chức cán bộ\r\n"
                + "Đỗ Minh Khang,Văn phòng Sở\r\n", StandardCharsets.UTF_8);
        station.start();
        api = station.api();
        air = new AirLog(URI.create(station.url()).getPort());
        Api.Reply issued = api.adminPost("/api/admin/slips", Map.of("count", 2, "format", "json"));
        assertEquals(200, issued.status(), issued.body());
        issued.json().path("slips").forEach(slips::add);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
    }

    @AfterEach
    void stop() throws Exception {
        BROWSERS.resetAll();
        if (air != null) air.close();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void theKioskSealsEveryBallotInThePageTheCountOpensThemAndTheAirCarriesNoMarkOrReceiptCode() throws Exception {
        Chromium kiosk = enrolledThroughTheAir();
        // Uncompressed answers, so that a plain search of the log sees what a sniffer would after gunzip.
        kiosk.driver.executeCdpCommand("Network.enable", Map.of());
        kiosk.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Encoding", "identity")));
        openKiosk(kiosk);
        List<String> codes = new ArrayList<>();

        // 1. A scanner types the slip's URL: the ballot, the review and the receipt in the page, in Vietnamese.
        kiosk.driver.switchTo().activeElement().sendKeys(slips.get(0).path("url").asText() + Keys.ENTER);
        awaitBallot(kiosk);
        rateAll(kiosk, "high");
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-cast-button");
        assertEquals("Xem lại trước khi bỏ phiếu", kiosk.find(".kiosk-review h1").getText());
        assertEquals(4, kiosk.findAll(".kiosk-review .choice .answer.level-high").size(), "the four marks, read back");
        assertTrue(kiosk.find("#sealed-note").isDisplayed() && kiosk.find("#sealed-note").getText().contains("máy bỏ phiếu"));
        assertEquals(api.get("/api/meeting").json().path("keyFingerprint").asText(), await(kiosk, "#meeting-key-check code").getText(),
                "the meeting key that signed the box, as printed on the slip");
        assertAccessible(kiosk, "kiosk review sealed in the page (vi)");
        Axe.assertNoViolations(kiosk, "kiosk review sealed in the page (vi)");
        kiosk.find("#kiosk-cast-button").click();
        codes.add(await(kiosk, "#receipt-code").getText());
        assertTrue(kiosk.find("#kiosk-receipt").getText().contains("chưa từng được gửi qua mạng"));
        assertAccessible(kiosk, "kiosk receipt sealed in the page (vi)");
        Axe.assertNoViolations(kiosk, "kiosk receipt sealed in the page (vi)");
        kiosk.screenshot("kiosk-receipt-sealed-in-page");
        kiosk.find("#kiosk-done").click();
        awaitWelcome(kiosk);

        // 2. The short code typed by hand, in English; "change my answers" goes back to the ballot as it was.
        kiosk.find("#kiosk-lang-en").click();
        await(kiosk, "html[lang=en] #welcome #short-code").sendKeys(slips.get(1).path("shortCode").asText() + Keys.ENTER);
        awaitBallot(kiosk);
        kiosk.find("#q-s1 .level-medium").click();
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-change-button");
        assertEquals("Review before casting", kiosk.find(".kiosk-review h1").getText());
        assertTrue(kiosk.find(".kiosk-review").getText().contains("3"), "three subjects left blank are counted");
        assertAccessible(kiosk, "kiosk review sealed in the page (en)");
        Axe.assertNoViolations(kiosk, "kiosk review sealed in the page (en)");
        kiosk.find("#kiosk-change-button").click();
        awaitBallot(kiosk);
        assertTrue(kiosk.find("#q-s1 .level-medium input").isSelected(), "back to the ballot as it was");
        rateAll(kiosk, "low");
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-cast-button").click();
        codes.add(await(kiosk, "#receipt-code").getText());
        assertAccessible(kiosk, "kiosk receipt sealed in the page (en)");
        Axe.assertNoViolations(kiosk, "kiosk receipt sealed in the page (en)");
        kiosk.find("#kiosk-done").click();
        awaitWelcome(kiosk);

        // 3. The desk sends a ballot to this kiosk for a named voter.
        String khang = api.adminGet("/api/admin/roster?q=khang").json().path("people").get(0).path("id").asText();
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(200, sent.status(), sent.body());
        awaitBallot(kiosk);
        rateAll(kiosk, "medium");
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-cast-button").click();
        codes.add(await(kiosk, "#receipt-code").getText());
        kiosk.find("#kiosk-done").click();
        awaitWelcome(kiosk);

        // The air: three sealed casts; no form post with marks, no mark, no receipt secret field, no receipt code.
        String up = air.sent();
        String down = air.answered();
        assertEquals(3, up.split("POST /kiosk/phong-1/sealed-cast").length - 1, "three sealed casts crossed the air");
        assertFalse(up.contains("/kiosk/phong-1/review") || up.contains("/kiosk/phong-1/cast") || up.contains("/kiosk/phong-1/change"),
                "a form post crossed the air");
        String bodies = up.replace("?receipt=60&idle=300", "?"); // the kiosk's receipt timer in its URLs is no receipt
        assertFalse(bodies.contains("q.s1") || bodies.contains("\"s1\"") || bodies.contains("receipt="), "marks or a receipt secret crossed the air");
        assertFalse(down.contains("name=\"receipt\""), "the station wrote no receipt secret into a ballot");
        for (String code : codes) assertFalse(up.contains(code) || down.contains(code), "the receipt code " + code + " crossed the air");
        assertFalse(up.contains(slips.get(0).path("url").asText().replaceAll(".*#", "")), "the scanned slip's secret crossed the air");

        // The committee's count opens the three ballots and publishes their codes.
        assertEquals(200, api.closeCountAndShow(POLL).status());
        Set<String> receipts = new TreeSet<>();
        api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> receipts.add(r.asText()));
        assertEquals(new TreeSet<>(codes), receipts, "the count opened the ballots the kiosk sealed");
        String ballots = api.get("/api/polls/" + POLL + "/ballots").json().path("ballots").toString();
        assertTrue(ballots.contains("\"s4\":[\"high\"]") && ballots.contains("\"s4\":[\"low\"]") && ballots.contains("\"s4\":[\"medium\"]"), ballots);
    }

    @Test
    void everyKioskRequestSeenOnTheAirIsRefusedWhenSentAgainAndTheDeskBallotStillReachesTheTablet() throws Exception {
        Chromium kiosk = enrolledThroughTheAir();
        openKiosk(kiosk);
        kiosk.waitUpTo(KioskAndDeskTest.LONG).until(d -> air.sent().split("POST /kiosk/phong-1/desk").length > 3); // it asks the desk
        kiosk.driver.switchTo().activeElement().sendKeys(slips.get(0).path("url").asText() + Keys.ENTER);
        awaitBallot(kiosk);
        rateAll(kiosk, "high");
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-cast-button").click();
        String first = await(kiosk, "#receipt-code").getText();
        kiosk.find("#kiosk-done").click();
        awaitWelcome(kiosk);
        List<String> seen = kioskPosts();
        for (String step : List.of("/enrol", "/desk", "/start", "/sealed-cast", "/abandon")) {
            if (step.equals("/abandon")) continue; // sent only when a ballot is left: not in this vote
            assertTrue(seen.stream().anyMatch(r -> r.startsWith("POST /kiosk/phong-1" + step)), step + " was on the air");
        }
        for (String request : seen) {
            assertTrue(request.contains("\r\nX-Kiosk-Proof: ") || request.startsWith("POST /kiosk/phong-1/enrol"), "signed: " + request);
        }

        // The desk sends a ballot for a named voter to this kiosk; a second client sends again everything it saw.
        String khang = api.adminGet("/api/admin/roster?q=khang").json().path("people").get(0).path("id").asText();
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(200, sent.status(), sent.body());
        List<String> answers = new ArrayList<>();
        for (String request : seen) {
            String answer = replay(request);
            answers.add(answer.substring(0, Math.min(answer.length(), 40)));
            int status = Integer.parseInt(answer.substring(9, 12));
            assertTrue(status >= 400 && status < 500, "a replay of " + request.lines().findFirst().orElse("") + " got " + answer);
            assertTrue(answer.contains(request.startsWith("POST /kiosk/phong-1/enrol") ? "kiosk_code_wrong" : "kiosk_proof_bad"), answer);
            assertFalse(answer.contains("kiosk-ballot"), "a replay picked up a ballot");
        }
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "no replayed cast was counted again");

        // The real tablet still gets the desk's ballot and casts it.
        awaitBallot(kiosk);
        rateAll(kiosk, "low");
        kiosk.find("#kiosk-review-button").click();
        await(kiosk, "#kiosk-cast-button").click();
        String second = await(kiosk, "#receipt-code").getText();
        assertEquals(2, api.get("/api/polls/" + POLL).json().path("cast").asInt());
        assertEquals(200, api.closeCountAndShow(POLL).status());
        Set<String> receipts = new TreeSet<>();
        api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> receipts.add(r.asText()));
        assertEquals(new TreeSet<>(List.of(first, second)), receipts);
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve("kiosk-replay-figures.txt"), List.of(seen.size() + " kiosk POSTs seen on the air, each sent"
                + " again from another client, each refused: " + String.join(" | ", new TreeSet<>(answers))));
    }

    /**
     * A tablet enrolled through the air, as in the room: the organiser asks for a one-time code on the laptop, and
     * it is typed on the tablet, whose page makes its key pair (stored for this origin, the air's).
     */
    private Chromium enrolledThroughTheAir() throws Exception {
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        post(laptop, "/admin", "passphrase=" + URLEncoder.encode(station.passphrase(), StandardCharsets.UTF_8));
        Matcher code = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(post(laptop, "/admin/kiosks/code", "name=phong-1"));
        assertTrue(code.find(), "the laptop shows a code");
        Chromium kiosk = BROWSERS.take(1024, 768, false, true);
        kiosk.driver.get(air.url() + "/kiosk/phong-1");
        await(kiosk, "#enrol-code").sendKeys(code.group());
        kiosk.find("#enrol-code-button").click();
        await(kiosk, "#welcome #scan");
        return kiosk;
    }

    private void openKiosk(Chromium kiosk) {
        kiosk.driver.get(air.url() + "/kiosk/phong-1?receipt=60&idle=300");
        await(kiosk, "#welcome #scan");
        KioskAndDeskTest.mark(kiosk);
    }

    private String post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(station.url() + path)).header("Origin", station.url())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every kiosk POST the air carried, whole (head and body), in the order sent on each connection. */
    private List<String> kioskPosts() {
        List<String> posts = new ArrayList<>();
        for (String connection : air.sentPerConnection()) {
            int at = 0;
            while (true) {
                int headEnd = connection.indexOf("\r\n\r\n", at);
                if (headEnd < 0) break;
                String head = connection.substring(at, headEnd + 4);
                Matcher length = Pattern.compile("(?i)\r\ncontent-length: *([0-9]+)").matcher(head);
                int end = headEnd + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
                if (head.startsWith("POST /kiosk/")) posts.add(connection.substring(at, Math.min(end, connection.length())));
                at = end;
            }
        }
        return posts;
    }

    /** The same bytes from another client, straight to the station; its answer's status line and body. */
    private String replay(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(station.url()).getPort())) {
            socket.setSoTimeout(30_000);
            // As the tablet sent it, but asking for an answer in plain text, so the refusal's code can be read here.
            String plain = request.replaceAll("(?i)\r\nAccept-Encoding: [^\r]*", "");
            socket.getOutputStream().write(plain.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
