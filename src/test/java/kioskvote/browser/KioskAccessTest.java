package kioskvote.browser;

import static kioskvote.browser.KioskAndDeskTest.await;
import static kioskvote.browser.KioskAndDeskTest.awaitBallot;
import static kioskvote.browser.KioskAndDeskTest.awaitWelcome;
import static kioskvote.browser.KioskAndDeskTest.mark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The kiosk for every voter, in real headless Chromium on a 1024×768 tablet (and 1280×800): the language chosen
 * on the welcome screen for the whole ballot, three text sizes and three colour themes measured on screen, the
 * audio ballot driven by the keyboard with the tablet's speech synthesis observed, and a reload mid-ballot that
 * says what happened. After each voter the next one starts in Vietnamese, normal text, standard colours.
 */
@BrowserTest
class KioskAccessTest {
    static final String POLL = "tin-nhiem";
    private static final Browsers BROWSERS = new Browsers();

    /**
     * Installed before any page script runs (CDP Page.addScriptToEvaluateOnNewDocument): a Vietnamese and an
     * English voice, and speak() recording what the page asks the tablet to say instead of saying it.
     */
    private static final String SPEECH_RECORDER = """
            window.__spoken = [];
            (function () {
              var voices = [{ name: 'Giọng thử tiếng Việt', lang: 'vi-VN', voiceURI: 'vi-test', localService: true, default: true },
                            { name: 'English test voice', lang: 'en-GB', voiceURI: 'en-test', localService: true, default: false }];
              var synth = window.speechSynthesis;
              if (!synth) { synth = {}; Object.defineProperty(window, 'speechSynthesis', { value: synth }); }
              if (!window.SpeechSynthesisUtterance) window.SpeechSynthesisUtterance = function (text) { this.text = text; };
              synth.getVoices = function () { return voices; };
              synth.speak = function (u) { window.__spoken.push(u.lang + ' ' + u.text); };
              synth.cancel = function () { };
            })();
            """;

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private final List<JsonNode> slips = new ArrayList<>();

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        Files.writeString(station.configDir().resolve("roster.csv"), "\uFEFFname,unit\r\nNguyễn Văn An,Phòng Tổ chức cán bộ\r\nTrần Thị Bình,Phòng Kế hoạch\r\n",
                StandardCharsets.UTF_8);
        station.start();
        Api api = station.api();
        Api.Reply issued = api.adminPost("/api/admin/slips", Map.of("count", 4, "format", "json"));
        assertEquals(200, issued.status(), issued.body());
        issued.json().path("slips").forEach(slips::add);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
    }

    @AfterEach
    void stop() {
        BROWSERS.resetAll();
    }

    @AfterAll static void closeBrowsers() { BROWSERS.close(); }

    @Test
    void theVoterChoosesEnglishLargeTextAndAThemeForTheWholeBallotAndTheNextVoterStartsAfresh() throws Exception {
        Chromium kiosk = tablet();
        assertTrue(await(kiosk, "#kiosk-lang-vi").isDisplayed() && await(kiosk, "#kiosk-lang-en").isDisplayed(), "the language choice is on screen");
        assertTrue(px(kiosk, "#kiosk-lang-en", "height") >= 64, "a large button");
        assertTrue(await(kiosk, "#kiosk-voice").getText().startsWith("Giọng đọc tiếng Việt"), "the organiser reads whether a Vietnamese voice is there");
        PageChecks.assertAccessible(kiosk, "kiosk welcome (vi)");
        Axe.assertNoViolations(kiosk, "kiosk welcome (vi)");
        for (String button : List.of("#kiosk-text-xl", "#kiosk-theme-dark", "#kiosk-lang-en")) kiosk.find(button).click();
        kiosk.awaitHeading("Secret ballot");
        assertEquals("en", kiosk.driver.executeScript("return document.documentElement.lang"));
        assertEquals("xl dark", kiosk.driver.executeScript("return document.documentElement.dataset.text + ' ' + document.documentElement.dataset.theme"),
                "the size and colours chosen before the language stay");
        PageChecks.assertAccessible(kiosk, "kiosk welcome (en, extra large, white on black)");
        Axe.assertNoViolations(kiosk, "kiosk welcome (en)");

        kiosk.find("#short-code").sendKeys(slips.get(0).path("shortCode").asText() + Keys.ENTER);
        awaitBallot(kiosk);
        assertEquals("Review my ballot", kiosk.find("#kiosk-review-button").getText(), "the ballot is in English");
        kiosk.find("#q-s1 .level-high").click();
        double[] sizes = new double[3];
        String[] names = {"normal", "large", "xl"}; // each size in each theme on both screens: it fits, and reads at 4.5:1
        for (int i = 0; i < 3; i++) {
            kiosk.find("#kiosk-text-" + names[i]).click();
            sizes[i] = px(kiosk, "#q-s1 .level-medium", "font-size");
            assertTrue(px(kiosk, "#q-s1 legend .name", "font-size") > sizes[i], "the question is larger than its options");
            for (String theme : List.of("default", "contrast", "dark")) {
                kiosk.find("#kiosk-theme-" + theme).click();
                for (int[] screen : new int[][] {{1024, 768}, {1280, 800}}) {
                    screen(kiosk, screen[0], screen[1]);
                    PageChecks.assertAccessible(kiosk, "kiosk ballot (en) " + names[i] + " text, " + theme + " colours at " + screen[0] + "×" + screen[1]);
                }
                screen(kiosk, 1024, 768);
                if (i == 1 || i == 2 && !theme.equals("default")) kiosk.screenshot("kiosk-ballot-" + names[i] + "-" + theme);
            }
        }
        assertTrue(sizes[1] >= sizes[0] * 1.2 && sizes[2] >= sizes[0] * 1.45, "three text sizes on the options: " + List.of(sizes[0], sizes[1], sizes[2]));
        assertTrue(sizes[0] >= 20, "normal text on the kiosk is already large: " + sizes[0]);
        assertEquals("rgb(0, 0, 0) rgb(255, 255, 255)", colours(kiosk, "body"), "white on black");
        assertEquals("rgb(255, 212, 59) rgb(0, 0, 0)", colours(kiosk, "#q-s1 .level-high"), "the choice made stands out, inverted");
        Axe.assertNoViolations(kiosk, "kiosk ballot (en, extra large, white on black)");
        kiosk.find("#kiosk-theme-contrast").click();
        assertEquals("rgb(255, 255, 255) rgb(0, 0, 0)", colours(kiosk, "body"), "black on white");
        assertEquals("rgb(0, 0, 0) rgb(255, 255, 255)", colours(kiosk, "#q-s1 .level-high"));
        Axe.assertNoViolations(kiosk, "kiosk ballot (en, extra large, black on white)");

        kiosk.find("#kiosk-review-button").click();
        kiosk.awaitHeading("Review before casting");
        assertTrue(px(kiosk, ".kiosk-review h1", "font-size") >= 48, "the review keeps the extra large text");
        PageChecks.assertAccessible(kiosk, "kiosk review (en, extra large, black on white)");
        Axe.assertNoViolations(kiosk, "kiosk review (en)");
        kiosk.find("#kiosk-cast-button").click();
        await(kiosk, "#receipt-code");
        kiosk.awaitHeading("Ballot cast");
        assertEquals("Done", kiosk.find("#kiosk-done").getText(), "the receipt is in English");
        kiosk.screenshot("kiosk-receipt-contrast");
        PageChecks.assertAccessible(kiosk, "kiosk receipt (en, extra large, black on white)");
        Axe.assertNoViolations(kiosk, "kiosk receipt (en)");
        kiosk.find("#kiosk-done").click();

        awaitWelcome(kiosk);
        kiosk.awaitHeading("Bỏ phiếu kín");
        assertEquals("vi normal default", kiosk.driver.executeScript(
                "var h = document.documentElement; return h.lang + ' ' + h.dataset.text + ' ' + h.dataset.theme"), "the next voter starts afresh");
        assertFalse(kiosk.driver.getCurrentUrl().contains("lang="), kiosk.driver.getCurrentUrl());
        assertEquals("true", kiosk.find("#kiosk-lang-vi").getAttribute("aria-pressed"));
        assertFalse(kiosk.find("#kiosk-reloaded").isDisplayed(), "a cast is not a reload");
    }

    @Test
    void theAudioBallotIsReadAndVotedWithTheKeyboardAndTheLargeButtons() throws Exception {
        Chromium kiosk = BROWSERS.take(1024, 768, false, true);
        Object recorder = kiosk.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SPEECH_RECORDER)).get("identifier");
        try {
            KioskAndDeskTest.enrol(kiosk, station.url(), station.passphrase(), "phong-1");
            kiosk.driver.get(station.url() + "/kiosk/phong-1?receipt=60&idle=300");
            kiosk.awaitText("#kiosk-voice", "Giọng đọc tiếng Việt: có trên máy này (Giọng thử tiếng Việt)");
            await(kiosk, "#kiosk-audio").click();
            assertTrue(await(kiosk, "#kiosk-audio-next").isDisplayed() && px(kiosk, "#kiosk-audio-select", "height") >= 72, "large controls on screen");
            awaitSpoken(kiosk, "vi-VN Đã bật phiếu nghe.");
            kiosk.find("#short-code").sendKeys(slips.get(1).path("shortCode").asText() + Keys.ENTER);
            awaitBallot(kiosk);
            awaitSpoken(kiosk, "vi-VN Lấy phiếu tín nhiệm đối với Giám đốc và các Phó Giám đốc Sở");
            String high = kiosk.find("#q-s1 .level-high").getText(), medium = kiosk.find("#q-s2 .level-medium").getText(), low = kiosk.find("#q-s3 .level-low").getText();

            keys(kiosk, Keys.ARROW_DOWN); // the first question, its current choice, its first option
            for (String said : List.of("Nguyễn Văn An Giám đốc Sở", "Chưa chọn gì.")) awaitSpoken(kiosk, "vi-VN " + said);
            awaitSpoken(kiosk, "vi-VN " + high + ", chưa chọn, mục 1 trên 14");
            keys(kiosk, Keys.ENTER);
            awaitSpoken(kiosk, "vi-VN Đã chọn: " + high + ".");
            keys(kiosk, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.SPACE);
            awaitSpoken(kiosk, "vi-VN Đã chọn: " + medium + ".");
            keys(kiosk, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
            awaitSpoken(kiosk, "vi-VN Đã chọn: " + low + ".");
            kiosk.find("#kiosk-audio-next").click();  // the fourth person, by the large buttons
            awaitSpoken(kiosk, "vi-VN Hoàng Thị Dung Phó Giám đốc Sở");
            kiosk.find("#kiosk-audio-select").click();
            awaitSpoken(kiosk, "vi-VN Đã chọn: " + high + ".");
            assertEquals(List.of("s1=high", "s2=medium", "s3=low", "s4=high"), marks(kiosk), "the marks chosen by ear are the ones on the ballot");
            PageChecks.assertAccessible(kiosk, "kiosk ballot with the audio controls (vi)");
            Axe.assertNoViolations(kiosk, "kiosk ballot with the audio controls (vi)");
            kiosk.screenshot("kiosk-ballot-audio");

            keys(kiosk, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN); // to "Review my ballot"
            awaitSpoken(kiosk, "vi-VN Xem lại phiếu, mục 13 trên 14");
            keys(kiosk, Keys.ENTER);
            kiosk.awaitHeading("Xem lại trước khi bỏ phiếu");
            List<String> review = new ArrayList<>();
            kiosk.findAll(".choices .choice").forEach(c -> review.add(c.getText().replaceAll("\\s+", " ")));
            assertEquals(4, review.size());
            assertTrue(review.get(0).contains(high) && review.get(1).contains(medium) && review.get(2).contains(low) && review.get(3).contains(high),
                    "the review shows the marks chosen by keyboard: " + review);
            for (String line : review) awaitSpoken(kiosk, "vi-VN " + line);
            Axe.assertNoViolations(kiosk, "kiosk review with the audio controls (vi)");

            keys(kiosk, Keys.TAB);              // Tab moves as always, and what it reaches is read
            awaitSpoken(kiosk, "vi-VN Bỏ phiếu, mục 1 trên 2");
            keys(kiosk, Keys.ENTER);
            String code = await(kiosk, "#receipt-code").getText();
            awaitSpoken(kiosk, "vi-VN Phiếu của bạn đã được ghi nhận. Mã biên nhận: " + String.join(" ", code.split("")) + ".");
            kiosk.screenshot("kiosk-receipt-audio");
            kiosk.find("#kiosk-done").click();
            awaitWelcome(kiosk);
            assertEquals("false", await(kiosk, "#kiosk-audio").getAttribute("aria-pressed"), "the next voter starts without audio");
            assertFalse(kiosk.find("#kiosk-audio-controls").isDisplayed());
        } finally {
            kiosk.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", recorder));
        }
    }

    @Test
    void aReloadMidBallotSaysTheChoicesWereClearedAndTheSlipStartsAgain() throws Exception {
        Chromium kiosk = tablet();
        kiosk.find("#kiosk-lang-en").click();
        kiosk.awaitHeading("Secret ballot");
        String code = slips.get(2).path("shortCode").asText() + Keys.ENTER;
        kiosk.find("#short-code").sendKeys(code);
        awaitBallot(kiosk);
        kiosk.find("#q-s1 .level-low").click();
        String form = (String) kiosk.driver.executeScript("return new URLSearchParams(new FormData(document.getElementById('kiosk-ballot'))).toString()");
        assertFalse((Boolean) kiosk.driver.executeScript("return " + KioskAndDeskTest.VOTER_STORAGE + " > 0"), "nothing of the voter stored");
        kiosk.driver.navigate().refresh();
        awaitWelcome(kiosk);
        assertEquals("The page was reloaded, so your choices were cleared and no ballot was recorded. Please start again with your slip and choose again.",
                await(kiosk, "#kiosk-reloaded").getText());
        kiosk.screenshot("kiosk-reloaded");
        // A sealed poll's ballot form holds no receipt secret (the page draws it): the review's form path needs one.
        String withSecret = form + "&receipt=" + kioskvote.ballot.ReceiptCode.randomSecret(new java.security.SecureRandom());
        kiosk.waitUpTo(Chromium.PATIENCE).until(d -> KioskAndDeskTest.postFrom(kiosk, "/kiosk/phong-1/review", withSecret).startsWith("410 "));
        PageChecks.assertAccessible(kiosk, "kiosk reloaded mid-ballot (en)");
        Axe.assertNoViolations(kiosk, "kiosk reloaded mid-ballot (en)");
        kiosk.find("#short-code").sendKeys(code);
        awaitBallot(kiosk);
        assertFalse(kiosk.find("#q-s1 .level-low input").isSelected(), "the marks were not kept anywhere");
        kiosk.find("#kiosk-cancel").click();
        awaitWelcome(kiosk);
        assertFalse(kiosk.find("#kiosk-reloaded").isDisplayed(), "a wipe is not a reload");
        assertEquals("vi", kiosk.driver.executeScript("return document.documentElement.lang"));

        kiosk.driver.get(station.url() + "/kiosk/phong-1?idle=3"); await(kiosk, "#kiosk-lang-en").click(); // chosen, then left
        kiosk.awaitHeading("Secret ballot");
        mark(kiosk);
        kiosk.find("#kiosk-text-xl").click();
        awaitWelcome(kiosk);
        assertEquals("vi normal", kiosk.driver.executeScript("var h = document.documentElement; return h.lang + ' ' + h.dataset.text"), "idle: the next voter starts afresh");
    }

    private static void keys(Chromium browser, CharSequence... keys) {
        new Actions(browser.driver).sendKeys(String.join("", keys)).perform();
    }

    /** Waits until the page has asked the tablet to say this (language, then the text or its beginning). */
    private static void awaitSpoken(Chromium browser, String utterance) {
        try {
            browser.waitUpTo(Chromium.PATIENCE).until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                    "var u = arguments[0]; return (window.__spoken || []).some(function (s) { return s.indexOf(u) === 0; })", utterance)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("never said \"" + utterance + "\"; said:\n" + browser.driver.executeScript("return (window.__spoken || []).join('\\n')"), e);
        }
    }

    /** The options checked on the ballot on screen, as question=option. */
    @SuppressWarnings("unchecked")
    private static List<String> marks(Chromium browser) {
        return (List<String>) browser.driver.executeScript("return Array.from(document.querySelectorAll('#kiosk-ballot input:checked'))"
                + ".map(function (i) { return i.name.slice(2) + '=' + i.value; })");
    }

    private Chromium tablet() throws Exception {
        Chromium kiosk = BROWSERS.take(1024, 768, false, true);
        KioskAndDeskTest.enrol(kiosk, station.url(), station.passphrase(), "phong-1");
        kiosk.driver.get(station.url() + "/kiosk/phong-1?receipt=60&idle=300");
        await(kiosk, "#welcome #scan");
        mark(kiosk);
        return kiosk;
    }

    private static void screen(Chromium browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A computed size in CSS pixels: "font-size", or "height" for the element's box on screen. */
    static double px(Chromium browser, String css, String what) {
        Object value = browser.driver.executeScript("var e = document.querySelector(arguments[0]);"
                + "return arguments[1] === 'height' ? e.getBoundingClientRect().height : parseFloat(getComputedStyle(e).fontSize)", css, what);
        return ((Number) value).doubleValue();
    }

    /** "background text" as computed: the colours a person sees on that element. */
    static String colours(Chromium browser, String css) {
        return (String) browser.driver.executeScript("var s = getComputedStyle(document.querySelector(arguments[0]));"
                + "return s.backgroundColor + ' ' + s.color", css);
    }
}
