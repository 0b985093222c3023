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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import kioskvote.BrowserTest;
import kioskvote.e2e.Api;
import kioskvote.e2e.InProcessStation;

/**
 * An enrolled tablet kiosk (1024×768) seals every ballot in its page, as the phone does (public/kiosk-device.js),
 * for the three ways a voter gets one there: a scanned slip, a typed short code, a ballot the desk sent for a
 * named voter. The kiosk talks to the station through a logging forwarder standing in for the room's Wi-Fi: what
 * crossed it holds no mark and no receipt code, and the committee's count opens the three ballots.
 */
@BrowserTest
class KioskSealedInChromiumTest {
    private static final String POLL = "tin-nhiem";
    private static final Browsers BROWSERS = new Browsers();

    @TempDir
    Path config;
    @TempDir
    Path data;
    private InProcessStation station;
    private Api api;
    private AirLog air;
    private final List<JsonNode> slips = new ArrayList<>();

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        Files.copy(Path.of("kiosk-config/demo/meeting.yaml"), config.resolve("meeting.yaml"));
        Files.writeString(config.resolve("roster.csv"), "\uFEFFname,unit\r\nNguyễn Văn An,Phòng Tổ chức cán bộ\r\n"
                + "Đỗ Minh Khang,Văn phòng Sở\r\n", StandardCharsets.UTF_8);
        station = InProcessStation.start(config, data);
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
        if (station != null) station.close();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void theKioskSealsEveryBallotInThePageTheCountOpensThemAndTheAirCarriesNoMarkOrReceiptCode() throws Exception {
        Chromium kiosk = BROWSERS.take(1024, 768, false, true);
        KioskAndDeskTest.enrol(kiosk, station.url(), station.passphrase(), "phong-1");
        // Uncompressed answers, so that a plain search of the log sees what a sniffer would after gunzip.
        kiosk.driver.executeCdpCommand("Network.enable", Map.of());
        kiosk.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Encoding", "identity")));
        kiosk.driver.get(air.url() + "/kiosk/phong-1?receipt=60&idle=300");
        await(kiosk, "#welcome #scan");
        KioskAndDeskTest.mark(kiosk);
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
}
