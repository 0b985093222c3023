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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.e2e.Api;
import kioskvote.e2e.InProcessStation;

/**
 * The kiosk for every voter, in real headless Chromium on a 1024×768 tablet (and 1280×800): the language chosen
 * on the welcome screen for the whole ballot, three text sizes and three colour themes measured on screen, the
 * audio ballot driven by the keyboard with the tablet's speech synthesis observed, and a reload mid-ballot that
 * says what happened. After each voter the next one starts in Vietnamese, normal text, standard colours.
 */
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

    @TempDir
    Path config;
    @TempDir
    Path data;
    private InProcessStation station;
    private final List<JsonNode> slips = new ArrayList<>();

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        Files.copy(Path.of("kiosk-config/demo/meeting.yaml"), config.resolve("meeting.yaml"));
        Files.writeString(config.resolve("roster.csv"), "\uFEFFname,unit\r\nNguyễn Văn An,Phòng Tổ chức cán bộ\r\nTrần Thị Bình,Phòng Kế hoạch\r\n",
                StandardCharsets.UTF_8);
        station = InProcessStation.start(config, data);
        Api api = station.api();
        Api.Reply issued = api.adminPost("/api/admin/slips", Map.of("count", 4, "format", "json"));
        assertEquals(200, issued.status(), issued.body());
        issued.json().path("slips").forEach(slips::add);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
    }

    @AfterEach
    void stop() {
        BROWSERS.resetAll();
        if (station != null) station.close();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void theVoterChoosesEnglishLargeTextAndAThemeForTheWholeBallotAndTheNextVoterStartsAfresh() throws Exception {
        Chromium kiosk = tablet();
        assertTrue(await(kiosk, "#kiosk-lang-vi").isDisplayed() && await(kiosk, "#kiosk-lang-en").isDisplayed(), "the language choice is on screen");
        assertTrue(px(kiosk, "#kiosk-lang-en", "height") >= 64, "a large button");
        assertTrue(await(kiosk, "#kiosk-voice").getText().startsWith("Giọng đọc tiếng Việt"), "the organiser reads whether a Vietnamese voice is there");
        PageChecks.assertAccessible(kiosk, "kiosk welcome (vi)");
        Axe.assertNoViolations(kiosk, "kiosk welcome (vi)");
        kiosk.find("#kiosk-text-xl").click();
        kiosk.find("#kiosk-theme-dark").click();
        kiosk.find("#kiosk-lang-en").click();
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
        String[] names = {"normal", "large", "xl"};
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

    private Chromium tablet() throws Exception {
        Chromium kiosk = BROWSERS.take(1024, 768, false, true);
        KioskAndDeskTest.enrol(kiosk, station.url(), station.passphrase(), "phong-1");
        kiosk.driver.get(station.url() + "/kiosk/phong-1?receipt=60&idle=300");
        await(kiosk, "#welcome #scan");
        mark(kiosk);
        return kiosk;
    }

    static void screen(Chromium browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
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
