package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.token.ShortCode;

/**
 * The election ballot on a 360 px phone (keep or cross out, the review counting the names kept), the tellers'
 * paper-entry page, and the minutes of an election with a 12-person roster as Chromium prints them on A4:
 * results and signatures on the first page, the annex after, no column wider than the page.
 */
@BrowserTest
class ElectionPaperAndMinutesTest {
    static final String ELECTION = "bau-cu-bch-cong-doan";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Browsers BROWSERS = new Browsers();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @AfterEach
    void stop() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    private Api start(boolean roster) throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        if (roster) {
            StringBuilder csv = new StringBuilder("name,unit\n");
            String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
            for (int i = 0; i < 12; i++) csv.append(family[i]).append(" Văn Khách ").append(i + 1).append(",Phòng ").append(i % 4 + 1).append('\n');
            Files.writeString(station.configDir().resolve("roster.csv"), csv, StandardCharsets.UTF_8);
        }
        station.start();
        return station.api();
    }

    private Chromium signedInAdmin() throws Exception {
        Chromium admin = BROWSERS.take(1280, 800, false, true);
        admin.driver.get(station.url() + "/admin");
        admin.find("#passphrase").sendKeys(station.passphrase());
        admin.find("form[action='/admin'] button").click();
        admin.await("#poll-" + ELECTION);
        return admin;
    }

    @Test
    void aVoterCrossesOutTwoNamesOnAPhoneAndTheReviewSaysThreeAreKept() throws Exception {
        Api api = start(false);
        String token = api.issueTokens(1).get(0);
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of()).status());

        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + "/V#" + token);
        phone.await("#q-election");
        assertEquals(5, phone.findAll("#q-election input[type=checkbox]:checked").size(), "as on paper, every name starts kept");
        phone.find("#cand-c4").click();
        phone.find("#cand-c5").click();
        assertEquals(3, phone.findAll("#q-election input[type=checkbox]:checked").size());
        assertAccessible(phone, "election ballot");
        assertNoWiderThanTheScreen(phone);
        phone.screenshot("election-ballot");

        phone.find("#ballot button.primary").click();
        phone.awaitText("#kept-count", "Bạn giữ 3 trong 5 người (bầu 3 người).");
        assertEquals(2, phone.findAll(".choice.crossed").size());
        assertTrue(phone.findAll("#over-limit").isEmpty());
        assertAccessible(phone, "election review");
        assertNoWiderThanTheScreen(phone);
        phone.screenshot("election-review");

        phone.find("#change-button").click();
        phone.await("#q-election");
        phone.find("#cand-c4").click(); // four kept: the review warns the ballot will be invalid
        phone.find("#ballot button.primary").click();
        phone.awaitText("#over-limit", "phiếu sẽ không hợp lệ");
        phone.find("#cast-button").click();
        phone.awaitText("#receipt-code", "-"); // shown once the station has answered (the ballot page has an h1 from the start)
        assertEquals(1, api.get("/api/polls/" + ELECTION).json().path("cast").asInt());
    }

    @Test
    void theTellersEnterAPaperBatchOnTheirPage() throws Exception {
        Api api = start(false);
        List<String> tokens = api.issueTokens(2);
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of()).status());
        String lines = code(tokens.get(0)) + ": 1 2 3\n" + code(tokens.get(1)) + ": 1 4\n";

        Chromium admin = signedInAdmin();
        admin.driver.get(station.url() + "/admin/polls/" + ELECTION + "/paper");
        admin.find("#teller").sendKeys("Phạm Thị Hoa");
        admin.find("#batch").sendKeys("to-1");
        admin.find("#lines").sendKeys(lines);
        admin.find("#paper-entry button.primary").click();
        admin.awaitText("#paper-state", "Chờ người thứ hai nhập");

        admin.find("#teller").sendKeys("Đỗ Minh Khang");
        admin.find("#lines").clear();
        admin.find("#lines").sendKeys(code(tokens.get(0)) + ": 1 2 3\n" + code(tokens.get(1)) + ": 1 5\n"); // 5 misread for 4
        admin.find("#paper-entry button.primary").click();
        admin.awaitText("#paper-state", "khác nhau ở 1 phiếu");
        assertEquals(1, admin.findAll("#differences tbody tr").size());
        assertTrue(admin.find("#differences tbody tr").getText().contains("1 4"), "each entry as the teller typed it");
        assertAccessible(admin, "paper entry with a difference");
        admin.screenshot("paper-entry");

        admin.find("#teller").sendKeys("Đỗ Minh Khang");
        admin.find("#lines").clear();
        admin.find("#lines").sendKeys(lines);
        admin.find("#paper-entry button.primary").click();
        admin.awaitText("#paper-state", "đã nhận 2 phiếu");
        assertEquals(2, api.get("/api/polls/" + ELECTION).json().path("cast").asInt());

        admin.driver.get(station.url() + "/admin/polls/" + ELECTION + "/paper-form");
        admin.await("#slip-box");
        admin.screenshot("paper-form");
    }

    @Test
    void theMinutesOfAnElectionWithATwelvePersonRosterPrintResultsAndSignaturesOnTheFirstPage() throws Exception {
        Api api = start(true);
        List<JsonNode> people = new ArrayList<>();
        api.adminGet("/api/admin/roster?q=").json().path("people").forEach(people::add);
        assertEquals(12, people.size());
        List<String> tokens = new ArrayList<>();
        for (JsonNode person : people) {
            String id = person.path("id").asText();
            assertEquals(200, api.adminPost("/api/admin/roster/" + id + "/present", Map.of("present", true)).status());
            Api.Reply handedOut = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", id, "pollId", ELECTION, "kind", "QR"));
            String url = handedOut.json().path("slip").path("url").asText();
            tokens.add(kioskvote.token.TestSlips.secretOf(url));
        }
        assertEquals(200, api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of()).status());
        for (int i = 0; i < 12; i++) {
            List<String> kept = i < 7 ? List.of("c1", "c2", "c3") : i < 11 ? List.of("c1", "c4", "c5") : List.of();
            assertEquals(200, api.cast(ELECTION, tokens.get(i), Map.of("election", kept), ReceiptCode.randomSecret(RANDOM)).status());
        }
        assertEquals(200, api.closeAndCount(ELECTION).status());

        Chromium admin = signedInAdmin();
        admin.driver.get(station.url() + "/api/admin/polls/" + ELECTION + "/minutes?lang=vi");
        assertEquals("BIÊN BẢN KIỂM PHIẾU", admin.heading());
        String text = admin.bodyText();
        assertTrue(text.contains("Những người trúng cử: Đặng Thu Hà, Bùi Quốc Huy, Ngô Thị Lệ."), text);
        assertTrue(text.contains("Điểm danh có mặt") && text.contains("Mở bỏ phiếu"), "event names in Vietnamese");
        assertTrue(Pattern.compile("\\d\\d giờ \\d\\d, ngày \\d\\d/\\d\\d/\\d{4}").matcher(text).find(), "times as the minutes write them");
        admin.emulatePrint();
        // A4 at 96 px/in less 15 mm margins each side: 180 mm ≈ 680 px. Nothing may stick out of the body.
        Number overflow = (Number) admin.driver.executeScript(
                "const w = document.body.getBoundingClientRect().right; let worst = 0;"
                        + "for (const e of document.querySelectorAll('table, td, th, dd, p')) worst = Math.max(worst, e.getBoundingClientRect().right - w);"
                        + "return worst;");
        assertTrue(overflow.doubleValue() <= 1, "a column sticks out of the page by " + overflow + " px");
        Number signaturesTop = (Number) admin.driver.executeScript("return document.getElementById('signatures').getBoundingClientRect().top + window.scrollY");
        Number annexTop = (Number) admin.driver.executeScript("return document.getElementById('annex').getBoundingClientRect().top + window.scrollY");
        assertTrue(signaturesTop.doubleValue() < annexTop.doubleValue(), "the signatures come before the annex");
        admin.screenshot("minutes-election-print");
        firstA4Page(admin, "minutes-election-first-page");
        admin.emulateScreen();

        byte[] pdf = Files.readAllBytes(admin.printToPdf("minutes-election"));
        int pages = pageCount(pdf);
        assertTrue(pages >= 2 && pages <= 6, "results and signatures, then the annex: " + pages + " A4 pages");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertTrue(box.find(), "the PDF names its page size");
        assertEquals(595, Math.round(Double.parseDouble(box.group(1))), "A4 width in points");
    }

    /** The first A4 page as printed: 210 mm at 96 px/in is 794 px wide; 297 mm less the two 15 mm margins is 1009 px of content. */
    private static void firstA4Page(Chromium browser, String name) throws Exception {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 680, "height", 1009, "deviceScaleFactor", 1, "mobile", false));
        Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 680, "height", 1009, "scale", 1)));
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    private static int pageCount(byte[] pdf) {
        Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (page.find()) count++;
        return count;
    }

    private static void assertNoWiderThanTheScreen(Chromium browser) {
        Number scroll = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
        Number inner = (Number) browser.driver.executeScript("return window.innerWidth");
        assertTrue(scroll.intValue() <= inner.intValue(), "the page scrolls sideways: " + scroll + " > " + inner);
    }

    private static String code(String token) {
        return kioskvote.token.Token.decode(kioskvote.token.TestSlips.secretOf(token)).shortCode();
    }
}
