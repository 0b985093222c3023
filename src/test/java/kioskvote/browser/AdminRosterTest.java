package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The organiser's roster page (/admin/roster) in real Chromium: reached from the dashboard, a person added, a
 * duplicate refused with the input kept, a name corrected, a removal refused with its reason after a hand-out;
 * the desk finds the added person at once. At 1280×900 with JavaScript and at 360×740 without it (plain forms);
 * axe-core finds no violation in either language at either size. Screenshot: target/screenshots/admin-roster.png.
 */
@BrowserTest
class AdminRosterTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void theOrganiserAddsCorrectsAndIsToldWhyARemovalIsRefusedOnADesktopAndOnAPhoneWithoutJavaScript() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not in node_modules (npm install): browser tests skipped");
        Files.writeString(station.configDir().resolve("roster.csv"), "name,unit\nTrương Thị Hoa,Văn phòng Sở\nĐinh Minh Khang,Thanh tra Sở\n"
                + "Vũ Thị Lan,Phòng Kế hoạch\nLương Văn Tâm,Ban Quản lý dự án\n", StandardCharsets.UTF_8);
        station.start();
        Api api = station.api();
        String hoa = api.adminGet("/api/admin/roster?q=truong+thi+hoa").json().path("people").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", hoa, "pollId", "tin-nhiem", "kind", "SLIP")).status());

        try (Chromium desktop = Chromium.start(1280, 900, false, true)) {
            signIn(desktop);
            Axe.assertNoViolations(desktop, "admin dashboard with the roster link");
            desktop.await("#roster-link").click();
            desktop.awaitHeading("Danh sách triệu tập");
            assertAccessible(desktop, "roster page at 1280 px");
            axeBothLanguages(desktop, "roster page at 1280 px");

            desktop.find("#add-name").sendKeys("Nguyễn Thị Mai");
            desktop.find("#add-unit").sendKeys("Phòng Tài chính");
            desktop.find("#add-person button[type=submit]").click();
            desktop.awaitText("#roster-notice", "Đã thêm vào danh sách.");
            assertTrue(desktop.find(".roster-people").getText().contains("Nguyễn Thị Mai"), "the list is searched for the person added");

            desktop.find("#add-name").sendKeys("Nguyễn Thị Mai");
            desktop.find("#add-unit").sendKeys("Phòng Tài chính");
            desktop.find("#add-person button[type=submit]").click();
            desktop.awaitText("#add-error", "cùng họ tên");
            assertEquals("Nguyễn Thị Mai", desktop.find("#add-name").getAttribute("value"), "the input is kept");
            assertEquals("Phòng Tài chính", desktop.find("#add-unit").getAttribute("value"));
            axeBothLanguages(desktop, "roster page, addition refused");

            desktop.driver.get(station.url() + "/admin/roster?lang=vi");
            WebElement person = desktop.await("#person-" + hoa);
            person.findElement(By.cssSelector(".remove-person button")).click();
            desktop.awaitText("#error-" + hoa, "đã nhận phiếu");
            assertEquals("Trương Thị Hoa", desktop.find("#person-" + hoa + " .name").getText(), "still on the roster");
            assertAccessible(desktop, "roster page, removal refused");
            desktop.screenshot("admin-roster");

            // the desk finds the person added, without a restart
            desktop.driver.get(station.url() + "/admin/desk");
            desktop.await("#desk-search").sendKeys("nguyen thi mai");
            desktop.awaitText(".desk-person .name", "Nguyễn Thị Mai");
        }

        try (Chromium phone = Chromium.start(360, 740, true, true)) {
            signIn(phone);
            phone.driver.get(station.url() + "/admin/roster?lang=vi");
            phone.awaitHeading("Danh sách triệu tập");
            assertAccessible(phone, "roster page at 360 px");
            axeBothLanguages(phone, "roster page at 360 px");
            phone.find("#person-" + hoa + " .remove-person button").click();
            phone.awaitText("#error-" + hoa, "đã nhận phiếu");
            assertAccessible(phone, "roster page, removal refused, at 360 px");
            Axe.assertNoViolations(phone, "roster page, removal refused, at 360 px");
            phone.screenshot("admin-roster-360");
        }

        // Without JavaScript: plain forms, a full page load each (the <details> opens without script too).
        try (Chromium phone = Chromium.start(360, 740, true, false)) {
            signIn(phone);
            phone.driver.get(station.url() + "/admin/roster?q=khang&lang=en");
            phone.awaitHeading("Roster");
            WebElement khang = phone.await(".roster-person");
            khang.findElement(By.tagName("summary")).click();
            WebElement name = khang.findElement(By.cssSelector(".correct-person input[name=name]"));
            name.clear();
            name.sendKeys("Đinh Minh Khanh");
            khang.findElement(By.cssSelector(".correct-person button[type=submit]")).click();
            phone.awaitText("#roster-notice", "Correction saved.");
            assertTrue(phone.find(".roster-people").getText().contains("Đinh Minh Khanh"), phone.bodyText());
            assertAccessible(phone, "roster page after a correction at 360 px, without JavaScript");
        }
        assertEquals(1, api.adminGet("/api/admin/roster?q=dinh+minh+khanh").json().path("people").size(),
                "the desk's search (diacritics ignored) finds the corrected name");
    }

    private void signIn(Chromium browser) {
        browser.driver.get(station.url() + "/admin?lang=vi");
        browser.await("#passphrase").sendKeys(station.passphrase());
        browser.find("form[action='/admin'] button").click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("signed-in-as")).isEmpty());
    }

    /** axe-core on the page shown, then on the same page in the other language, then back. */
    private static void axeBothLanguages(Chromium browser, String page) {
        String lang = (String) browser.driver.executeScript("return document.documentElement.lang");
        Axe.assertNoViolations(browser, page + " (" + lang + ")");
        String other = "vi".equals(lang) ? "en" : "vi";
        browser.find("nav.lang a").click();
        browser.await("html[lang=" + other + "] h1");
        Axe.assertNoViolations(browser, page + " (" + other + ")");
        browser.find("nav.lang a").click();
        browser.await("html[lang=" + lang + "] h1");
    }
}
