package kioskvote.browser;

import static kioskvote.browser.PageChecks.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;

/**
 * A phone (360 px, JavaScript on) votes in a sealed poll through a logging forwarder standing in for the
 * room's Wi-Fi: the page seals the ballot itself (public/seal.js), the committee's count opens it, and what
 * crossed the air holds no mark, no receipt secret and no receipt code. Also RFC 9180's known answers for
 * the script in Chromium, the sealing time, and a retry after the network went away.
 * Figures go to target/screenshots/device-sealing-figures.txt.
 */
@BrowserTest
class BallotSealedInChromiumTest {
    private static final String POLL = "tin-nhiem";
    private static final List<String> FIGURES = new ArrayList<>();
    private static final Browsers BROWSERS = new Browsers();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;
    private AirLog air;

    @BeforeEach
    void startStation() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        station.start();
        api = station.api();
        air = new AirLog(URI.create(station.url()).getPort());
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
    }

    @AfterEach
    void stop() throws Exception {
        BROWSERS.resetAll();
        if (air != null) air.close();
    }

    @AfterAll
    static void closeBrowsersAndWriteFigures() throws Exception {
        BROWSERS.close();
        if (FIGURES.isEmpty()) return;
        Files.createDirectories(Chromium.SCREENSHOTS);
        Files.write(Chromium.SCREENSHOTS.resolve("device-sealing-figures.txt"), FIGURES);
    }

    @Test
    void thePhoneSealsTheBallotTheCommitteeOpensItAndTheAirCarriesNoMarkSecretOrReceiptCode() throws Exception {
        String token = api.issueTokens(1).get(0);
        Chromium phone = BROWSERS.take(360, 740, true, true);
        // Uncompressed answers, so that a plain search of the log sees what a sniffer would after gunzip.
        phone.driver.executeCdpCommand("Network.enable", Map.of());
        phone.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Encoding", "identity")));
        phone.driver.get(air.url() + "/V#" + token);
        phone.await("#ballot");
        String secret = (String) phone.driver.executeScript("return document.getElementById('ballot').elements.receipt.value");
        String page = air.answered();
        assertTrue(page.contains("name=\"receipt\""), "the air log reads the ballot page in clear");
        String stationsSecret = page.substring(page.lastIndexOf("name=\"receipt\" value=\"") + 23).substring(0, 29);
        ReceiptCode.requireSecret(secret);
        assertNotEquals(stationsSecret, secret, "the secret is drawn in the page, not the one the station wrote into the form");
        assertFalse(air.answered().contains(secret));

        level(phone, "s1", "high");
        level(phone, "s2", "medium");
        level(phone, "s3", "low");                               // s4 left blank on purpose
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        assertTrue(phone.await(".choice.blank").getText().contains("Hoàng Thị Dung"));
        assertEquals(3, phone.findAll(".choice:not(.blank)").size());
        assertEquals("Tín nhiệm cao", phone.find(".choice .answer.level-high").getText());
        assertTrue(phone.find("#sealed-note").isDisplayed());
        assertEquals(api.get("/api/meeting").json().path("keyFingerprint").asText(), phone.await("#meeting-key-check:not([hidden]) code").getText(),
                "the page shows the fingerprint of the meeting key that signed the box, as printed on the slip");
        assertAccessible(phone, "review sealed on the device at 360 px");
        phone.screenshot("phone-review-sealed-on-device");

        phone.find("nav.lang a").click();                         // the language switch, in the page
        phone.awaitHeading("Review before casting");
        assertEquals("High confidence", phone.find(".choice .answer.level-high").getText());
        assertAccessible(phone, "review sealed on the device, English");
        phone.find("#change-button").click();                     // change my answers, in the page
        phone.await("html[lang=en] #ballot");
        assertTrue(phone.find("#q-s1 input[value=high]").isSelected(), "the marks stay through the language switch");
        level(phone, "s4", "medium");
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Review before casting");
        assertTrue(phone.findAll(".choice.blank").isEmpty());
        int requestsBeforeCast = air.sent().split("\r\n\r\n").length;

        phone.find("#cast-button").click();
        String code = phone.await("#receipt-code").getText();
        phone.awaitHeading("Ballot cast");
        assertEquals(ReceiptCode.codeOf(secret), code, "the code the page shows is the one its secret gives");
        assertAccessible(phone, "receipt sealed on the device, English");
        phone.screenshot("phone-receipt-sealed-on-device");
        assertFalse(phone.driver.getCurrentUrl().contains(code), phone.driver.getCurrentUrl());
        Object history = phone.driver.executeScript("return JSON.stringify(history.state) + '|' + history.length");
        assertFalse(String.valueOf(history).contains(code) || String.valueOf(history).contains(secret), "history: " + history);
        assertTrue(requestsBeforeCast > 0);

        // The air: the cast carried the slip's public key and its signature, the sealed ballot and the proof; no mark,
        // receipt secret, receipt code or slip secret went either way.
        String sent = air.sent();
        String answered = air.answered();
        assertTrue(sent.contains("POST /api/polls/" + POLL + "/sealed-ballots"), "the sealed cast is on the air");
        assertFalse(sent.contains(secret) || answered.contains(secret), "the receipt secret crossed the air");
        assertFalse(sent.contains(code) || answered.contains(code), "the receipt code crossed the air");
        assertFalse(sent.contains(token) || answered.contains(token), "the slip's secret crossed the air");
        assertFalse(sent.contains("q.s1") || sent.contains("\"answers\"") || sent.contains("\"s1\""), "marks crossed the air");
        assertFalse(sent.contains("/review") || sent.contains("/cast") || sent.contains("/change"), "a form post crossed the air");
        String castBody = sent.substring(sent.indexOf("POST /api/polls/" + POLL + "/sealed-ballots"));
        castBody = castBody.substring(castBody.indexOf("\r\n\r\n") + 4);
        JsonNode cast = Api.JSON.readTree(castBody.substring(0, castBody.indexOf('}') + 1));
        List<String> fields = new ArrayList<>();
        cast.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("slipKey", "signature", "sealed", "proof"), fields, "what the cast carries");
        assertEquals(kioskvote.token.TestSlips.keyOf(token), cast.path("slipKey").asText(), "the slip's public key, signing the cast");
        FIGURES.add("the sealed cast on the air (request body): " + castBody.substring(0, castBody.indexOf('}') + 1).length() + " bytes");

        // The committee's count opens it.
        assertEquals(200, api.closeCountAndShow(POLL).status());
        List<String> receipts = new ArrayList<>();
        api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> receipts.add(r.asText()));
        assertEquals(List.of(code), receipts, "the count opened the ballot the phone sealed and published its code");
        JsonNode ballots = api.get("/api/polls/" + POLL + "/ballots").json().path("ballots");
        assertEquals(1, ballots.size());
        assertTrue(ballots.toString().contains("\"s1\":[\"high\"]") && ballots.toString().contains("\"s4\":[\"medium\"]"), ballots.toString());
    }

    @Test
    void theScriptMatchesRfc9180KnownAnswersInChromiumAndSealsInMilliseconds() throws Exception {
        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(air.url() + "/V#" + api.issueTokens(1).get(0));
        phone.await("#ballot");
        Object kat = phone.driver.executeScript("""
                var h = noble.hexToBytes, x = noble.bytesToHex;
                var e = kvSeal.deriveKeyPair(h('7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234'));
                var r = kvSeal.deriveKeyPair(h('6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037'));
                var s = kvSeal.sealWith(r.publicKey, h('4f6465206f6e2061204772656369616e2055726e'), h('436f756e742d30'),
                    h('4265617574792069732074727574682c20747275746820626561757479'), e.privateKey);
                return [x(r.publicKey), x(s.enc), x(s.ciphertext)].join(' ');
                """);
        // RFC 9180, Appendix A.1.1 (mode 0, KEM 0x0020, KDF 0x0001, AEAD 0x0001), as BallotBoxKeyTest checks the station's.
        assertEquals("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d"
                + " 37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431"
                + " f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a", kat);
        Object timing = phone.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/api/polls/tin-nhiem/box').then(function (r) { return r.json(); }).then(function (box) {
                  var poll = { questions: ['s1', 's2', 's3', 's4'].map(function (id) {
                    return { id: id, options: [{ id: 'high' }, { id: 'medium' }, { id: 'low' }] }; }) };
                  var t0 = performance.now();
                  kvSeal.sealBallot(box, poll, { s1: ['high'] }, kvSeal.randomSecret()); // first: warms the code up
                  var first = performance.now() - t0;
                  var t1 = performance.now();
                  for (var i = 0; i < 20; i++) kvSeal.sealBallot(box, poll, { s1: ['high'] }, kvSeal.randomSecret());
                  done(first.toFixed(1) + ' ms first, ' + ((performance.now() - t1) / 20).toFixed(1) + ' ms each after');
                });
                """);
        FIGURES.add("sealing one ballot in headless Chromium (360 px phone emulation, this machine): " + timing);
        Object weight = phone.driver.executeScript("""
                return performance.getEntriesByType('resource').filter(function (e) { return /noble|seal|ballot-device/.test(e.name); })
                  .map(function (e) { return e.name.replace(/.*[/]/, '') + ' ' + e.transferSize + ' B on the wire, ' + e.decodedBodySize + ' B'; }).join('; ');
                """);
        FIGURES.add("scripts of device sealing: " + weight);
    }

    @Test
    void aCastWhoseAnswerIsLostIsSentAgainAndCountedOnce() throws Exception {
        Chromium phone = BROWSERS.take(360, 740, true, true);
        phone.driver.get(air.url() + "/V#" + api.issueTokens(1).get(0));
        level(phone, "s1", "low");
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        air.cut(true);                                             // the Wi-Fi goes away
        phone.find("#cast-button").click();
        phone.await("#cast-offline:not([hidden])");
        assertTrue(phone.find("#cast-offline").isDisplayed());
        assertTrue(phone.find("#retry-button").isDisplayed());
        assertAccessible(phone, "review, network lost");
        assertEquals(0, api.get("/api/polls/" + POLL).json().path("cast").asInt());
        air.cut(false);
        phone.find("#retry-button").click();
        String code = phone.await("#receipt-code").getText();
        assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "counted once");
    }

    private static void level(Chromium phone, String subject, String level) {
        phone.find("#q-" + subject + " label.level-" + level).click();
        assertTrue(phone.find("#q-" + subject + " input[value=" + level + "]").isSelected());
    }
}
