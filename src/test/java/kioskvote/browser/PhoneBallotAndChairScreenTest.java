package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import kioskvote.e2e.Api;
import kioskvote.e2e.StationProcess;

/**
 * The demo meeting in real headless Chromium, as people meet it: the organiser on the admin pages,
 * the chair's screen on a projector, voters on 360×740 phones (one with JavaScript off, in English).
 * Screenshots and the measured figures go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneBallotAndChairScreenTest {
    static final String POLL_TITLE = "Lấy phiếu tín nhiệm đối với Giám đốc và các Phó Giám đốc Sở";

    private Path data;
    private StationProcess station;
    private Chromium admin;
    private Chromium chair;
    private final List<String> slipPaths = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void startStationAndBrowsers() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        data = Files.createTempDirectory("kv-browser-");
        station = StationProcess.start(Path.of("kiosk-config/demo"), data);
        admin = Chromium.start(1280, 800, false, true);
        chair = Chromium.start(1280, 720, false, true);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (!figures.isEmpty()) Files.write(Chromium.SCREENSHOTS.resolve("figures.txt"), figures);
        for (Chromium browser : new Chromium[] {admin, chair}) if (browser != null) browser.close();
        if (station != null) station.close();
    }

    @Test
    @Order(1)
    void theOrganiserSignsInSetsPresenceIssuesSlipsVoidsOneAndOpensThePoll() throws Exception {
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
        admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.numberOfWindowsToBe(2));
        for (String handle : admin.driver.getWindowHandles()) if (!handle.equals(dashboard)) admin.driver.switchTo().window(handle);
        admin.await(".slip");
        List<String> codes = new ArrayList<>();
        for (WebElement slip : admin.findAll(".slip")) {
            String url = slip.findElement(By.cssSelector(".url")).getText().strip();
            assertTrue(url.startsWith("HTTP://127.0.0.1:7070/V/"), "slip URLs are upper case for a compact QR: " + url);
            slipPaths.add(url.substring(url.indexOf("/V/")));
            codes.add(slip.findElement(By.cssSelector(".code")).getText().strip());
        }
        assertEquals(4, slipPaths.size());
        admin.screenshot("admin-slip-sheet");
        admin.driver.close();
        admin.driver.switchTo().window(dashboard);

        admin.driver.navigate().refresh();
        admin.find("#code").sendKeys(codes.get(3));
        admin.find("form[action='/admin/slips/void'] button").click();
        assertTrue(admin.await(".notice-ok").getText().contains(codes.get(3)));

        admin.find("#poll-tin-nhiem form[action$='/open'] button").click();
        admin.await("#poll-tin-nhiem form[action$='/close']");
        assertEquals("Đang bỏ phiếu", admin.find("#poll-tin-nhiem .state").getText());
        assertAccessible(admin, "admin dashboard");
        admin.screenshot("admin-dashboard");
    }

    @Test
    @Order(2)
    void aVoterOnAPhoneReviewsCastsAndSeesTheReceiptWhileTheChairScreenCountsItWithinASecond() throws Exception {
        chair.driver.get(station.url() + "/chair");
        assertEquals("0", chair.await("#cast").getText());
        chair.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("live")).getAttribute("class").equals("live"));
        assertAccessible(chair, "chair screen (open poll)");

        try (Chromium phone = Chromium.start(360, 740, true, true)) {
            phone.driver.get(station.url() + slipPaths.get(0));
            assertEquals(POLL_TITLE, phone.heading());
            assertEquals(12, phone.findAll("input[type=radio]").size(), "4 subjects × 3 levels");
            figures.add("ballot page, first visit (bytes transferred over HTTP, HTML + CSS + JS): " + pageWeight(phone));
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
            WebElement blank = phone.find(".choice.blank");
            assertTrue(blank.getText().contains("Hoàng Thị Dung")
                    && blank.getText().contains("Bạn chưa đánh giá Hoàng Thị Dung: phiếu của bạn sẽ không hợp lệ đối với người này."), blank.getText());
            assertEquals(3, phone.findAll(".choice:not(.blank)").size());
            assertAccessible(phone, "review at 360 px");
            phone.screenshot("phone-review");

            long tap = System.nanoTime();
            phone.find("#cast-button").click();
            String receipt = phone.await("#receipt-code").getText();
            long receiptShown = System.nanoTime();
            chair.waitUpTo(Duration.ofSeconds(1)).until(d -> d.findElement(By.id("cast")).getText().equals("1"));
            long chairUpdated = System.nanoTime();
            assertTrue(receipt.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), receipt);
            assertTrue(phone.driver.getCurrentUrl().endsWith("/receipt/" + receipt + "?poll=tin-nhiem"),
                    "the receipt URL holds the receipt code and the poll only: " + phone.driver.getCurrentUrl());
            figures.add("tap on \"Bỏ phiếu\" to receipt shown (loopback, ms): " + (receiptShown - tap) / 1_000_000);
            figures.add("receipt shown to chair screen updated (ms): " + (chairUpdated - receiptShown) / 1_000_000);
            assertAccessible(phone, "receipt at 360 px");
            phone.screenshot("phone-receipt");
            assertEquals("1 / 40", chair.find(".big").getText());
            assertTrue(chair.findAll(".results").isEmpty(), "no partial result while the poll is open");
            chair.screenshot("chair-during-vote");

            Object stored = phone.driver.executeScript("return [localStorage.length, sessionStorage.length, document.cookie].join('|')");
            assertEquals("0|0|", stored, "nothing of the ballot kept in storage or cookies");

            phone.driver.navigate().back();
            // the back button lands on the waiting page (the motion is still to come), never on the ballot
            phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
            assertTrue(phone.findAll("input[type=radio]").isEmpty());

            phone.driver.get(station.url() + slipPaths.get(0));
            phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
            assertAccessible(phone, "waiting at 360 px");
        }
    }

    @Test
    @Order(3)
    void theBallotWorksWithJavaScriptOffAndInEnglishStoringTheSameChoices() throws Exception {
        try (Chromium phone = Chromium.start(360, 740, true, false)) {
            phone.driver.get(station.url() + slipPaths.get(1).replace("/V/", "/v/"));
            phone.find("nav.lang a").click();
            phone.await("button.primary");
            assertEquals("Review my ballot", phone.find("#ballot button[type=submit]").getText());
            assertEquals("High confidence", phone.find("label.level-high span").getText());
            level(phone, "s1", "low");
            level(phone, "s2", "high");
            level(phone, "s3", "low");
            level(phone, "s4", "medium");
            phone.find("#ballot button[type=submit]").click();
            phone.awaitHeading("Review before casting");
            phone.find("#change-button").click();
            phone.await("#ballot");
            assertTrue(phone.find("#q-s1 input[value=low]").isSelected(), "changing my answers keeps the choices made");
            level(phone, "s1", "high");
            phone.find("#ballot button[type=submit]").click();
            assertTrue(phone.findAll(".choice.blank").isEmpty());
            phone.find("#cast-button").click();
            assertTrue(phone.await("#receipt-code").getText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}"));
            phone.awaitHeading("Ballot cast");
            phone.screenshot("phone-receipt-en-no-js");

            phone.driver.navigate().back();                 // the review was a POST: the browser will not show it again unasked
            String back = phone.driver.findElement(By.tagName("body")).getText();
            figures.add("back from the receipt without JavaScript shows: " + back.lines().findFirst().orElse("").strip());
            assertTrue(!back.contains("confidence") && phone.findAll("input[type=radio]").isEmpty(), "no choice shown again: " + back);
        }
        chair.waitUpTo(Duration.ofSeconds(1)).until(d -> d.findElement(By.id("cast")).getText().equals("2"));
    }

    @Test
    @Order(4)
    void aForgedOrVoidedSlipGetsAFriendlyFullPageExplanation() throws Exception {
        try (Chromium phone = Chromium.start(360, 740, true, true)) {
            String path = slipPaths.get(2);
            char last = path.charAt(path.length() - 1);
            phone.driver.get(station.url() + path.substring(0, path.length() - 1) + (last == '0' ? '1' : '0'));
            phone.awaitHeading("Phiếu này không do Ban kiểm phiếu phát ra (chữ ký không hợp lệ).");
            assertAccessible(phone, "forged slip at 360 px");
            phone.screenshot("phone-forged-slip");
            phone.driver.get(station.url() + slipPaths.get(3));
            phone.awaitHeading("Phiếu này đã bị huỷ. Hãy liên hệ Ban kiểm phiếu.");
        }
    }

    @Test
    @Order(5)
    void afterTheCloseTheChairShowsCountsBarsAndFlagsAndTheMinutesPrintOnA4() throws Exception {
        admin.driver.get(station.url() + "/admin");
        admin.find("#poll-tin-nhiem form[action$='/close'] button").click();
        admin.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        admin.await("#poll-tin-nhiem a[href$='/minutes.csv?lang=vi']");
        chair.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("state")).getText().equals("Đã kết thúc — chưa công bố kết quả"));
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
        admin.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.numberOfWindowsToBe(2));
        for (String handle : admin.driver.getWindowHandles()) if (!handle.equals(dashboard)) admin.driver.switchTo().window(handle);
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

        Api api = new Api(station.url(), station.passphrase());
        assertTrue(api.adminGet("/api/admin/polls/tin-nhiem/minutes.csv").body().startsWith("\uFEFF"));
        assertEquals(2, api.adminGet("/api/admin/polls/tin-nhiem/minutes.json").json().path("counts").path("received").asInt());
    }

    @Test
    @Order(6)
    void theChairAndAdminPagesFitA360PxScreenAnd200PercentZoom() throws Exception {
        for (int width : new int[] {360, 640}) {
            for (Chromium browser : new Chromium[] {admin, chair}) {
                browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 740, "deviceScaleFactor", 1, "mobile", width == 360));
            }
            admin.driver.get(station.url() + "/admin");
            assertAccessible(admin, "admin at " + width + " px");
            if (width == 360) admin.screenshot("admin-360");
            chair.driver.get(station.url() + "/chair");
            assertAccessible(chair, "chair at " + width + " px");
            if (width == 360) chair.screenshot("chair-360");
        }
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
