package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import kioskvote.BrowserTest;
import kioskvote.ballot.ReceiptCode;

/**
 * The projector at the moment the room waits for: the chair shows a motion's result. Measured as the back row
 * sees it, on a 1024×768 and a 1920×1080 projector: the verdict and the counts large, the outcome across the
 * width, the ballot count and record head to photograph, the audience QR code to scan from a seat.
 */
@BrowserTest
class ProjectorTest extends OnTheDemoStation {
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

    /** Sizes the back row needs at 1024×768; at 1920×1080 the same in proportion to the screen's height. */
    record Screen(int width, int height) {
        double scale() {
            return height / 768.0;
        }
    }

    @Test
    void aMotionsOutcomeFillsTheProjectorAndTheBackRowCanReadItAtBothResolutions() throws Exception {
        List<String> tokens = api.issueTokens(3);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.cast(MOTION, tokens.get(i), Map.of("motion", List.of(i < 2 ? "agree" : "disagree")),
                    ReceiptCode.randomSecret(RANDOM)).status());
        }
        assertEquals(200, api.closeAndCount(MOTION).status());

        Chromium chair = BROWSERS.take(1024, 768, false, true);
        chair.driver.get(station.url() + "/chair?poll=" + MOTION);
        assertTrue(chair.await("#awaiting-count, .muted").isDisplayed());
        String waiting = chair.find("main").getText();
        assertTrue(waiting.contains("Chủ tọa sẽ công bố kết quả trên màn hình này."), waiting);
        assertTrue(chair.findAll("#outcome").isEmpty(), "no outcome before the chair shows it");
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/show-results", Map.of()).status());

        for (Screen screen : List.of(new Screen(1024, 768), new Screen(1920, 1080))) {
            chair.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", screen.width(), "height", screen.height(), "deviceScaleFactor", 1, "mobile", false));
            for (String lang : List.of("vi", "en")) {
                chair.driver.get(station.url() + "/chair?poll=" + MOTION + "&lang=" + lang);
                chair.await("#outcome .verdict");
                assertEquals(lang.equals("vi") ? "ĐƯỢC THÔNG QUA" : "PASSED", chair.find("#outcome .verdict").getText());
                assertAccessible(chair, "projector, motion shown, " + screen + " " + lang);
                Axe.assertNoViolations(chair, "projector, motion shown, " + screen + " " + lang);
                String where = " at " + screen.width() + "×" + screen.height() + " (" + lang + ")";
                double s = screen.scale();
                assertAtLeast(48 * s, fontSize(chair, "#outcome .verdict"), "the verdict" + where);
                assertTrue(number(chair, "return document.querySelector('#outcome .verdict').getBoundingClientRect().height")
                        < 1.6 * fontSize(chair, "#outcome .verdict"), "the verdict on one line" + where);
                assertAtLeast(32 * s, fontSize(chair, "#outcome .sub b"), "summoned, present, handed out, received" + where);
                assertAtLeast(32 * s, fontSize(chair, ".result-grid.single .counts b"), "the count of each answer" + where);
                assertAtLeast(32 * s, fontSize(chair, "#record-count"), "the record's ballot count" + where);
                assertAtLeast(18 * s, fontSize(chair, "#record-head"), "the record head" + where);
                assertAtLeast(200, number(chair, "return document.querySelector('.audience-qr svg').getBoundingClientRect().width"),
                        "the audience QR code" + where);
                double stage = number(chair, "return document.querySelector('.chair-stage').getBoundingClientRect().width");
                assertAtLeast(0.95 * stage, number(chair, "return document.querySelector('#outcome').getBoundingClientRect().width"),
                        "the outcome spans the poll's part of the screen" + where);
                assertAtLeast(0.6 * screen.width(), stage, "the poll's part of the screen is most of its width" + where);
                // One motion fills the screen: what it shows reaches down the screen, and nothing is cut off or scrolls.
                double bottom = number(chair, "return document.querySelector('#results').getBoundingClientRect().bottom");
                assertAtLeast(0.6 * screen.height(), bottom, "the motion's counts reach down the screen" + where);
                assertTrue(number(chair, "return document.documentElement.scrollHeight") <= screen.height(), "fits without scrolling" + where);
                assertTrue(!chair.find("#pager").isDisplayed(), "one motion is one page: no pager" + where);
                for (String seen : List.of("#outcome .verdict", "#record-count", "#record-head", ".audience-qr svg", "#outcome .sub")) {
                    assertTrue(chair.find(seen).isDisplayed(), seen + " shown" + where);
                }
                chair.screenshot("chair-outcome-" + screen.width() + "-" + lang);
            }
            Path shot = Chromium.SCREENSHOTS.resolve("chair-outcome-" + screen.width() + "-vi.png");
            Files.createDirectories(Path.of("docs/screenshots"));
            Files.copy(shot, Path.of("docs/screenshots/chair-outcome-" + screen.width() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static double fontSize(Chromium browser, String selector) {
        return number(browser, "return parseFloat(getComputedStyle(document.querySelector(\"" + selector + "\")).fontSize)");
    }

    private static double number(Chromium browser, String script) {
        return ((Number) browser.driver.executeScript(script)).doubleValue();
    }

    private static void assertAtLeast(double least, double measured, String what) {
        assertTrue(measured >= least - 0.5, what + ": " + measured + " px, at least " + Math.round(least) + " px");
    }
}
