package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import kioskvote.App;
import kioskvote.BrowserTest;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;
import kioskvote.tls.MeetingCa;
import kioskvote.web.HttpsPage;
import kioskvote.web.LanAddresses;
import kioskvote.web.StaffNetwork;

/**
 * The laptop's HTTPS page (/admin/https) in real Chromium, as the organiser reads it to a staff member installing the
 * meeting CA: the fingerprint is on screen in full and readable, the steps and the HTTPS address are shown, at
 * 1280 px and at 360 px; axe-core finds no violation in either language. Screenshot: target/screenshots/admin-https.png.
 */
@BrowserTest
class HttpsPageTest {
    private static final String ORGANISER = "organiser-passphrase-1";

    @TempDir
    Path dir;
    private Javalin server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void theFingerprintAndTheStepsAreOnScreenInBothLanguagesAtBothSizes() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        var station = App.open(new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:0"),
                Clock.systemUTC(), new SecureRandom(), new PrintStream(OutputStream.nullOutputStream()));
        var addresses = LanAddresses.addresses();
        MeetingCa ca = MeetingCa.loadOrCreate(data, addresses, new SecureRandom(), Clock.systemUTC());
        var page = new HttpsPage(Optional.of(ca), false, addresses.stream().map(a -> "https://" + a.getHostAddress() + ":7443").toList());
        server = App.serve(station, 0, new StaffNetwork(true),
                Optional.of(new App.StationHttps(ca.issueServer(addresses, new SecureRandom(), Clock.systemUTC()).signedBy(ca), 0, page)));
        String laptop = "http://127.0.0.1:" + server.port();

        for (int width : new int[] {1280, 360}) {
            try (Chromium browser = Chromium.start(width, width == 360 ? 740 : 900, width == 360, true)) {
                browser.driver.get(laptop + "/admin?lang=vi");
                browser.await("#passphrase").sendKeys(ORGANISER);
                browser.find("form[action='/admin'] button").click();
                browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("signed-in-as")).isEmpty());
                browser.driver.get(laptop + "/admin/https?lang=vi");
                WebElement fingerprint = browser.await("#ca-fingerprint");
                assertTrue(fingerprint.isDisplayed());
                assertEquals(ca.fingerprint(), fingerprint.getText().replaceAll("\\s", ""), "the whole fingerprint, as a device shows it");
                Number right = (Number) browser.driver.executeScript(
                        "const r = document.getElementById('ca-fingerprint').getBoundingClientRect(); return r.right;");
                assertTrue(right.doubleValue() <= width, "the fingerprint fits the screen at " + width + " px: " + right);
                assertEquals(4, browser.driver.findElements(By.cssSelector("#https-steps li")).size());
                assertTrue(browser.find("#ca-download").isDisplayed());
                if (!addresses.isEmpty()) assertTrue(browser.find("#https-urls").getText().contains(":7443/admin"));
                assertAccessible(browser, "HTTPS page at " + width + " px");
                Axe.assertNoViolations(browser, "HTTPS page at " + width + " px (vi)");
                browser.find("nav.lang a").click();
                browser.await("html[lang=en] h1");
                assertTrue(browser.find("h1").getText().contains("HTTPS for staff devices"));
                Axe.assertNoViolations(browser, "HTTPS page at " + width + " px (en)");
                if (width == 1280) browser.screenshot("admin-https.png");
            }
        }
    }
}
