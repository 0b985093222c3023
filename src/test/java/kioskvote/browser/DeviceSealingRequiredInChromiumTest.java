package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * A meeting that says {@code station: device_sealing: required}, and a phone (360 px) whose browser has JavaScript
 * off: it cannot seal, so it is told, in Vietnamese and in English, to turn JavaScript on, to vote at a kiosk, or
 * to ask the desk for a paper ballot; no ballot form is offered. (axe-core is not run here: its asynchronous
 * script does not run in a browser with JavaScript off; PageChecks' contrast, label and scroll checks do.)
 */
@BrowserTest
class DeviceSealingRequiredInChromiumTest {
    private static final Browsers BROWSERS = new Browsers();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        Files.writeString(station.configDir().resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  device_sealing: required\n");
        station.start();
        api = station.api();
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
    }

    @AfterEach
    void stop() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void aPhoneWithoutJavaScriptIsSentToAKioskOrToPaperInBothLanguages() throws Exception {
        String token = api.issueTokens(1).get(0);
        Chromium phone = BROWSERS.take(360, 740, true, false);
        for (String lang : new String[] {"vi", "en"}) {
            phone.driver.get(station.url() + "/V?lang=" + lang + "#" + token);
            WebElement notice = phone.waitUpTo(KioskAndDeskTest.LONG).until(d -> d.findElements(By.cssSelector("noscript ~ *, p.warning")).stream()
                    .filter(WebElement::isDisplayed).filter(e -> e.getText().contains(lang.equals("vi") ? "phiếu giấy" : "paper ballot")).findFirst().orElse(null));
            assertTrue(notice.getText().contains(lang.equals("vi") ? "máy bỏ phiếu" : "kiosk"), notice.getText());
            assertTrue(phone.driver.findElements(By.cssSelector("#ballot")).stream().noneMatch(WebElement::isDisplayed), "no ballot form is offered");
            PageChecks.assertAccessible(phone, "the slip page without JavaScript, device sealing required (" + lang + ")");
            phone.screenshot("phone-no-javascript-device-sealing-required-" + lang);
        }
    }
}
