package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kioskvote.BrowserTest;
import kioskvote.e2e.Api;

/**
 * A voter the desk gave a QR code on its screen (no printed slip) votes on a 360 px phone: the receipt names the
 * poll, tells them to keep the page open (never to keep a slip they never had, nor that they may close it), and
 * the page carries them to the next ballot when the chair opens it.
 */
@BrowserTest
class DeskQrVoterTest extends OnTheDemoStation {
    private static final String FIRST = "tin-nhiem";
    private static final String NEXT = "bieu-quyet-quy-che";
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
    void theReceiptOfADeskQrVoterSaysToKeepThePageOpenAndThePageOpensTheNextBallot() throws Exception {
        assertEquals(200, api.postRaw("/api/admin/roster/import", "name,unit\nNguyễn Văn An,Phòng 1\nTrần Thị Bình,Phòng 2\n", true).status());
        String id = api.adminGet("/api/admin/roster?q=nguyen+van+an").json().path("people").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/roster/" + id + "/present", Map.of("present", true)).status());
        Api.Reply handedOut = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", id, "pollId", FIRST, "kind", "QR"));
        assertEquals(200, handedOut.status(), handedOut.body());
        String url = handedOut.json().path("slip").path("url").asText();
        assertEquals(200, api.adminPost("/api/admin/polls/" + FIRST + "/open", Map.of("confirmBelowQuorum", true)).status());

        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + url.substring(url.indexOf("/V#")));
        phone.await("#q-s1 label.level-high").click();
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        phone.await("#cast-button").click();
        phone.await("#receipt-code");
        assertTrue(phone.find("#receipt-poll").isDisplayed());
        assertEquals("Nội dung: Lấy phiếu tín nhiệm đối với Giám đốc và các Phó Giám đốc Sở", phone.find("#receipt-poll").getText());
        assertTrue(phone.find("#keep-open").isDisplayed());
        assertTrue(phone.find("#keep-open").getText().startsWith("Hãy để trang này mở"), phone.find("#keep-open").getText());
        String seen = phone.bodyText();
        assertFalse(seen.contains("Giữ lại phiếu") || seen.contains("Bạn có thể đóng trang"), "no slip to keep, no leave to close: " + seen);
        assertTrue(phone.find("#next-poll").isDisplayed(), "the way to the next poll");
        assertAccessible(phone, "desk-QR voter's receipt at 360 px");
        Axe.assertNoViolations(phone, "desk-QR voter's receipt at 360 px");
        phone.screenshot("phone-receipt-desk-qr");
        Files.createDirectories(Path.of("docs/screenshots"));
        Files.copy(Chromium.SCREENSHOTS.resolve("phone-receipt-desk-qr.png"), Path.of("docs/screenshots/phone-receipt-desk-qr.png"),
                StandardCopyOption.REPLACE_EXISTING);

        phone.find("#next-poll").click();
        phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
        phone.await("#wait-auto:not([hidden])");
        assertEquals(200, api.closeAndCount(FIRST).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + NEXT + "/open", Map.of("confirmBelowQuorum", true)).status());
        phone.awaitHeading("Biểu quyết thông qua Quy chế làm việc sửa đổi");      // carried to the next ballot, nothing scanned
        assertTrue(phone.find("#q-motion").isDisplayed());
    }
}
