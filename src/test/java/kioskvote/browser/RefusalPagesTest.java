package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import kioskvote.BrowserTest;

/**
 * A person who lands on a refusal — a voter on a phone with a link that is not a slip, an organiser on a poll
 * that does not exist — is never at a dead end: the page says what happened, switches language in place, and
 * offers the way back (the room's page for voters, the admin page for staff).
 */
@BrowserTest
class RefusalPagesTest extends OnTheDemoStation {
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
    void aVoterOnABadLinkSwitchesLanguageAndFindsTheWayBackToTheRoomsPage() throws Exception {
        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + "/receipt/not-a-code?lang=vi");
        String refusal = phone.await(".notice h1").getText();
        assertTrue(phone.find("#way-back").isDisplayed());
        assertEquals("Về trang của hội nghị", phone.find("#way-back").getText());
        assertAccessible(phone, "voter refusal, vi");
        Axe.assertNoViolations(phone, "voter refusal, vi");

        phone.find("nav.lang a").click();
        phone.await("html[lang=en] .notice h1");
        assertTrue(phone.driver.getCurrentUrl().contains("/receipt/not-a-code"), "the same page, in English: " + phone.driver.getCurrentUrl());
        assertTrue(!phone.find(".notice h1").getText().equals(refusal), "the refusal is now in English");
        assertEquals("Back to the meeting's page", phone.find("#way-back").getText());
        assertAccessible(phone, "voter refusal, en");
        Axe.assertNoViolations(phone, "voter refusal, en");

        phone.find("#way-back").click();
        phone.await("html[lang=en] #room-receipt-form");
        assertTrue(phone.find("#room-receipt-form").isDisplayed(), "the room's page, with the receipt look-up");
    }

    @Test
    void aPhoneThatOpensTheSlipAddressWithoutItsCodeIsToldToScanAgainAndOfferedTheRoomsPage() throws Exception {
        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(station.url() + "/V");
        assertTrue(phone.await("#slip-missing p.warning").isDisplayed(), "the missing code is said on screen");
        phone.find("#way-back").click();
        phone.await("#room-receipt-form");
    }

    @Test
    void anOrganiserOnAPollThatDoesNotExistIsOfferedTheAdminPage() throws Exception {
        Chromium laptop = BROWSERS.take(1280, 800, false, true);
        laptop.driver.get(station.url() + "/admin?lang=vi");
        laptop.await("#passphrase").sendKeys(station.passphrase());
        laptop.find("form[action='/admin'] button").click();
        laptop.await("form[action='/admin/slips']");

        laptop.driver.get(station.url() + "/admin/polls/khong-co/count");
        laptop.await(".notice h1");
        assertEquals("Về trang quản trị", laptop.find("#way-back").getText());
        assertTrue(laptop.find("nav.lang a").isDisplayed(), "the language switch is there");
        assertAccessible(laptop, "staff refusal, vi");
        laptop.find("#way-back").click();
        laptop.await("form[action='/admin/slips']");
    }
}
