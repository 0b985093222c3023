package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.token.ShortCode;

/**
 * The demo meeting in real headless Chromium, as people meet it: the organiser on the admin pages,
 * the chair's screen on a projector, voters on 360×740 phones (one with JavaScript off, in English).
 * Each test has its own station (in this JVM), gets browsers reset after the test before (no cookies,
 * one blank tab), and sets up through the API what the earlier steps of a meeting would have left.
 * Screenshots and the measured figures go to target/screenshots/.
 */
@BrowserTest
class PhoneBallotAndChairScreenTest {
    static final String POLL_TITLE = "Lấy phiếu tín nhiệm đối với Giám đốc và các Phó Giám đốc Sở";
    private static final List<String> FIGURES = new ArrayList<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;
    private static final Browsers BROWSERS = new Browsers();

    @BeforeEach
    void startStation() {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        station.start();
        api = station.api();
    }

    @AfterEach
    void resetBrowsersAndStopStation() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsersAndWriteFigures() throws Exception {
        BROWSERS.close();
        if (FIGURES.isEmpty()) return;
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve("figures.txt"), FIGURES);
    }

    @Test
    void theOrganiserSignsInSetsPresenceIssuesSlipsVoidsOneAndOpensThePoll() throws Exception {
        Chromium admin = browser(1280, 800, false, true);
        admin.driver.get(station.url() + "/admin");
        assertAccessible(admin, "admin login");
        admin.find("#passphrase").sendKeys(station.passphrase());
        admin.find("form[action='/admin'] button").click();
        admin.await("#present");

        WebElement present = admin.find("#present");
        present.clear();
        present.sendKeys("40");
        admin.find("form[action='/admin/present'] button").click();
        admin.await(".notice-ok");

        WebElement count = admin.find("#count");
        count.clear();
        count.sendKeys("4");
        String dashboard = admin.driver.getWindowHandle();
        admin.find("form[action='/admin/slips'] button").click();
        admin.switchToTheOtherTab(dashboard);
        admin.await(".slip");
        List<String> codes = new ArrayList<>();
        List<String> slipPaths = new ArrayList<>();
        for (WebElement slip : admin.findAll(".slip")) {
            String url = slip.findElement(By.cssSelector(".url")).getText().strip();
            assertTrue(url.startsWith("HTTP://127.0.0.1:7070/V#"), "slip URLs are upper case for a compact QR: " + url);
            slipPaths.add(url.substring(url.indexOf("/V#")));
            codes.add(slip.findElement(By.cssSelector(".code")).getText().strip());
        }
        assertEquals(4, slipPaths.size());
        admin.screenshot("admin-slip-sheet");
        admin.driver.close();
        admin.driver.switchTo().window(dashboard);

        admin.driver.navigate().refresh();
        admin.find("#code").sendKeys(codes.get(3));
        admin.clickAndAwaitNewPage("form[action='/admin/slips/void'] button"); // the presence's notice is on this page too
        admin.awaitText(".notice-ok", codes.get(3));

        admin.find("#poll-tin-nhiem form[action$='/open'] button").click();
        for (int card = 1; card <= 3; card++) {                          // a sealed poll: the committee's key cards, one per screen
            admin.await("#share-" + card);
            assertEquals(1, admin.findAll(".share-card .share-code").size(), "one card on the screen, never two");
            assertEquals(16, admin.findAll("#share-" + card + " .share-code li").size(), "the code in its 16 numbered groups");
            assertTrue(admin.find("#share-" + card + " .share-code").isDisplayed());
            if (card == 1) {
                assertAccessible(admin, "share card");
                admin.screenshot("admin-share-cards");
            }
            admin.find("#deal-next").click();                            // this member has their card: the next one
        }
        admin.await(".notice-ok");
        admin.driver.get(station.url() + "/admin");
        admin.await("#poll-tin-nhiem form[action$='/close']");
        assertEquals("Đang bỏ phiếu", admin.find("#poll-tin-nhiem .state").getText());
        assertAccessible(admin, "admin dashboard");
        admin.screenshot("admin-dashboard");
        assertEquals(1, api.get("/api/polls/tin-nhiem").json().path("voided").asInt(), "the slip voided on the page");
    }

    @Test
    void aVoterOnAPhoneReviewsCastsAndSeesTheReceiptWhileTheChairScreenCountsItWithinASecond() throws Exception {
        String slipPath = slipPath(openPollWithFortyPresentAndIssueSlips(1).get(0));
        Chromium chair = browser(1280, 720, false, true);
        chair.driver.get(station.url() + "/chair");
        assertEquals("0", chair.await("#cast").getText());
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("live")).getAttribute("class").equals("live"));
        assertAccessible(chair, "chair screen (open poll)");

        Chromium phone = browser(360, 740, true, true);
        phone.driver.get(station.url() + slipPath);
        assertEquals(POLL_TITLE, phone.heading());
        assertEquals(12, phone.findAll("input[type=radio]").size(), "4 subjects × 3 levels");
        FIGURES.add("ballot page, first visit (bytes transferred over HTTP, HTML + CSS + JS): " + pageWeight(phone));
        assertAccessible(phone, "phone ballot at 360 px");
        phone.screenshot("phone-ballot");
        phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",   // 360 px at 200% zoom
                Map.of("width", 180, "height", 370, "deviceScaleFactor", 2, "mobile", true));
        assertAccessible(phone, "phone ballot at 200% zoom (180 CSS px)");
        phone.screenshot("phone-ballot-200-percent");
        phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));

        level(phone, "s1", "high");
        level(phone, "s2", "medium");
        level(phone, "s3", "low");                       // s4 left blank on purpose
        phone.screenshot("phone-ballot-filled");
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        WebElement blank = phone.await(".choice.blank");
        assertTrue(blank.getText().contains("Hoàng Thị Dung")
                && blank.getText().contains("Bạn chưa đánh giá Hoàng Thị Dung: phiếu của bạn sẽ không hợp lệ đối với người này."), blank.getText());
        assertEquals(3, phone.findAll(".choice:not(.blank)").size());
        assertNothingSaysNotRecorded(phone, "review at 360 px before the cast");
        assertAccessible(phone, "review at 360 px");
        phone.screenshot("phone-review");

        long tap = System.nanoTime();
        phone.await("#cast-button").click();
        String receipt = phone.await("#receipt-code").getText();
        long receiptShown = System.nanoTime();
        chair.waitUpTo(Duration.ofSeconds(1)).until(d -> d.findElement(By.id("cast")).getText().equals("1"));
        long chairUpdated = System.nanoTime();
        assertTrue(receipt.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), receipt);
        assertTrue(!phone.driver.getCurrentUrl().contains(receipt) && !phone.driver.getCurrentUrl().contains("/receipt/"),
                "a sealed poll's receipt is shown in the page, its code in no URL: " + phone.driver.getCurrentUrl());
        FIGURES.add("tap on \"Bỏ phiếu\" to receipt shown (loopback, ms): " + (receiptShown - tap) / 1_000_000);
        FIGURES.add("receipt shown to chair screen updated (ms): " + (chairUpdated - receiptShown) / 1_000_000);
        assertAccessible(phone, "receipt at 360 px");
        phone.screenshot("phone-receipt");
        assertEquals("1 / 40", chair.find(".big").getText());
        assertTrue(chair.findAll(".results").isEmpty(), "no partial result while the poll is open");
        chair.screenshot("chair-during-vote");

        Object stored = phone.driver.executeScript("return [localStorage.length, sessionStorage.length, document.cookie,"
                + " sessionStorage.key(0)].join('|')");
        assertTrue(String.valueOf(stored).matches("0\\|1\\|\\|kv-slip:[0-9a-f]{64}"),
                "nothing of the ballot kept in storage or cookies, only the slip in this tab (public/slip.js): " + stored);

        phone.driver.navigate().back();
        // the back button lands on the waiting page (the motion is still to come), never on the ballot
        phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
        assertTrue(phone.findAll("input[type=radio]").isEmpty());

        phone.driver.get(station.url() + slipPath);
        phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
        assertAccessible(phone, "waiting at 360 px");
        phone.screenshot("phone-back-to-waiting");
    }

    @Test
    void withJavaScriptOffTheSlipSaysToTurnItOnOrUseAKioskAndNothingIsCast() throws Exception {
        String slipPath = slipPath(openPollWithFortyPresentAndIssueSlips(1).get(0));
        Chromium phone = browser(360, 740, true, false);
        phone.driver.get(station.url() + slipPath);
        phone.awaitHeading("Phiếu biểu quyết");
        String text = phone.bodyText();
        assertTrue(text.contains("cần JavaScript") && text.contains("máy bỏ phiếu (kiosk)"), text);
        assertFalse(text.contains("Đang mở phiếu"), "no \"opening your slip\" that never comes: " + text);
        phone.driver.get(station.url() + "/V?lang=en");
        phone.awaitHeading("Ballot slip");
        assertTrue(phone.bodyText().contains("needs JavaScript") && phone.bodyText().contains("vote at a kiosk"), phone.bodyText());
        phone.screenshot("phone-slip-no-js");
        assertEquals(0, api.get("/api/polls/tin-nhiem").json().path("cast").asInt());
    }

    @Test
    void theReviewSaysNotRecordedOnlyAfterASendHasFailedAndTheRetryThenCounts() throws Exception {
        String slipPath = slipPath(openPollWithFortyPresentAndIssueSlips(1).get(0));
        Chromium phone = browser(360, 740, true, true);
        phone.driver.get(station.url() + slipPath);
        level(phone, "s1", "high");
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        assertNothingSaysNotRecorded(phone, "review before the cast");

        phone.driver.executeCdpCommand("Network.enable", Map.of());
        phone.driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            phone.find("#cast-button").click();
            phone.waitUpTo(Chromium.PATIENCE).until(d -> phone.find("#cast-offline").isDisplayed());
            String shown = phone.bodyText();
            assertTrue(shown.contains("CHƯA được ghi nhận"), "after a failed send the voter is told: " + shown);
            assertTrue(phone.find("#retry-button").isDisplayed() && !phone.find("#cast-button").isDisplayed(),
                    "one primary button: send again");
            assertAccessible(phone, "review after a failed send");
            phone.screenshot("phone-review-offline");
            assertEquals(0, api.get("/api/polls/tin-nhiem").json().path("cast").asInt(), "nothing reached the station");
        } finally {
            phone.driver.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        phone.find("#retry-button").click();
        assertTrue(phone.await("#receipt-code").getText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertEquals(1, api.get("/api/polls/tin-nhiem").json().path("cast").asInt(), "the retry was counted once");
    }

    @Test
    void aForgedOrVoidedSlipGetsAFriendlyFullPageExplanation() throws Exception {
        List<String> tokens = openPollWithFortyPresentAndIssueSlips(2);
        assertEquals(200, api.adminPost("/api/admin/slips/void", Map.of("code", shortCodeOf(tokens.get(1)))).status());
        Chromium phone = browser(360, 740, true, true);
        String path = slipPath(tokens.get(0));
        char last = path.charAt(path.length() - 1);
        phone.driver.get(station.url() + path.substring(0, path.length() - 1) + (last == '0' ? '1' : '0'));
        phone.awaitHeading("Phiếu này không có trong danh sách phiếu đã phát.");
        assertAccessible(phone, "forged slip at 360 px");
        phone.screenshot("phone-forged-slip");
        phone.driver.get(station.url() + slipPath(tokens.get(1)));
        phone.awaitHeading("Phiếu này đã bị huỷ. Hãy liên hệ Ban kiểm phiếu.");
    }

    @Test
    void afterTheCloseTheChairShowsCountsBarsAndFlagsAndTheMinutesPrintOnA4() throws Exception {
        castTheTwoBallotsOfTheResultsPage();
        Chromium chair = browser(1280, 720, false, true);
        chair.driver.get(station.url() + "/chair");
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("live")).getAttribute("class").equals("live"));
        Chromium admin = signedInAdmin();
        admin.find("#poll-tin-nhiem form[action$='/close'] button").click();
        admin.waitUpTo(Chromium.PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
        chair.await("#awaiting-count");                                // the chair's screen waits for the committee
        assertEquals("Đã kết thúc — chờ Ban kiểm phiếu mở hòm phiếu", chair.find("#state").getText());
        chair.screenshot("chair-awaiting-count");
        List<String> cards = Api.sharesOf("tin-nhiem").codes();         // two of the three committee members present their cards
        admin.find("#count-tin-nhiem").click();
        admin.find("#share1-g1").sendKeys(cards.get(0).toLowerCase()); // typed on from group to group, as a QR scanner types
        admin.find("#share2-g1").sendKeys(cards.get(2));
        assertAccessible(admin, "count page");
        admin.find("#count-form button[type=submit]").click();
        admin.await("#poll-tin-nhiem a[href$='/minutes.csv?lang=vi']");
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("state")).getText().equals("Đã kết thúc — chưa công bố kết quả"));
        assertTrue(chair.findAll(".results").isEmpty(), "the results wait for the chair");
        admin.find("#poll-tin-nhiem form[action$='/show-results'] button").click();

        WebElement results = chair.await(".results");                 // the screen reloads itself when the chair shows them
        String text = results.getText();
        // Two ballots: s1 high+high, s2 medium+high, s3 low+low, s4 blank+medium.
        assertTrue(text.contains("Nguyễn Văn An") && text.contains("Tín nhiệm cao: 2 (100,00%)"), text);
        assertTrue(text.contains("Tín nhiệm thấp: 2 (100,00%)"), text);
        assertTrue(text.contains("Từ 2/3 số phiếu tín nhiệm thấp trở lên: căn cứ để miễn nhiệm."), "threshold flag for s3");
        assertTrue(text.contains("Tín nhiệm: 1 (50,00%)") && text.contains("không hợp lệ 1"), "s4: one valid, one left blank");
        assertTrue(chair.find(".chair-foot code").getText().matches("([0-9A-F]{4} ){7}[0-9A-F]{4}"), "key fingerprint");
        assertEquals(12, chair.findAll(".stack .seg").size(), "a stacked bar per subject");
        assertAccessible(chair, "chair screen (results)");
        chair.screenshot("chair-after-close");

        String dashboard = admin.driver.getWindowHandle();
        admin.find("#poll-tin-nhiem a[href$='/minutes?lang=vi']").click();
        admin.switchToTheOtherTab(dashboard);
        assertEquals("BIÊN BẢN KIỂM PHIẾU", admin.heading());
        admin.screenshot("minutes");
        admin.emulatePrint();
        admin.screenshot("minutes-print");
        assertTrue(admin.findAll(".screen-only").stream().noneMatch(WebElement::isDisplayed), "no print button on paper");
        admin.emulateScreen();
        Path pdf = admin.printToPdf("minutes");
        byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(bytes.length > 10_000 && new String(bytes, 0, 4).equals("%PDF"), "the minutes print to a PDF");
        admin.driver.close();
        admin.driver.switchTo().window(dashboard);

        assertTrue(api.adminGet("/api/admin/polls/tin-nhiem/minutes.csv").body().startsWith("\uFEFF"));
        assertEquals(2, api.adminGet("/api/admin/polls/tin-nhiem/minutes.json").json().path("counts").path("received").asInt());
    }

    @Test
    void theChairAndAdminPagesFitA360PxScreenAnd200PercentZoom() throws Exception {
        castTheTwoBallotsOfTheResultsPage();
        assertEquals(200, api.closeAndCount("tin-nhiem").status()); // results: the widest chair page
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of()).status());
        Chromium admin = signedInAdmin();
        Chromium chair = browser(1280, 720, false, true);
        for (int width : new int[] {360, 640}) {
            for (Chromium browser : new Chromium[] {admin, chair}) {
                browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 740, "deviceScaleFactor", 1, "mobile", width == 360));
            }
            admin.driver.get(station.url() + "/admin");
            admin.await("#poll-tin-nhiem");
            assertAccessible(admin, "admin at " + width + " px");
            if (width == 360) admin.screenshot("admin-360");
            chair.driver.get(station.url() + "/chair");
            chair.await(".results");
            assertAccessible(chair, "chair at " + width + " px");
            if (width == 360) chair.screenshot("chair-360");
        }
    }

    // --- helpers: what the earlier steps of the meeting leave behind, set up through the API

    /** A browser for this test alone (reset after it). */
    private static Chromium browser(int width, int height, boolean mobile, boolean javascript) throws Exception {
        return BROWSERS.take(width, height, mobile, javascript);
    }

    /** A desktop browser on the admin dashboard, signed in with the passphrase. */
    private Chromium signedInAdmin() throws Exception {
        Chromium admin = browser(1280, 800, false, true);
        admin.driver.get(station.url() + "/admin");
        admin.find("#passphrase").sendKeys(station.passphrase());
        admin.find("form[action='/admin'] button").click();
        admin.await("#poll-tin-nhiem");
        return admin;
    }

    /** 40 present, the confidence poll open, and {@code count} slips printed: their tokens. */
    private List<String> openPollWithFortyPresentAndIssueSlips(int count) {
        List<String> tokens = api.issueTokens(count);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
        return tokens;
    }

    /** The two ballots whose results the chair's screen is checked against. */
    private void castTheTwoBallotsOfTheResultsPage() {
        List<String> tokens = openPollWithFortyPresentAndIssueSlips(2);
        assertEquals(200, api.cast("tin-nhiem", tokens.get(0), Map.of("s1", List.of("high"), "s2", List.of("medium"),
                "s3", List.of("low"), "s4", List.of()), ReceiptCode.randomSecret(RANDOM)).status());
        assertEquals(200, api.cast("tin-nhiem", tokens.get(1), Map.of("s1", List.of("high"), "s2", List.of("high"),
                "s3", List.of("low"), "s4", List.of("medium")), ReceiptCode.randomSecret(RANDOM)).status());
    }

    /** The path of the slip's QR code, as printed (upper case /V/). */
    private static String slipPath(String token) {
        return "/V#" + token;
    }

    private static String shortCodeOf(String token) {
        return kioskvote.token.Token.decode(kioskvote.token.TestSlips.secretOf(token)).shortCode();
    }

    /** What a person reads on the screen (not what the DOM holds) says nothing of a failed send. */
    private static void assertNothingSaysNotRecorded(Chromium phone, String page) {
        String shown = phone.bodyText();
        for (String alarm : List.of("CHƯA được ghi nhận", "Gửi lại", "NOT been recorded", "Send again")) {
            assertTrue(!shown.contains(alarm), page + ": the screen says \"" + alarm + "\" before any send failed:\n" + shown);
        }
        assertTrue(!phone.find("#cast-offline").isDisplayed() && !phone.find("#retry-button").isDisplayed(), page);
        assertTrue(phone.find("#cast-button").isDisplayed(), page + ": the one primary button is the cast");
    }

    private static void level(Chromium phone, String subject, String level) {
        phone.find("#q-" + subject + " label.level-" + level).click();
        assertTrue(phone.find("#q-" + subject + " input[value=" + level + "]").isSelected());
    }

    /** Bytes the page and its resources took on the wire (Resource Timing transferSize), and their size unpacked. */
    private static String pageWeight(Chromium phone) {
        Object weight = phone.driver.executeScript("""
                var all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                var wire = 0, body = 0;
                all.forEach(function (e) { wire += e.transferSize; body += e.decodedBodySize; });
                return wire + ' (' + all.map(function (e) { return e.name.replace(/.*[/]/, '').slice(0, 12); }).join(', ') + '; ' + body + ' bytes unpacked)';
                """);
        return String.valueOf(weight);
    }
}
