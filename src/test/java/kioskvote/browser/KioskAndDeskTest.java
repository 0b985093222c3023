package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The tablet kiosks (1024×768) and the check-in desk in real headless Chromium: the four ways into a
 * ballot (a scanner typing the slip URL, the short code typed, a photo of the slip, the desk unlocking a
 * kiosk), the wipe after a cast and after idling, and two kiosks voting at once. Each test has its own
 * station (in this JVM, a six-person roster, the confidence poll open, eight slips printed) and enrols
 * the tablets it uses. Screenshots go to target/screenshots/.
 */
@BrowserTest
class KioskAndDeskTest {
    static final String POLL = "tin-nhiem";
    static final Duration LONG = Duration.ofSeconds(60); // two cores shared with other test runs: generous limits

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;
    private static final Browsers BROWSERS = new Browsers();
    private final List<JsonNode> slips = new ArrayList<>();
    private int nextSlip;

    @BeforeEach
    void startStationWithARosterAnOpenPollAndSlips() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        Files.writeString(station.configDir().resolve("roster.csv"), "\uFEFFname,unit\r\n"
                + "Nguyễn Văn An,Phòng Tổ chức cán bộ\r\nNguyễn Văn An,Ban Quản lý dự án\r\nTrần Thị Bình,Phòng Kế hoạch\r\n"
                + "Lê Hoàng Cường,Thanh tra Sở\r\nĐỗ Minh Khang,Văn phòng Sở\r\nPhạm Thị Hoa,Công đoàn Sở\r\n", StandardCharsets.UTF_8);
        station.start();
        api = station.api();
        Api.Reply issued = api.adminPost("/api/admin/slips", Map.of("count", 8, "format", "json"));
        assertEquals(200, issued.status(), issued.body());
        issued.json().path("slips").forEach(slips::add);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
    }

    @AfterEach
    void resetBrowsersAndStopStation() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void aScannerTypesTheSlipUrlAndAfterTheCastTheKioskForgetsTheVoter() throws Exception {
        Chromium kiosk1 = enrolledTablet("phong-1");
        openKiosk(kiosk1, "phong-1", "?receipt=2&idle=300");
        assertEquals("scan", kiosk1.driver.switchTo().activeElement().getAttribute("id"), "the scan field has the focus");
        kiosk1.screenshot("kiosk-welcome");
        long history = history(kiosk1);
        JsonNode slip = slip();

        // A USB/Bluetooth scanner is a keyboard: the URL in the QR, then Enter, into whatever has the focus.
        kiosk1.driver.switchTo().activeElement().sendKeys(slip.path("url").asText() + Keys.ENTER);
        awaitBallot(kiosk1);
        String session = kiosk1.find("#kiosk-ballot input[name=session]").getAttribute("value");
        rateAll(kiosk1, "high");
        kiosk1.screenshot("kiosk-ballot");
        kiosk1.find("#kiosk-review-button").click();
        await(kiosk1, "#kiosk-cast-button");
        kiosk1.screenshot("kiosk-review");
        kiosk1.find("#kiosk-cast-button").click();
        String receipt = await(kiosk1, "#receipt-code").getText();
        kiosk1.screenshot("kiosk-receipt");

        awaitWelcome(kiosk1);
        assertNothingOfTheLastVoter(kiosk1, history, receipt, session);
        assertEquals(409, api.cast(POLL, token(slip), Map.of(), kioskvote.ballot.ReceiptCode.randomSecret(new java.security.SecureRandom())).status(), "the slip was spent");
        for (String path : List.of("/kiosk/phong-1", "/kiosk/phong-1/desk")) { // without the enrolment cookie: refused, and not cached either
            HttpResponse<String> reply = plainRequest(path.endsWith("/desk") ? "POST" : "GET", path, "");
            assertEquals(403, reply.statusCode(), path);
            assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(""), path + " must not be cached");
        }
    }

    @Test
    void theShortCodeTypedByHandOpensTheBallotAndABlankIsWarnedAbout() throws Exception {
        Chromium kiosk1 = enrolledTablet("phong-1");
        openKiosk(kiosk1, "phong-1", "?receipt=60&idle=300");
        long history = history(kiosk1);
        JsonNode slip = slip();
        String typed = slip.path("shortCode").asText().toLowerCase().replace("-", " ");
        kiosk1.find("#short-code").sendKeys(typed);
        kiosk1.find("#short-code-button").click();
        awaitBallot(kiosk1);
        kiosk1.find("#q-s1 .level-medium").click();
        kiosk1.find("#kiosk-review-button").click();
        await(kiosk1, "#kiosk-cast-button");
        assertTrue(kiosk1.find(".kiosk-review").getText().contains("3"), "three subjects left blank are counted");
        kiosk1.find("#kiosk-change-button").click();
        awaitBallot(kiosk1);
        assertTrue(kiosk1.find("#q-s1 .level-medium input").isSelected(), "back to the ballot as it was");
        rateAll(kiosk1, "high");
        kiosk1.find("#kiosk-review-button").click();
        await(kiosk1, "#kiosk-cast-button");
        // What the page sends when the voter presses "Cast" (sealed in the page, public/kiosk-device.js), kept to send again.
        kiosk1.driver.executeScript("var f = window.fetch; window.kvSent = [];"
                + "window.fetch = function (u, o) { if (/sealed-cast/.test(u)) window.kvSent.push(o.body); return f.apply(this, arguments); };");
        kiosk1.find("#kiosk-cast-button").click();
        String receipt = await(kiosk1, "#receipt-code").getText();
        String castBody = (String) kiosk1.driver.executeScript("return new TextDecoder().decode(window.kvSent[0])");
        JsonNode cast = Api.JSON.readTree(castBody);
        assertEquals(List.of("session", "poll", "sealed", "proof"), fieldNames(cast), "the cast carries no mark, secret or code");

        // The answer to the cast was lost and the tablet sends it again: "already counted", not "session gone".
        String again = postJsonFrom(kiosk1, "/kiosk/phong-1/sealed-cast?receipt=60&idle=300", castBody);
        assertTrue(again.startsWith("200 ") && again.contains("\"alreadyCounted\":true"), again);
        String otherProof = castBody.replaceAll("\"proof\":\"[0-9a-f]+\"", "\"proof\":\"" + "ab".repeat(32) + "\"");
        String notTheSame = postJsonFrom(kiosk1, "/kiosk/phong-1/sealed-cast?receipt=60&idle=300", otherProof);
        assertTrue(notTheSame.startsWith("410 ") && notTheSame.contains("kiosk_session_gone") && !notTheSame.contains(receipt), notTheSame);
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "counted once");
        kiosk1.find("#kiosk-done").click(); // the voter need not wait for the timer
        awaitWelcome(kiosk1);
        assertNothingOfTheLastVoter(kiosk1, history, receipt, "");

        // The same code again: refused on the welcome screen, and the message is wiped too.
        kiosk1.find("#short-code").sendKeys(slip.path("shortCode").asText() + Keys.ENTER);
        WebElement error = await(kiosk1, "#kiosk-error:not([hidden])");
        assertTrue(error.getText().contains("đã được dùng để bỏ phiếu"), error.getText());
    }

    @Test
    void aPhotoOfTheSlipTakenWithTheTabletCameraOpensTheBallot() throws Exception {
        Chromium kiosk1 = enrolledTablet("phong-1");
        openKiosk(kiosk1, "phong-1", "?receipt=2&idle=300");
        long history = history(kiosk1);
        JsonNode slip = slip();
        Path photo = photographOf(slip.path("url").asText());
        kiosk1.find("#photo").sendKeys(photo.toAbsolutePath().toString());
        awaitBallot(kiosk1);
        rateAll(kiosk1, "low");
        kiosk1.find("#kiosk-review-button").click();
        await(kiosk1, "#kiosk-cast-button").click();
        String receipt = await(kiosk1, "#receipt-code").getText();
        awaitWelcome(kiosk1);
        assertNothingOfTheLastVoter(kiosk1, history, receipt, "");

        Path blank = Files.createTempFile("kv-no-qr-", ".png");
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        kiosk1.find("#photo").sendKeys(blank.toAbsolutePath().toString());
        WebElement error = await(kiosk1, "#kiosk-error:not([hidden])");
        assertTrue(error.getText().contains("QR"), error.getText());
    }

    @Test
    void theDeskFindsAPersonWithoutAccentsAndSendsABallotToAKiosk() throws Exception {
        Chromium kiosk2 = enrolledTablet("phong-2");
        Chromium desk = signedInDesk();
        openKiosk(kiosk2, "phong-2", "?receipt=2&idle=300");
        long history = history(kiosk2);
        desk.find("#desk-search").sendKeys("nguyen van an");
        desk.waitUpTo(LONG).until(d -> d.findElements(By.cssSelector(".desk-person")).size() == 2);
        WebElement kioskName = desk.find("#desk-kiosk"); // the desk offers the kiosks it has heard from; the clerk picks phong-2
        kioskName.clear();
        kioskName.sendKeys("phong-2");
        desk.find(".desk-person [data-action=KIOSK]").click();
        assertTrue(await(desk, "#desk-notice:not([hidden])").getText().contains("phong-2"));
        desk.waitUpTo(LONG).until(d -> d.findElements(By.cssSelector(".desk-person .badge.received")).size() == 1);
        desk.screenshot("desk-search");

        awaitBallot(kiosk2); // the kiosk unlocks by itself
        rateAll(kiosk2, "medium");
        kiosk2.find("#kiosk-review-button").click();
        await(kiosk2, "#kiosk-cast-button").click();
        String receipt = await(kiosk2, "#receipt-code").getText();
        awaitWelcome(kiosk2);
        assertNothingOfTheLastVoter(kiosk2, history, receipt, "");

        // A second ballot for the same person is refused with the reason. A kiosk voter's row now offers only
        // "send a ballot for this poll to the kiosk" (one per poll), no slip and no "lost slip".
        WebElement kioskVoter = desk.find(".desk-person .badge.received").findElement(By.xpath("ancestor::li"));
        assertEquals(1, kioskVoter.findElements(By.cssSelector("[data-action=KIOSK]")).size());
        assertEquals(0, kioskVoter.findElements(By.cssSelector("[data-action=QR], [data-action=replace]")).size());
        Api.Reply again = api.adminPost("/api/admin/desk/hand-out", Map.of("personId",
                desk.find(".desk-person .badge.received").findElement(By.xpath("ancestor::li")).getAttribute("data-person"),
                "pollId", POLL, "kind", "QR"));
        assertEquals(409, again.status());

        // The other Nguyễn Văn An gets a QR on the desk screen, shown once.
        desk.find(".desk-person [data-action=QR]").click();
        WebElement qr = await(desk, "#desk-qr:not([hidden]) svg");
        assertTrue(qr.isDisplayed());
        desk.screenshot("desk-qr");
        desk.find("#desk-qr-hide").click();
        assertEquals("", desk.find("#desk-qr-code").getAttribute("innerHTML"), "the code is gone from the desk page");
    }

    @Test
    void anIdleKioskWipesTheBallotAndADeskBallotLeftUnusedCanBeReplaced() throws Exception {
        Chromium kiosk1 = enrolledTablet("phong-1");
        openKiosk(kiosk1, "phong-1", "?receipt=2&idle=4");
        long history = history(kiosk1);
        JsonNode slip = slip();
        kiosk1.find("#scan").sendKeys(slip.path("url").asText() + Keys.ENTER);
        awaitBallot(kiosk1);
        String session = kiosk1.find("#kiosk-ballot input[name=session]").getAttribute("value");
        kiosk1.find("#q-s1 .level-low").click();
        awaitWelcome(kiosk1); // nobody touches the tablet for 4 s
        assertNothingOfTheLastVoter(kiosk1, history, "", session);
        assertFalse(kiosk1.driver.getPageSource().contains("level-low"), "the half-filled ballot is gone");
        assertEquals(200, api.post("/api/polls/" + POLL + "/token-check", Map.of("slipKey", kioskvote.token.TestSlips.keyOf(token(slip)))).status(),
                "the slip was not spent: its owner can start again");

        // A ballot the desk sent and nobody cast: voided when the kiosk wipes, and the person may be sent another.
        String khang = api.adminGet("/api/admin/roster?q=khang").json().path("people").get(0).path("id").asText();
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(200, sent.status(), sent.body());
        long voided = api.get("/api/polls/" + POLL).json().path("voided").asLong();
        awaitBallot(kiosk1);
        awaitWelcome(kiosk1);
        kiosk1.waitUpTo(LONG).until(d -> api.get("/api/polls/" + POLL).json().path("voided").asLong() == voided + 1);
        Api.Reply slipBesides = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "SLIP"));
        assertEquals("already_handed_out", slipBesides.errorCode(), "a kiosk voter gets no slip besides");
        Api.Reply another = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(200, another.status(), another.body());
        awaitBallot(kiosk1);
        awaitWelcome(kiosk1); // left unused again: voided again
        kiosk1.waitUpTo(LONG).until(d -> api.get("/api/polls/" + POLL).json().path("voided").asLong() == voided + 2);
    }

    @Test
    void twoKiosksVoteAtOnce() throws Exception {
        Chromium kiosk1 = enrolledTablet("phong-1");
        Chromium kiosk2 = enrolledTablet("phong-2");
        openKiosk(kiosk1, "phong-1", "?receipt=2&idle=300");
        openKiosk(kiosk2, "phong-2", "?receipt=2&idle=300");
        long cast = api.get("/api/polls/" + POLL).json().path("cast").asLong();
        JsonNode first = slip();
        JsonNode second = slip();
        kiosk1.find("#scan").sendKeys(first.path("url").asText() + Keys.ENTER);
        kiosk2.find("#short-code").sendKeys(second.path("shortCode").asText() + Keys.ENTER);
        awaitBallot(kiosk1);
        awaitBallot(kiosk2);
        rateAll(kiosk1, "high");
        rateAll(kiosk2, "low");
        kiosk1.find("#kiosk-review-button").click();
        kiosk2.find("#kiosk-review-button").click();
        await(kiosk1, "#kiosk-cast-button").click();
        await(kiosk2, "#kiosk-cast-button").click();
        String r1 = await(kiosk1, "#receipt-code").getText();
        String r2 = await(kiosk2, "#receipt-code").getText();
        assertNotEquals(r1, r2);
        awaitWelcome(kiosk1);
        awaitWelcome(kiosk2);
        assertEquals(cast + 2, api.get("/api/polls/" + POLL).json().path("cast").asLong());
    }

    @Test
    void withARosterTheDashboardSendsPresenceToTheDeskAndTheChairScreenCountsBallotsHandedOutLive() throws Exception {
        String an = api.adminGet("/api/admin/roster?q=nguyen+van+an").json().path("people").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", an, "pollId", POLL, "kind", "SLIP")).status());
        Chromium desk = signedInDesk();
        desk.driver.get(station.url() + "/admin");
        await(desk, "#presence-from-desk");
        assertTrue(desk.findAll("form[action='/admin/present']").isEmpty(), "no typed present count: saving it would answer 409");
        assertFalse(desk.findAll("#h-present ~ p.links a[href='/admin/desk']").isEmpty(), "a link to the check-in desk");
        JsonNode status = api.get("/api/polls/" + POLL).json();
        String line = desk.find("#poll-" + POLL + " .turnout-line").getText();
        assertTrue(line.contains("Triệu tập 6") && line.contains("Có mặt " + status.path("present").asLong())
                && line.contains("Số người đã nhận phiếu " + status.path("handedOut").asLong())
                && line.contains("Đã bỏ phiếu " + status.path("cast").asLong()), line);

        desk.driver.get(station.url() + "/chair");
        assertEquals(String.valueOf(status.path("handedOut").asLong()), await(desk, "#handed-out").getText());
        assertEquals("6", desk.find("#summoned").getText());
        assertTrue(desk.findAll("#issued").isEmpty(), "with a roster the screen shows ballots handed out, not slips printed");
        desk.waitUpTo(LONG).until(d -> d.findElement(By.id("live")).getAttribute("class").equals("live"));
        String binh = api.adminGet("/api/admin/roster?q=binh").json().path("people").get(0).path("id").asText();
        Api.Reply handed = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", binh, "pollId", POLL, "kind", "SLIP"));
        assertEquals(200, handed.status(), handed.body());
        String expected = String.valueOf(status.path("handedOut").asLong() + 1);
        desk.waitUpTo(LONG).until(d -> d.findElement(By.id("handed-out")).getText().equals(expected));
        assertTrue(desk.findAll(".results").isEmpty(), "no partial result while the poll is open");
        desk.screenshot("chair-with-roster");
    }

    @Test
    void anUnenrolledBrowserOrAPlainHttpClientIsRefusedAndCannotTakeADeskBallot() throws Exception {
        Chromium kiosk2 = enrolledTablet("phong-2");
        Chromium desk = signedInDesk();
        String cuong = api.adminGet("/api/admin/roster?q=cuong").json().path("people").get(0).path("id").asText();
        Api.Reply typo = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", cuong, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-9"));
        assertEquals(409, typo.status(), typo.body());
        assertEquals("kiosk_unknown", typo.json().path("error").path("code").asText(), "no ballot is sent to a kiosk nobody enrolled");

        kiosk2.driver.get("about:blank"); // phong-2 stops asking for work: the ballot waits for it
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", cuong, "pollId", POLL, "kind", "KIOSK", "kiosk", "phong-2"));
        assertEquals(200, sent.status(), sent.body());

        // A plain HTTP client, with no cookie or a guessed one, gets 403 on every kiosk URL.
        for (String[] request : new String[][] {{"GET", "/kiosk/phong-2", ""}, {"POST", "/kiosk/phong-2/desk", ""},
                {"GET", "/kiosk/phong-2/desk", ""}, {"POST", "/kiosk/phong-2/desk", "kv_kiosk=guessed"},
                {"POST", "/kiosk/phong-2/start", ""}, {"POST", "/kiosk/phong-2/cast", ""}, {"POST", "/kiosk/phong-2/abandon", ""},
                {"POST", "/kiosk/not-a-kiosk/desk", ""}}) {
            HttpResponse<String> reply = plainRequest(request[0], request[1], request[2]);
            assertEquals(403, reply.statusCode(), String.join(" ", request));
            assertTrue(reply.body().contains("kiosk_not_enrolled"), reply.body());
        }
        assertFalse(api.adminGet("/api/admin/desk/kiosks").json().path("kiosks").toString().contains("not-a-kiosk"),
                "a name nobody enrolled does not appear in the desk's list");

        // A browser not enrolled as a kiosk (the desk's, even signed in as admin) gets the friendly page and no ballot.
        desk.driver.get(station.url() + "/kiosk/phong-2");
        WebElement notice = await(desk, "#not-enrolled");
        assertEquals("kiosk_not_enrolled", notice.getAttribute("data-code"));
        assertTrue(notice.getText().contains("chưa được đăng ký") && notice.getText().contains("not enrolled"), notice.getText());
        assertTrue(desk.findAll("#welcome").isEmpty(), "no scan field on a tablet that is not a kiosk");
        assertTrue(postFrom(desk, "/kiosk/phong-2/desk", "").startsWith("403 "));

        // The enrolled kiosk still picks the ballot up: nobody took it.
        kiosk2.driver.get(station.url() + "/kiosk/phong-2?receipt=2&idle=300");
        awaitBallot(kiosk2);
        rateAll(kiosk2, "high");
        kiosk2.find("#kiosk-review-button").click();
        await(kiosk2, "#kiosk-cast-button").click();
        await(kiosk2, "#receipt-code");
        awaitWelcome(kiosk2); // after the wipe the enrolment is still there: the welcome page, not the refusal
        assertEquals("", kiosk2.driver.executeScript("return document.cookie"));
    }

    @Test
    void theDeskClerkSignedInWithTheClerksOwnSecretSearchesAndHandsOutAtTheDesk() throws Exception {
        assertEquals(200, api.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", "le-tan-pin-2026")).status());
        Chromium desk = browser(1280, 900);
        desk.driver.get(station.url() + "/admin");
        await(desk, "#passphrase").sendKeys("le-tan-pin-2026");
        desk.find("form[action='/admin'] button").click();
        await(desk, "#desk-search"); // the clerk lands at the desk
        assertTrue(desk.findAll("#desk-import, #enrol-name").isEmpty(), "no roster import or kiosk enrolment on the clerk's desk");
        desk.find("#desk-search").sendKeys("tran thi binh");
        desk.waitUpTo(LONG).until(d -> d.findElements(By.cssSelector(".desk-person")).size() == 1);
        desk.find(".desk-person [data-action=SLIP]").click();
        desk.waitUpTo(LONG).until(d -> d.findElements(By.cssSelector(".desk-person .badge.received")).size() == 1);
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("handedOut").asInt(), "the clerk's hand-out recorded");
    }

    // --- helpers

    /**
     * Enrols a tablet as the organiser does: the kiosk URL refuses it, the admin signs in on the tablet and
     * enrols it from the desk page; it lands on the kiosk's welcome screen and is signed out of admin.
     */
    static void enrol(Chromium tablet, String stationUrl, String organiserPassphrase, String name) {
        tablet.driver.get(stationUrl + "/kiosk/" + name);
        assertEquals("kiosk_not_enrolled", await(tablet, "#not-enrolled").getAttribute("data-code"));
        tablet.driver.get(stationUrl + "/admin");
        await(tablet, "#passphrase").sendKeys(organiserPassphrase);
        tablet.find("form[action='/admin'] button").click();
        await(tablet, "#presence-from-desk");
        tablet.driver.get(stationUrl + "/admin/desk");
        await(tablet, "#enrol-name").sendKeys(name);
        tablet.find("#enrol-button").click();
        await(tablet, "#welcome #scan");
        assertEquals("", tablet.driver.executeScript("return document.cookie"), "the enrolment cookie is HttpOnly");
        tablet.driver.get(stationUrl + "/admin");
        await(tablet, "#passphrase"); // enrolling signed the tablet out of admin
    }

    /** A request with no browser: no cookie unless one is given. */
    private HttpResponse<String> plainRequest(String method, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(station.url() + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
        if (!cookie.isEmpty()) request.header("Cookie", cookie);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST made by the page in this browser (its cookies go along): "status body". */
    /** Entries of the browser's storage other than the kiosk's own request key (public/kiosk-key.js): a voter's. */
    static final String VOTER_STORAGE = "(Object.keys(localStorage).filter(function (k) { return k.indexOf('kv-kiosk-') !== 0; }).length"
            + " + sessionStorage.length)";

    /** A POST from the page: signed as the kiosk page signs (public/kiosk.js) when the page is an enrolled kiosk's. */
    static String postFrom(Chromium browser, String path, String form) {
        return postFrom(browser, path, form, "application/x-www-form-urlencoded;charset=UTF-8");
    }

    static String postJsonFrom(Chromium browser, String path, String json) {
        return postFrom(browser, path, json, "application/json");
    }

    private static String postFrom(Chromium browser, String path, String body, String type) {
        return (String) browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var kiosk = document.getElementById('kiosk'), base = kiosk && '/kiosk/' + kiosk.getAttribute('data-kiosk');"
                + "var sent = window.kvKiosk && arguments[0].indexOf(base + '/') === 0"
                + "  ? window.kvKiosk.post(arguments[0].substring(base.length).split('?')[0], arguments[1], arguments[2])"
                + "  : fetch(arguments[0], { method: 'POST', headers: { 'Content-Type': arguments[2] }, body: arguments[1], credentials: 'same-origin', cache: 'no-store' });"
                + "sent.then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t); }); }, function (e) { done('failed ' + e); });",
                path, body, type);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A tablet browser enrolled as kiosk {@code name}, closed after the test. */
    private Chromium enrolledTablet(String name) throws Exception {
        Chromium tablet = browser(1024, 768);
        enrol(tablet, station.url(), station.passphrase(), name);
        return tablet;
    }

    /** The check-in desk's browser, signed in as admin, on the desk page; closed after the test. */
    private Chromium signedInDesk() throws Exception {
        Chromium desk = browser(1280, 900);
        desk.driver.get(station.url() + "/admin");
        desk.find("#passphrase").sendKeys(station.passphrase());
        desk.find("form[action='/admin'] button").click();
        await(desk, "#presence-from-desk"); // with a roster the dashboard shows presence from the desk, no typed count
        desk.driver.get(station.url() + "/admin/desk");
        await(desk, "#desk-search");
        return desk;
    }

    /** A browser for this test alone (reset after it). */
    private static Chromium browser(int width, int height) throws Exception {
        return BROWSERS.take(width, height, false, true);
    }

    private void openKiosk(Chromium kiosk, String name, String query) {
        kiosk.driver.get(station.url() + "/kiosk/" + name + query);
        await(kiosk, "#welcome #scan");
        mark(kiosk);
    }

    private static long history(Chromium browser) {
        return ((Number) browser.driver.executeScript("return history.length")).longValue();
    }

    static void awaitBallot(Chromium kiosk) {
        await(kiosk, "#kiosk-ballot");
    }

    /** The welcome screen loaded afresh: the marker set on the previous document is gone. Then marks the new one. */
    static void awaitWelcome(Chromium kiosk) {
        kiosk.waitUpTo(LONG).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !window.__lastVoter && !!document.getElementById('welcome') && document.readyState === 'complete'")));
        mark(kiosk);
    }

    /** Marks the document, so that a reload (the kiosk's wipe) can be told from the same page. */
    static void mark(Chromium kiosk) {
        kiosk.driver.executeScript("window.__lastVoter = true");
    }

    private static void assertNothingOfTheLastVoter(Chromium kiosk, long historyBefore, String receipt, String session) {
        String page = kiosk.driver.getPageSource();
        if (!receipt.isEmpty()) assertFalse(page.contains(receipt), "the receipt code is gone");
        if (!session.isEmpty()) assertFalse(page.contains(session), "the session is gone");
        assertFalse(page.contains("kiosk-ballot") || page.contains("receipt-code"), "no ballot or receipt in the page");
        assertEquals(historyBefore, history(kiosk), "the history did not grow: no page of the voter to go back to");
        assertEquals(0L, ((Number) kiosk.driver.executeScript("return " + VOTER_STORAGE)).longValue());
        assertEquals("", kiosk.driver.executeScript("return document.cookie"));
        assertEquals("", kiosk.find("#scan").getAttribute("value"));
        assertEquals("", kiosk.find("#short-code").getAttribute("value"));
    }

    static void rateAll(Chromium kiosk, String level) {
        for (WebElement option : kiosk.findAll("#kiosk-ballot .level-" + level)) option.click();
    }

    static WebElement await(Chromium browser, String css) {
        try {
            return browser.waitUpTo(LONG).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() || !found.get(0).isDisplayed() && !css.contains("svg") ? null : found.get(0);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + browser.driver.getCurrentUrl() + "; the page says:\n"
                    + browser.driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private JsonNode slip() {
        return slips.get(nextSlip++);
    }

    private static String token(JsonNode slip) {
        String url = slip.path("url").asText();
        return kioskvote.token.TestSlips.secretOf(url);
    }

    /** A slip as a tablet camera sees it: the QR small in a larger, grey, slightly turned picture, as a JPEG. */
    private static Path photographOf(String url) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
        int scale = 6;
        BufferedImage photo = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(170, 165, 160));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(7), 1200, 900));
        int size = matrix.getWidth() * scale;
        int x0 = 1000 - size / 2;
        int y0 = 900 - size / 2;
        g.setColor(new Color(245, 243, 238));
        g.fillRect(x0 - 200, y0 - 150, size + 400, size + 300);
        g.setColor(new Color(30, 30, 35));
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) if (matrix.get(x, y)) g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
        }
        g.dispose();
        Path file = Files.createTempFile("kv-slip-photo-", ".jpg");
        ImageIO.write(photo, "jpg", file.toFile());
        return file;
    }
}
