package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.record.DemoStation;

/**
 * The receipt page on a 360 px phone (docs/record.md): a voter types the code from their receipt and learns it
 * was counted, a code not in any closed poll is "not found", in Vietnamese and English; the phone's receipt page
 * links to it, and the chair's screen shows the record's count and head with a QR code of it after the close.
 */
@BrowserTest
class ReceiptPageTest {
    @RegisterExtension
    final StationExtension demoStation = StationExtension.inProcess().startedByTheTest();

    @Test
    void aVoterLooksUpTheirReceiptOnAPhoneAndAnUnknownCodeIsNotFound() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        try (DemoStation station = DemoStation.on(demoStation); Chromium phone = Chromium.start(360, 740, true, true)) {
            List<String> tokens = station.api.issueTokens(3);
            station.api.adminPost("/api/admin/present", Map.of("present", 30));
            station.api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
            String mine = station.cast("tin-nhiem", tokens.get(0), DemoStation.ballotOf(1));
            station.cast("tin-nhiem", tokens.get(1), DemoStation.ballotOf(2));

            phone.driver.get(station.url + "/receipts?lang=vi");
            phone.awaitHeading("Tra cứu mã biên nhận");
            phone.find("#code").sendKeys(mine, Keys.ENTER);
            assertEquals("not-found", phone.await("#receipt-result").getAttribute("data-result"),
                    "before the close nothing is published: even a counted code is not found yet");
            station.api.closeAndCount("tin-nhiem");
            station.api.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of());

            // The phone's receipt page leads here.
            phone.driver.get(station.url + "/receipt/" + mine);
            phone.await("#receipts-link").click();
            phone.awaitHeading("Tra cứu mã biên nhận");
            phone.find("#code").sendKeys(mine.toLowerCase().replace("-", " "), Keys.ENTER); // typed loosely: case and separator ignored
            var found = phone.await("#receipt-result[data-result=found]");
            assertTrue(found.getText().contains(mine) && found.getText().contains("Lấy phiếu tín nhiệm"), found.getText());
            assertTrue(phone.find(".record-list a").getAttribute("href").endsWith("/api/polls/tin-nhiem/record"));
            phone.waitUpTo(java.time.Duration.ofSeconds(10)).until(d -> "complete".equals(phone.driver.executeScript("return document.readyState")));
            assertAccessible(phone, "receipt look-up, found, at 360 px");
            phone.screenshot("receipts-found-360");

            phone.driver.get(station.url + "/receipts?lang=en&code=0000-0000");
            phone.awaitHeading("Check a receipt code");
            var notFound = phone.await("#receipt-result[data-result=not-found]");
            assertTrue(notFound.getText().contains("The code 0000-0000 was not found in any closed poll."), notFound.getText());
            assertAccessible(phone, "receipt look-up, not found, at 360 px");
            phone.screenshot("receipts-not-found-360");

            phone.driver.get(station.url + "/chair?poll=tin-nhiem&lang=en");
            assertEquals("2", phone.await("#record-count").getText());
            assertTrue(phone.find("#record-head").getText().matches("([0-9a-f]{4} ){15}[0-9a-f]{4}"), phone.find("#record-head").getText());
            assertTrue(phone.find(".audience-qr svg").isDisplayed(), "the QR code of the room's page, where receipts are looked up");
        }
    }
}
