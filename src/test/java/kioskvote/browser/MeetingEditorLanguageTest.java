package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import kioskvote.BrowserTest;
import kioskvote.meeting.Election;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;

/**
 * The meeting editor in the organiser's language, in Chromium: a confidence vote and motions set up in Vietnamese
 * with the majority, its base, the tie rule and an open vote chosen from lists; a mistake refused in Vietnamese next
 * to its field with what was typed kept, and the same refusal in English after the language switch; axe-core finding
 * nothing in either language. After a roster is imported, the editor says how many are summoned as the check-in desk
 * and the projector do.
 */
@BrowserTest
class MeetingEditorLanguageTest extends OnTheDemoStation {
    private static final Browsers BROWSERS = new Browsers();
    /** A key of meeting.yaml (passes_with, majority_of…) or a path into it (subjects[1].position). */
    private static final Pattern YAML_KEY = Pattern.compile("[a-z]+_[a-z_]+|\\[[0-9]+]\\.");

    @AfterEach
    void resetBrowsers() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    private Chromium signedIn() throws Exception {
        Chromium laptop = BROWSERS.take(1280, 900, false, true);
        laptop.driver.get(station.url() + "/admin?lang=vi");
        laptop.find("#passphrase").sendKeys(station.passphrase());
        laptop.find("form[action='/admin'] button").click();
        laptop.await("#meeting-editor-link");
        return laptop;
    }

    private static void choose(Chromium browser, String css, String label) {
        new Select(browser.find(css)).selectByVisibleText(label);
    }

    private static String chosen(Chromium browser, String css) {
        return new Select(browser.find(css)).getFirstSelectedOption().getText();
    }

    /** The refusal is shown beside its field, which is marked invalid and described by it; the page names no key of meeting.yaml. */
    private static String refusalAt(Chromium browser, String input) {
        WebElement words = browser.await("#" + input + "-error");
        assertTrue(words.isDisplayed(), "the refusal is on screen");
        WebElement field = browser.find("#" + input);
        assertEquals("true", field.getAttribute("aria-invalid"));
        assertTrue(field.getAttribute("aria-describedby").contains(input + "-error"), field.getAttribute("aria-describedby"));
        assertEquals(input, browser.driver.switchTo().activeElement().getAttribute("id"), "the refused field has the focus");
        double gap = ((Number) browser.driver.executeScript("return arguments[1].getBoundingClientRect().top - arguments[0].getBoundingClientRect().bottom",
                field, words)).doubleValue();
        assertTrue(gap >= 0 && gap < 40, "the words are right under the field (" + gap + " px)");
        assertTrue(browser.find("#poll-error").isDisplayed(), "the form says it was not saved");
        String page = browser.bodyText();
        assertFalse(YAML_KEY.matcher(page).find(), "no key of meeting.yaml on the page: " + page);
        return words.getText();
    }

    @Test
    void anOrganiserInVietnameseSetsUpAConfidenceVoteAndMotionsFromListsAndReadsARefusalInEitherLanguage() throws Exception {
        Chromium laptop = signedIn();
        laptop.driver.get(station.url() + "/admin/meeting?lang=vi&new=confidence_vote");
        laptop.await("#poll-form #p-subjects");
        laptop.find("#p-id").sendKeys("tin-nhiem-bo-sung");
        laptop.find("#p-title").sendKeys("Bỏ phiếu tín nhiệm bổ sung");
        laptop.find("#p-subjects").sendKeys("Cao Thị Quỳnh | Trưởng phòng Kế hoạch\nĐinh Văn Sơn");
        laptop.clickAndAwaitNewPage("#poll-form button.primary");

        String vi = refusalAt(laptop, "p-subjects");
        assertEquals("Dòng 2 cần họ tên và chức vụ, cách nhau bằng dấu |, ví dụ: Nguyễn Văn An | Giám đốc Sở.", vi);
        assertEquals("Cao Thị Quỳnh | Trưởng phòng Kế hoạch\nĐinh Văn Sơn", laptop.find("#p-subjects").getAttribute("value"), "what was typed is kept");
        assertEquals("Bỏ phiếu tín nhiệm bổ sung", laptop.find("#p-title").getAttribute("value"));
        laptop.screenshot("admin-meeting-editor-refusal");
        assertAccessible(laptop, "meeting editor, a refused confidence vote (vi)");
        Axe.assertNoViolations(laptop, "meeting editor, a refused confidence vote (vi)");

        laptop.clickAndAwaitNewPage("nav.lang a"); // English: the same form, the same refusal, in English
        laptop.awaitHeading("Meeting editor");
        String en = refusalAt(laptop, "p-subjects");
        assertEquals("Line 2 needs a full name and a position separated by |, for example: Nguyễn Văn An | Director.", en);
        assertEquals("Cao Thị Quỳnh | Trưởng phòng Kế hoạch\nĐinh Văn Sơn", laptop.find("#p-subjects").getAttribute("value"), "still kept");
        assertAccessible(laptop, "meeting editor, a refused confidence vote (en)");
        Axe.assertNoViolations(laptop, "meeting editor, a refused confidence vote (en)");

        laptop.find("#p-subjects").clear(); // the refused field has the focus, its caret at the start
        laptop.find("#p-subjects").sendKeys("Cao Thị Quỳnh | Trưởng phòng Kế hoạch\nĐinh Văn Sơn | Phó trưởng phòng Kế hoạch");
        laptop.clickAndAwaitNewPage("#poll-form button.primary");
        laptop.await("#poll-tin-nhiem-bo-sung");
        assertEquals(2, station.station().meeting().poll("tin-nhiem-bo-sung").orElseThrow().questions().size());

        // a motion: the majority, its base and the abstentions chosen by their Vietnamese words
        laptop.driver.get(station.url() + "/admin/meeting?lang=vi&new=motion");
        laptop.await("#poll-form #p-passes-with");
        assertEquals("quá 1/2", chosen(laptop, "#p-passes-with"), "a new motion starts at more than 1/2");
        assertEquals(List.of("quá 1/2", "từ 1/2 trở lên", "quá 2/3", "từ 2/3 trở lên", "quá 3/4", "từ 3/4 trở lên"),
                new Select(laptop.find("#p-passes-with")).getOptions().stream().map(WebElement::getText).toList());
        laptop.find("#p-id").sendKeys("sua-quy-che");
        laptop.find("#p-title").sendKeys("Biểu quyết sửa đổi quy chế");
        laptop.find("#p-motion").sendKeys("Thông qua quy chế làm việc sửa đổi");
        choose(laptop, "#p-passes-with", "từ 2/3 trở lên");
        choose(laptop, "#p-pass-base", "Số người có mặt");
        choose(laptop, "#p-abstentions", "Không tính vào cơ sở");
        laptop.screenshot("admin-meeting-editor-motion");
        assertAccessible(laptop, "meeting editor, a new motion (vi)");
        Axe.assertNoViolations(laptop, "meeting editor, a new motion (vi)");
        laptop.clickAndAwaitNewPage("#poll-form button.primary");
        laptop.await("#poll-sua-quy-che");
        Majority rule = station.station().meeting().poll("sua-quy-che").orElseThrow().motionRule().orElseThrow();
        assertEquals("2/3 or more", rule.rule());
        assertEquals(Majority.VoteBase.PRESENT, rule.of().orElseThrow());
        assertFalse(rule.abstentionsCounted());
        laptop.driver.get(station.url() + "/admin/meeting?lang=vi&edit=sua-quy-che");
        assertEquals("từ 2/3 trở lên", chosen(laptop, "#p-passes-with"), "the form shows the rule in words");
        laptop.driver.get(station.url() + "/admin/meeting?lang=en&edit=sua-quy-che");
        laptop.awaitHeading("Meeting editor");
        assertEquals("2/3 or more", chosen(laptop, "#p-passes-with"));
        assertEquals("People present", chosen(laptop, "#p-pass-base"));
        assertAccessible(laptop, "meeting editor, a motion's form (en)");
        Axe.assertNoViolations(laptop, "meeting editor, a motion's form (en)");

        // an open vote, and an election's majority and tie rule, from their lists
        laptop.driver.get(station.url() + "/admin/meeting?lang=vi&new=motion");
        laptop.find("#p-id").sendKeys("thu-tu-phien-hop");
        laptop.find("#p-title").sendKeys("Biểu quyết chương trình phiên họp");
        laptop.find("#p-motion").sendKeys("Thông qua chương trình phiên họp");
        choose(laptop, "#p-kind", "Biểu quyết công khai (số phiếu hiện ngay khi đang biểu quyết, không niêm phong)");
        laptop.clickAndAwaitNewPage("#poll-form button.primary");
        laptop.await("#poll-thu-tu-phien-hop");
        Poll open = station.station().meeting().poll("thu-tu-phien-hop").orElseThrow();
        assertEquals(PollKind.OPEN_MOTION, open.kind());
        assertFalse(open.sealed(), "an open vote is not sealed, its box ticked or not");

        laptop.driver.get(station.url() + "/admin/meeting?lang=vi&new=election");
        laptop.find("#p-id").sendKeys("bau-to-truong");
        laptop.find("#p-title").sendKeys("Bầu tổ trưởng");
        laptop.find("#p-candidates").sendKeys("Đặng Thu Hà | Chuyên viên\nLê Văn Cường | Chuyên viên");
        choose(laptop, "#p-majority-of", "phiếu hợp lệ");
        choose(laptop, "#p-tie", "Hội nghị quyết định");
        assertAccessible(laptop, "meeting editor, a new election (vi)");
        Axe.assertNoViolations(laptop, "meeting editor, a new election (vi)");
        laptop.clickAndAwaitNewPage("#poll-form button.primary");
        laptop.await("#poll-bau-to-truong");
        Election election = station.station().meeting().poll("bau-to-truong").orElseThrow().election().orElseThrow();
        assertEquals(Election.MajorityOf.VALID, election.majorityOf());
        assertEquals(Election.TieRule.MEETING_DECIDES, election.tie());
    }

    @Test
    void afterARosterImportTheEditorSaysHowManyAreSummonedAsTheDeskAndTheProjectorDo() throws Exception {
        StringBuilder csv = new StringBuilder("name,unit\n");
        for (String name : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
                "Đỗ Văn Hải", "Bùi Thị Hương", "Ngô Văn Khải", "Dương Thị Lan", "Lý Văn Minh", "Trịnh Thị Ngọc")) {
            csv.append(name).append(",Văn phòng Sở\n");
        }
        assertEquals(200, api.postRaw("/api/admin/roster/import", csv.toString(), true).status());

        Chromium laptop = signedIn();
        laptop.driver.get(station.url() + "/admin/meeting?lang=vi");
        WebElement figure = laptop.await("#d-summoned-figure");
        assertTrue(figure.isDisplayed());
        String editorSays = figure.getText();
        assertEquals("12", editorSays, "the roster's twelve, not meeting.yaml's 40");
        assertTrue(laptop.find("#d-summoned-help").getText().contains("theo danh sách người dự họp"), "and it says where the figure comes from");
        assertTrue(laptop.findAll("#d-summoned").isEmpty(), "no number to type that nothing would use");
        assertAccessible(laptop, "meeting editor with a roster (vi)");
        Axe.assertNoViolations(laptop, "meeting editor with a roster (vi)");

        laptop.find("#d-place").clear();
        laptop.find("#d-place").sendKeys("Hội trường tầng 3");
        laptop.clickAndAwaitNewPage("#details button[type=submit]");
        laptop.await("p.notice-ok");
        assertEquals("Hội trường tầng 3", station.station().meeting().place(), "the details save without a number summoned");
        assertEquals(editorSays, laptop.find("#d-summoned-figure").getText());
        laptop.driver.get(station.url() + "/admin/meeting?lang=en");
        assertEquals(editorSays, laptop.await("#d-summoned-figure").getText());
        Axe.assertNoViolations(laptop, "meeting editor with a roster (en)");

        laptop.driver.get(station.url() + "/admin/desk?lang=vi");
        laptop.await("#desk-search").sendKeys("nguyen");
        // the list is fetched again as each letter is typed: the figure is read once it has settled
        String desk = laptop.waitUpTo(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement b = d.findElement(By.cssSelector("#desk-turnout b"));
            return b.isDisplayed() && !b.getText().isEmpty() ? b.getText() : null;
        });
        assertEquals(editorSays, desk, "the check-in desk");

        laptop.driver.get(station.url() + "/chair?poll=tin-nhiem&lang=vi");
        WebElement projector = laptop.await("#summoned");
        assertTrue(projector.isDisplayed());
        assertEquals(editorSays, projector.getText(), "the projector");
        assertEquals(editorSays, api.get("/api/polls/tin-nhiem").json().path("summoned").asText(), "the figure the minutes print");
    }
}
