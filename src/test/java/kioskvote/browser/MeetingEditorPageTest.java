package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The meeting editor page (/admin/meeting) in Chromium at 1280×900 and on a 360×740 phone, in Vietnamese and
 * English: details and committee saved, a motion added from its form and then opened by the chair, a refusal
 * shown next to the form with what was typed kept, forms that work without JavaScript, axe-core finding nothing.
 */
@BrowserTest
class MeetingEditorPageTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private static void signIn(Chromium browser, StationExtension station) {
        browser.driver.get(station.url() + "/admin?lang=vi");
        browser.find("#passphrase").sendKeys(station.passphrase());
        browser.find("form[action='/admin'] button").click();
        browser.await("#meeting-editor-link");
    }

    @Test
    void theOrganiserSetsUpTheMeetingAndAddsAMotionThatTheChairOpensAtOnce() throws Exception {
        assumeTrue(Chromium.installed() && Axe.installed(), "Chromium, chromedriver and axe-core are needed: browser test skipped");
        station.start();
        try (Chromium laptop = Chromium.start(1280, 900, false, true)) {
            signIn(laptop, station);
            laptop.find("#meeting-editor-link").click();
            laptop.awaitHeading("Soạn cuộc họp");

            laptop.find("#d-place").clear();
            laptop.find("#d-place").sendKeys("Phòng họp số 2, tầng 4");
            laptop.clickAndAwaitNewPage("#details button[type=submit]");
            laptop.await("p.notice-ok");
            assertEquals("Phòng họp số 2, tầng 4", station.station().meeting().place());

            laptop.find("#name4").sendKeys("Trương Văn Phúc");
            laptop.find("#role4").sendKeys("Thư ký");
            laptop.find("#threshold").clear();
            laptop.find("#threshold").sendKeys("3");
            laptop.clickAndAwaitNewPage("#committee button.primary");
            laptop.await("p.notice-ok");
            assertEquals(4, station.station().meeting().committee().size());
            assertEquals(3, station.station().meeting().sealThreshold());
            laptop.clickAndAwaitNewPage("button[value='up-4']");
            laptop.await("p.notice-ok");
            assertEquals("Trương Văn Phúc", station.station().meeting().committee().get(2).name());

            laptop.find("#add-links a[href*='new=motion']").click();
            laptop.await("#poll-form #p-motion");
            laptop.find("#p-id").sendKeys("ke-hoach");
            laptop.find("#p-title").sendKeys("Biểu quyết kế hoạch năm 2027");
            laptop.find("#p-motion").sendKeys("Thông qua kế hoạch công tác năm 2027");
            laptop.find("#poll-form button.primary").click();
            laptop.await("#poll-ke-hoach");

            // the same id again: refused next to the form, what was typed kept
            laptop.find("#add-links a[href*='new=motion']").click();
            laptop.await("#poll-form #p-motion");
            laptop.find("#p-id").sendKeys("ke-hoach");
            laptop.find("#p-title").sendKeys("Một biểu quyết khác");
            laptop.find("#p-motion").sendKeys("Nội dung khác");
            laptop.find("#poll-form button.primary").click();
            assertTrue(laptop.await("#p-id-error").getText().contains("ke-hoach"), laptop.find("#p-id-error").getText());
            assertEquals("Một biểu quyết khác", laptop.find("#p-title").getAttribute("value"));
            Axe.assertNoViolations(laptop, "meeting editor with a refusal (vi)");

            laptop.driver.get(station.url() + "/admin/meeting?lang=vi&edit=bieu-quyet-quy-che");
            laptop.await("#poll-form #p-passes-with");
            assertAccessible(laptop, "meeting editor, a motion's form, at 1280 px (vi)");
            Axe.assertNoViolations(laptop, "meeting editor, a motion's form (vi)");
            laptop.driver.get(station.url() + "/admin/meeting?lang=en&edit=bau-cu-bch-cong-doan");
            laptop.awaitHeading("Meeting editor");
            laptop.await("#poll-form #p-candidates");
            assertAccessible(laptop, "meeting editor, an election's form, at 1280 px (en)");
            Axe.assertNoViolations(laptop, "meeting editor, an election's form (en)");
            laptop.driver.get(station.url() + "/admin/meeting?lang=vi&edit=tin-nhiem#polls");
            laptop.await("#poll-form #p-subjects");
            laptop.screenshot("admin-meeting-editor");

            // the chair opens the motion added a moment ago, from the dashboard, without a restart
            Api api = station.api();
            assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
            laptop.driver.get(station.url() + "/admin?lang=vi");
            laptop.find("form[action='/admin/polls/ke-hoach/open'] button").click();
            laptop.await("#share-1"); // the committee's key cards (a sealed poll)
            assertEquals("open", api.get("/api/polls/ke-hoach").json().path("state").asText());
            laptop.driver.get(station.url() + "/admin/meeting?lang=en");
            assertTrue(laptop.await("#poll-ke-hoach .frozen").getText().contains(
                    api.get("/api/polls/ke-hoach").json().path("definitionHash").asText()), "the page shows the frozen definition's hash");
        }
    }

    @Test
    void onA360PxPhoneWithoutJavaScriptTheFormsWorkAndFitInBothLanguages() throws Exception {
        assumeTrue(Chromium.installed() && Axe.installed(), "Chromium, chromedriver and axe-core are needed: browser test skipped");
        station.start();
        try (Chromium phone = Chromium.start(360, 740, true, true);
             Chromium plain = Chromium.start(360, 740, true, false)) {
            signIn(phone, station);
            for (String lang : new String[] {"vi", "en"}) {
                phone.driver.get(station.url() + "/admin/meeting?lang=" + lang + "&new=election");
                phone.await("#poll-form #p-candidates");
                assertAccessible(phone, "meeting editor, a new election, at 360 px (" + lang + ")");
                Axe.assertNoViolations(phone, "meeting editor at 360 px (" + lang + ")");
            }

            signIn(plain, station);
            plain.driver.get(station.url() + "/admin/meeting?lang=vi&new=confidence_vote");
            plain.await("#p-subjects").sendKeys("Cao Thị Quỳnh | Chuyên viên\nĐinh Văn Sơn");
            plain.find("#p-id").sendKeys("bo-phieu-2");
            plain.find("#p-title").sendKeys("Bỏ phiếu tín nhiệm bổ sung");
            plain.find("#poll-form button.primary").click();
            String refusal = plain.await("#p-subjects-error").getText();
            assertTrue(refusal.startsWith("Dòng 2 cần họ tên và chức vụ"), "the second line has no position: " + refusal);
            assertTrue(plain.find("#p-subjects").getAttribute("value").contains("Đinh Văn Sơn"), "the lines typed are kept");
            plain.find("#p-subjects").clear(); // the refused field has the focus, its caret at the start
            plain.find("#p-subjects").sendKeys("Cao Thị Quỳnh | Chuyên viên\nĐinh Văn Sơn | Kế toán viên");
            plain.find("#poll-form button.primary").click();
            plain.await("#poll-bo-phieu-2");
            assertEquals(2, station.station().meeting().poll("bo-phieu-2").orElseThrow().questions().size());
            plain.clickAndAwaitNewPage("#poll-bo-phieu-2 form[action$='/move'] button"); // up, before the demo's last poll
            plain.await("p.notice-ok");
            var ids = station.station().meeting().polls().stream().map(kioskvote.meeting.Poll::id).toList();
            assertEquals("bo-phieu-2", ids.get(ids.size() - 2));
            plain.clickAndAwaitNewPage("#poll-bo-phieu-2 form[action$='/delete'] button");
            plain.await("p.notice-ok");
            assertTrue(station.station().meeting().poll("bo-phieu-2").isEmpty());
        }
    }
}
