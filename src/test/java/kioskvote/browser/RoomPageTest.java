package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import kioskvote.BrowserTest;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;

/**
 * The room's page on a 360 px phone, as a person who scanned the projector's audience QR code sees it: the
 * results the chair has shown (and only those), the receipt look-up and the record to download, in both languages.
 */
@BrowserTest
class RoomPageTest extends OnTheDemoStation {
    private static final String MOTION = "bieu-quyet-quy-che";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Browsers BROWSERS = new Browsers();

    @AfterEach
    void resetBrowsers() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void aPhoneOnTheAudienceQrCodeSeesTheShownOutcomeLooksUpItsReceiptAndGetsTheRecordInBothLanguages() throws Exception {
        List<String> tokens = api.issueTokens(3);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
        String receipt = "";
        for (int i = 0; i < 3; i++) {
            Api.Reply cast = api.cast(MOTION, tokens.get(i), Map.of("motion", List.of(i < 2 ? "agree" : "disagree")), ReceiptCode.randomSecret(RANDOM));
            assertEquals(200, cast.status());
            if (i == 0) receipt = cast.json().path("receipt").asText();
        }
        assertEquals(200, api.closeAndCount(MOTION).status());

        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + "/?lang=vi");
        assertTrue(phone.await("#no-results").isDisplayed(), "counted but not shown: nothing on the room's page yet");
        assertTrue(phone.findAll("#room-" + MOTION).isEmpty());
        assertAccessible(phone, "room page, nothing shown, vi");
        Axe.assertNoViolations(phone, "room page, nothing shown, vi");

        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/show-results", Map.of()).status());
        for (String lang : List.of("vi", "en")) {
            phone.driver.get(station.url() + "/?lang=" + lang);
            var poll = phone.await("#room-" + MOTION);
            assertTrue(poll.isDisplayed());
            String seen = poll.getText();
            assertTrue(seen.contains(lang.equals("vi") ? "ĐƯỢC THÔNG QUA" : "PASSED"), seen);
            assertTrue(seen.contains(lang.equals("vi") ? "Đồng ý: 2" : "Agree: 2"), seen);
            assertTrue(phone.find("#room-" + MOTION + " .room-record a").isDisplayed(), "the record to download");
            assertTrue(phone.find("#room-receipt-form #code").isDisplayed(), "the receipt look-up");
            assertFalse(phone.bodyText().contains("Lấy phiếu tín nhiệm đối với Giám đốc"), "a poll not shown is not listed");
            assertAccessible(phone, "room page, motion shown, " + lang);
            Axe.assertNoViolations(phone, "room page, motion shown, " + lang);
            phone.screenshot("room-phone-" + lang);
        }
        phone.find("nav.lang a").click();                                    // en → vi
        phone.await("html[lang=vi] #room-" + MOTION);
        phone.find("#room-receipt-form #code").sendKeys(receipt, Keys.ENTER);
        var found = phone.await("#receipt-result[data-result=found]");
        assertTrue(found.isDisplayed() && found.getText().contains(receipt), found.getText());
        assertEquals("vi", phone.driver.executeScript("return document.documentElement.lang"));
        Files.createDirectories(Path.of("docs/screenshots"));
        Files.copy(Chromium.SCREENSHOTS.resolve("room-phone-vi.png"), Path.of("docs/screenshots/room-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
