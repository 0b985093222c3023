package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
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
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.e2e.OpenVoteTest;

/**
 * An open vote as the room sees it (docs/rules.md, "Open vote"): the phone's ballot says it is open, the chair's
 * screen on the projector tags it and shows the running counts as ballots arrive, then the outcome at the close.
 */
@BrowserTest
class OpenVoteScreensTest {
    private static final Browsers BROWSERS = new Browsers();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        OpenVoteTest.writeMeeting(station.configDir());
        station.start();
        api = station.api();
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
    void theProjectorShowsTheRunningCountsOfAnOpenVoteAndItsOutcomeAtTheClose() throws Exception {
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        List<String> tokens = api.issueTokens(3);
        assertEquals(200, api.adminPost("/api/admin/polls/nghi-giai-lao/open", Map.of()).status());

        Chromium chair = BROWSERS.take(1280, 720, false, true);
        chair.driver.get(station.url() + "/chair");
        WebElement tag = chair.await("#open-tag");
        assertTrue(tag.isDisplayed());
        assertEquals("Biểu quyết công khai", tag.getText());
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("live")).getAttribute("class").equals("live"));
        assertEquals("0", chair.find("#live-agree").getText());
        assertTrue(chair.find("#live-counts").isDisplayed() && chair.find("#live-agree").isDisplayed());

        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        WebElement banner = phone.await("#open-banner");
        assertTrue(banner.isDisplayed() && banner.getText().startsWith("BIỂU QUYẾT CÔNG KHAI"), banner.getText());
        assertAccessible(phone, "open vote ballot at 360 px");
        phone.find("#q-motion label.level-agree").click();
        phone.find("#ballot button[type=submit]").click();
        phone.await("#cast-button").click();
        phone.await("#receipt-code");
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("live-agree")).getText().equals("1"));

        assertEquals(2, api.cast("nghi-giai-lao", tokens.get(1), Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM)).status() / 100);
        assertEquals(2, api.cast("nghi-giai-lao", tokens.get(2), Map.of("motion", List.of("disagree")), ReceiptCode.randomSecret(RANDOM)).status() / 100);
        chair.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.id("live-agree")).getText().equals("2")
                && d.findElement(By.id("live-disagree")).getText().equals("1"));
        assertEquals("0", chair.find("#live-abstain").getText());
        assertEquals("3 / 40", chair.find(".big").getText());
        assertAccessible(chair, "chair screen (open vote running)");
        chair.screenshot("chair-open-vote-running");

        assertEquals(200, api.adminPost("/api/admin/polls/nghi-giai-lao/close", Map.of()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/nghi-giai-lao/show-results", Map.of()).status());
        WebElement verdict = chair.await(".verdict");
        assertEquals("ĐƯỢC THÔNG QUA", verdict.getText(), "2 of 3 received: 4 > 3");
        assertTrue(verdict.isDisplayed() && chair.find("#open-tag").isDisplayed(), "still labelled open with its outcome");
        assertTrue(chair.findAll("#live-counts").isEmpty(), "the running count gives way to the outcome");
        chair.screenshot("chair-open-vote-outcome");
    }
}
