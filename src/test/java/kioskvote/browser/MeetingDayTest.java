package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;

/**
 * A real meeting day in headless Chromium, with a roster, the room's Wi-Fi and three polls (a confidence
 * rating of twelve people, two motions): the desk through the day, a phone that keeps its marks across a
 * refresh and the language switch and survives a network cut during the cast, the waiting page that opens
 * the next ballot by itself, the projector that shows results when the chair says so, and axe-core on every
 * page in both languages. Each test has its own station (in this JVM, the same meeting.yaml and roster), takes
 * the browsers it needs (reset after it) and sets up through the API what the earlier part of the day would
 * have left; so any one runs alone, in any order. The whole day as one scenario is {@link WholeMeetingDayTest}.
 * Screenshots go to target/screenshots/.
 */
@BrowserTest
class MeetingDayTest {
    /** The prefix public/slip.js keeps a slip's secret under in the tab's sessionStorage. */
    private static final String SLIP_STORE = "kv-slip:";
    static final String TWELVE = "tin-nhiem-12";
    static final String MOTION = "quy-che";
    static final String LATE = "ke-hoach";
    static final String TWELVE_TITLE = "Lấy phiếu tín nhiệm mười hai chức danh";
    static final String MOTION_TITLE = "Biểu quyết thông qua Quy chế chi tiêu nội bộ";
    static final String[] NAMES = {"Nguyễn Văn Bảo", "Trần Thị Cúc", "Lê Văn Đạt", "Phạm Thị Én", "Hoàng Văn Giang", "Vũ Thị Hằng",
        "Đặng Văn Ích", "Bùi Thị Kim", "Đỗ Văn Lộc", "Hồ Thị Mai", "Ngô Văn Nam", "Dương Thị Oanh"};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Browsers BROWSERS = new Browsers();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private Api api;
    private final List<String> tokens = new ArrayList<>();
    private final List<String> people = new ArrayList<>();

    /** The meeting of the day: the twelve, two motions, the room's Wi-Fi, a roster of fourteen. */
    static String meetingYaml() {
        StringBuilder yaml = new StringBuilder("""
                meeting:
                  id: hoi-nghi-ngay-hop
                  title: Hội nghị cán bộ, công chức Sở Thương mại năm 2026
                  organiser: Sở Thương mại thành phố Hoà Bình An
                  date: 2026-12-11
                  time: "08:00"
                  place: Hội trường A
                  summoned: 14
                committee:
                  - name: Lý Thị Ngọc
                    role: Trưởng ban kiểm phiếu
                station:
                  wifi:
                    name: PhongHop-A
                    password: "hop2026;an:toan"
                polls:
                  - id: tin-nhiem-12
                    kind: confidence
                    title: Lấy phiếu tín nhiệm mười hai chức danh
                    base: received
                    subjects:
                """);
        for (int i = 0; i < NAMES.length; i++) {
            yaml.append("      - name: ").append(NAMES[i]).append("\n        position: ").append(i == 0 ? "Giám đốc Sở" : "Trưởng phòng " + (i + 1)).append('\n');
        }
        yaml.append("""
                  - id: quy-che
                    kind: motion
                    title: Biểu quyết thông qua Quy chế chi tiêu nội bộ
                    motion: Thông qua Quy chế chi tiêu nội bộ năm 2027
                    base: received
                    passes_with: more than 1/2
                  - id: ke-hoach
                    kind: motion
                    title: Biểu quyết Kế hoạch công tác năm 2027
                    motion: Thông qua Kế hoạch công tác năm 2027
                    base: received
                    passes_with: more than 1/2
                """);
        return yaml.toString();
    }

    @BeforeEach
    void startStationWithSlips() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not installed: run `npm install` (see package.json) for the accessibility checks");
        Files.writeString(station.configDir().resolve("meeting.yaml"), meetingYaml(), StandardCharsets.UTF_8);
        StringBuilder roster = new StringBuilder("name,unit\n");
        for (int i = 0; i < 14; i++) roster.append("Người Dự Họp ").append(i + 1).append(",Phòng ").append(i % 4 + 1).append('\n');
        Files.writeString(station.configDir().resolve("roster.csv"), roster.toString().replace("Người Dự Họp 1,", "Trịnh Văn Quang,"), StandardCharsets.UTF_8);
        station.start();
        api = station.api();
        tokens.addAll(api.issueTokens(16));
        api.adminGet("/api/admin/roster?q=").json().path("people").forEach(p -> people.add(p.path("id").asText()));
        assertEquals(14, people.size());
    }

    @AfterEach
    void resetBrowsersAndStopStation() {
        BROWSERS.resetAll();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSERS.close();
    }

    @Test
    void theOrganiserPrintsSlipsThatCarryTheWifiAndIsWarnedTheAddressIsTheLaptopItself() throws Exception {
        Chromium admin = admin();
        admin.driver.get(station.url() + "/admin");
        admin.await("#passphrase");
        axeBothLanguages(admin, "admin sign-in");
        admin.find("#passphrase").sendKeys(station.passphrase());
        admin.find("form[action='/admin'] button").click();
        admin.await("#presence-from-desk");
        assertTrue(admin.find("#slip-address").getText().contains("http://127.0.0.1:7070"));
        assertTrue(admin.find("#slip-address-warning").isDisplayed(), "a loopback address on the slips is warned about");
        assertTrue(admin.find("#slips-without-desk").isDisplayed(), "with a roster, slips go through the desk");
        axeBothLanguages(admin, "admin dashboard");

        WebElement count = admin.await("#count");
        count.clear();
        count.sendKeys("8");
        admin.find("#label").sendKeys("Bàn 1");
        String dashboard = admin.driver.getWindowHandle();
        admin.find("form[action='/admin/slips'] button").click();
        admin.switchToTheOtherTab(dashboard);
        admin.await(".slip");
        assertEquals(8, admin.findAll(".slip .wifi svg").size(), "every slip carries the Wi-Fi QR code");
        assertTrue(admin.find(".slip .wifi").getText().contains("PhongHop-A"));
        // The run's label is printed on each slip, and the meeting's title is printed whole (it wraps, it is not cut).
        assertTrue(admin.find(".slip .run").isDisplayed());
        assertEquals("Bàn 1", admin.find(".slip .run").getText());
        WebElement title = admin.find(".slip .title");
        assertTrue(title.getText().startsWith("Hội nghị") && title.getText().length() > 20, title.getText());
        Object clipped = admin.driver.executeScript("const e = arguments[0]; return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;", title);
        assertEquals(Boolean.FALSE, clipped, "the title is not cut: " + title.getText());
        Axe.assertNoViolations(admin, "slip sheet");
        admin.screenshot("slip-with-wifi");
        admin.driver.close();
        admin.driver.switchTo().window(dashboard);
    }

    @Test
    void theDeskMarksPresentHandsOutUndoesAMistakeAndWillNotSendAKioskBallotForADraftPoll() throws Exception {
        Chromium admin = signedIn(admin());
        admin.driver.get(station.url() + "/admin/desk");
        admin.await("#desk-search").sendKeys("trinh van quang");
        awaitOnlyQuang(admin);
        WebElement person = admin.find(".desk-person");
        WebElement kioskButton = person.findElement(By.cssSelector("button[data-action=KIOSK]"));
        assertFalse(kioskButton.isEnabled(), "no kiosk ballot for a poll that is not open");
        assertTrue(person.getText().contains("Chỉ gửi phiếu tới máy khi nội dung đang mở"), person.getText());
        axeBothLanguages(admin, "desk");
        admin.await("#desk-search").sendKeys("trinh van quang");
        awaitOnlyQuang(admin);

        clickInPerson(admin, "present", "Đánh dấu có mặt");
        awaitPersonNote(admin, "Đã đánh dấu có mặt.");
        clickInPerson(admin, "SLIP", "Phát phiếu in");
        awaitPersonNote(admin, "Đã ghi nhận phát một phiếu in.");
        clickInPerson(admin, "undo", null);
        awaitPersonNote(admin, "Đã hoàn tác việc phát phiếu in.");
        clickInPerson(admin, "SLIP", "Phát phiếu in");
        awaitPersonNote(admin, "Đã ghi nhận phát một phiếu in.");

        // the others of the day, through the API: 12 more printed slips, so that 13 people hold a ballot
        String quang = admin.find(".desk-person").getAttribute("data-person");
        int handed = 0;
        for (String id : people) {
            if (id.equals(quang) || handed == 12) continue;
            Api.Reply reply = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", id, "pollId", TWELVE, "kind", "SLIP"));
            assertEquals(200, reply.status(), reply.body());
            handed++;
        }
        assertEquals(13, api.get("/api/polls/" + TWELVE).json().path("handedOut").asInt(), "Quang's slip (once, after the undo) and twelve more");
    }

    @Test
    void aPhoneKeepsItsMarksAcrossARefreshAndTheLanguageSwitchAndBackFromTheReview() throws Exception {
        open(TWELVE);
        Chromium chair = chair();
        chair.driver.get(station.url() + "/chair");
        chair.await("#cast");
        axeBothLanguages(chair, "chair screen, poll open");
        assertTrue(chair.await("#wifi").getText().contains("PhongHop-A"), "the Wi-Fi is on the chair's screen while the poll is open");
        chair.screenshot("chair-open-with-wifi");

        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        phone.awaitHeading(TWELVE_TITLE);
        level(phone, "s1", "high");
        level(phone, "s2", "low");
        level(phone, "s3", "medium");
        String secret = phone.find("#ballot input[name=receipt]").getAttribute("value");
        phone.driver.navigate().refresh();
        phone.awaitHeading(TWELVE_TITLE);
        assertMarked(phone, "s1", "high");
        assertMarked(phone, "s2", "low");
        assertMarked(phone, "s3", "medium");
        assertEquals(secret, phone.find("#ballot input[name=receipt]").getAttribute("value"), "the same receipt secret after a refresh");
        assertFalse(phone.driver.getCurrentUrl().contains("high") || phone.driver.getCurrentUrl().contains("low"), "no choice in the URL");

        phone.find("nav.lang a").click();
        awaitSubmitButton(phone, "Review my ballot");
        assertMarked(phone, "s1", "high");
        assertMarked(phone, "s2", "low");
        assertMarked(phone, "s3", "medium");
        assertEquals(secret, phone.find("#ballot input[name=receipt]").getAttribute("value"));
        Axe.assertNoViolations(phone, "phone ballot (en)");
        level(phone, "s4", "high");
        phone.driver.navigate().refresh();
        awaitSubmitButton(phone, "Review my ballot");
        assertMarked(phone, "s4", "high");

        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Review before casting");
        Axe.assertNoViolations(phone, "phone review (en)");
        phone.driver.navigate().back();
        awaitSubmitButton(phone, "Review my ballot");
        assertMarked(phone, "s1", "high");
        assertMarked(phone, "s4", "high");
        phone.find("nav.lang a").click();
        awaitSubmitButton(phone, "Xem lại phiếu");
        assertMarked(phone, "s4", "high");
        Axe.assertNoViolations(phone, "phone ballot (vi)");
        // The tab keeps the slip's secret (public/slip.js), and nothing else: no mark, no receipt secret.
        Object stored = phone.driver.executeScript("return [localStorage.length, sessionStorage.length,"
                + " Object.keys(sessionStorage).every(function (k) { return k.indexOf(SLIP_STORE) === 0 && /^[0-9]+$/.test(sessionStorage.getItem(k)); })].join('|')"
                .replace("SLIP_STORE", "'" + SLIP_STORE + "'"));
        assertEquals("0|1|true", stored, "nothing of the ballot in storage, only the slip's secret");
    }

    @Test
    void aCastCutOffByTheNetworkSaysSoInPlaceAndOneRetryCountsOneBallotWithTheSameReceipt() throws Exception {
        open(TWELVE);
        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        phone.awaitHeading(TWELVE_TITLE);
        level(phone, "s1", "high");
        level(phone, "s2", "low");
        String secret = phone.find("#ballot input[name=receipt]").getAttribute("value");
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        Axe.assertNoViolations(phone, "phone review (vi)");
        phone.driver.executeCdpCommand("Network.enable", Map.of());
        phone.driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        phone.find("#cast-button").click();
        WebElement offline = phone.await("#cast-offline:not([hidden])");
        assertTrue(offline.getText().contains("CHƯA được ghi nhận"), offline.getText());
        assertTrue(phone.find("#retry-button").isDisplayed());
        Axe.assertNoViolations(phone, "cast failed for the network");
        phone.screenshot("phone-cast-offline");
        assertEquals(0, api.get("/api/polls/" + TWELVE).json().path("cast").asInt(), "nothing reached the station");

        phone.driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        phone.find("#retry-button").click();
        String receipt = phone.await("#receipt-code").getText();
        assertEquals(ReceiptCode.codeOf(secret), receipt, "the receipt of the secret the ballot page chose");
        assertEquals(1, api.get("/api/polls/" + TWELVE).json().path("cast").asInt(), "one ballot");
        assertTrue(phone.find("#remaining").getText().contains(MOTION_TITLE), "the polls that remain");
        axeBothLanguages(phone, "phone receipt");
    }

    @Test
    void theWaitingPageOpensTheNextBallotByItselfWhenTheChairOpensIt() throws Exception {
        open(TWELVE);
        assertEquals(200, api.cast(TWELVE, tokens.get(0), Map.of("s1", List.of("high")), ReceiptCode.randomSecret(RANDOM)).status());
        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        phone.awaitHeading("Chờ nội dung bỏ phiếu tiếp theo");
        assertTrue(phone.find("#waiting").isDisplayed());
        phone.await("#wait-auto:not([hidden])");
        axeBothLanguages(phone, "phone waiting page");
        phone.driver.get(station.url() + "/v/" + kioskvote.token.TestSlips.keyOf(tokens.get(0)) + "?lang=vi");
        phone.await("#wait-auto:not([hidden])");
        phone.screenshot("phone-waiting");

        castTheRoomOnTheTwelve(); // the rest of the room votes on the twelve
        assertEquals(200, api.closeAndCount(TWELVE).status());
        open(MOTION);
        phone.awaitHeading(MOTION_TITLE);
        assertTrue(phone.driver.getCurrentUrl().endsWith("/v/" + kioskvote.token.TestSlips.keyOf(tokens.get(0)) + "?lang=vi") || phone.driver.getCurrentUrl().contains("poll=" + MOTION));
    }

    @Test
    void theChairScreenWaitsForTheChairThenShowsTwelveSubjectsOnOneScreenAt1920x1080() throws Exception {
        handOutSlips(12);
        open(TWELVE);
        // the ballot of the phone in the tests above, and the rest of the room
        assertEquals(200, api.cast(TWELVE, tokens.get(0), Map.of("s1", List.of("high"), "s2", List.of("low"), "s3", List.of("medium"),
                "s4", List.of("high")), ReceiptCode.randomSecret(RANDOM)).status());
        castTheRoomOnTheTwelve();
        assertEquals(200, api.closeAndCount(TWELVE).status());
        open(MOTION);

        Chromium chair = chair();
        chair.driver.get(station.url() + "/chair?poll=" + TWELVE);
        assertEquals("Đã kết thúc — chưa công bố kết quả", chair.await("#state").getText());
        assertTrue(chair.findAll(".result").isEmpty(), "no result before the chair shows it");
        axeBothLanguages(chair, "chair screen, closed and not shown");

        assertEquals(401, api.post("/api/admin/polls/" + TWELVE + "/show-results", Map.of()).status(), "not without the chair's credential");
        assertEquals(409, api.adminPost("/api/admin/polls/" + MOTION + "/show-results", Map.of()).status(), "an open poll has no results to show");
        assertEquals(404, api.adminPost("/api/admin/polls/nope/show-results", Map.of()).status());
        Chromium admin = signedIn(admin());
        admin.await("#poll-" + TWELVE + " form[action$='/show-results'] button").click();
        admin.await(".notice-ok");
        assertEquals(409, api.adminPost("/api/admin/polls/" + TWELVE + "/show-results", Map.of()).status(), "once only");

        chair.await(".result");
        assertEquals(12, chair.findAll(".result").size());
        // Every subject readable at 1920×1080: on one screen, or (with the election record's anchors beside them)
        // on at most two pages the operator turns with the keyboard.
        int seenAt1920 = visibleResults(chair, 1080);
        int pagesAt1920 = 1;
        while (seenAt1920 < 12 && pagesAt1920 < 3) {
            chair.find("body").sendKeys(Keys.ARROW_RIGHT);
            pagesAt1920++;
            seenAt1920 += visibleResults(chair, 1080);
        }
        assertEquals(12, seenAt1920, "every subject readable at 1920×1080 in at most two pages");
        chair.find("body").sendKeys(Keys.ARROW_LEFT);
        assertTrue(chair.find("#outcome").getText().contains("tín nhiệm thấp"), chair.find("#outcome").getText());
        Number nameSize = (Number) chair.driver.executeScript("return parseFloat(getComputedStyle(document.querySelector('.result h2')).fontSize)");
        assertTrue(nameSize.doubleValue() >= 24, "names readable from the back of the room: " + nameSize + " px");
        axeBothLanguages(chair, "chair screen, twelve results");
        chair.driver.get(station.url() + "/chair?poll=" + TWELVE + "&lang=vi");
        chair.await(".result");
        chair.screenshot("chair-12-subjects-1920");

        chair.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1024, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        chair.driver.navigate().refresh();
        chair.await(".result");
        int seen = visibleResults(chair, 768);
        int pages = 1;
        while (seen < 12 && pages < 12) {
            chair.find("body").sendKeys(Keys.ARROW_RIGHT);
            pages++;
            seen += visibleResults(chair, 768);
        }
        assertEquals(12, seen, "every subject readable at 1024×768, page by page");
        chair.screenshot("chair-12-subjects-1024");
    }

    @Test
    void aMotionVotedOnAPhoneAndAtAKioskTheDeskSentItEndsInAPassedBanner() throws Exception {
        handOutSlips(12);
        open(TWELVE);
        castTheRoomOnTheTwelve();
        assertEquals(200, api.closeAndCount(TWELVE).status());
        open(MOTION); // the second poll of the day

        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        phone.awaitHeading(MOTION_TITLE);
        phone.find("#q-motion label.level-agree").click();
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading("Xem lại trước khi bỏ phiếu");
        phone.find("#cast-button").click();
        phone.await("#receipt-code");
        assertEquals(200, api.cast(MOTION, tokens.get(1), Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM)).status());
        assertEquals(200, api.cast(MOTION, tokens.get(2), Map.of("motion", List.of("disagree")), ReceiptCode.randomSecret(RANDOM)).status());
        voteAtAKioskSentFromTheDesk();
        Chromium admin = signedIn(admin());
        admin.driver.get(station.url() + "/admin/desk");
        admin.await("#desk-poll option");
        admin.await("#desk-search").sendKeys("nguoi du hop");
        admin.waitUpTo(Chromium.PATIENCE).until(d -> d.findElements(By.cssSelector(".desk-person")).size() == 13);
        admin.screenshot("desk-second-poll");
        assertEquals(200, api.closeAndCount(MOTION).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/show-results", Map.of()).status());
        Chromium chair = chair();
        chair.driver.get(station.url() + "/chair?poll=" + MOTION);
        WebElement verdict = chair.await(".verdict");
        assertEquals("ĐƯỢC THÔNG QUA", verdict.getText());
        assertTrue(chair.find("#outcome .rule").getText().contains("1/2"), chair.find("#outcome .rule").getText());
        chair.screenshot("chair-outcome-banner");
    }

    @Test
    void moreBallotsThanTheDeskHandedOutAreFlaggedAndTheChairScreenShowsTheFailedCountCheck() throws Exception {
        handOutSlips(12);
        for (String earlier : List.of(TWELVE, MOTION)) { // the day's earlier polls, over
            open(earlier);
            assertEquals(200, api.closeAndCount(earlier).status());
        }
        // the last poll: more ballots than the desk handed out (printed slips passed round without the desk)
        open(LATE);
        for (int i = 0; i < 15; i++) {
            assertEquals(200, api.cast(LATE, tokens.get(i), Map.of("motion", List.of(i < 5 ? "agree" : "disagree")),
                    ReceiptCode.randomSecret(RANDOM)).status());
        }
        Chromium admin = signedIn(admin());
        assertTrue(admin.await("#poll-" + LATE + " .cast-exceeds").getText().contains("(15)"), "flagged on the admin page as soon as cast exceeds handed out");
        assertEquals(200, api.closeAndCount(LATE).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + LATE + "/show-results", Map.of()).status());
        Chromium chair = chair();
        chair.driver.get(station.url() + "/chair?poll=" + LATE);
        assertEquals("KHÔNG ĐƯỢC THÔNG QUA", chair.await(".verdict").getText());
        assertTrue(chair.await("#count-check").getText().contains("KHÔNG khớp"));
        axeBothLanguages(chair, "chair screen, motion not passed, count check failed");
        chair.screenshot("chair-count-check-failed");

        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0));
        phone.await("h1");
        axeBothLanguages(phone, "phone after the last poll");
    }

    @Test
    void everyOtherPagePassesAxeInBothLanguages() throws Exception {
        open(TWELVE);
        castTheRoomOnTheTwelve();
        assertEquals(200, api.closeAndCount(TWELVE).status());
        Chromium admin = signedIn(admin());
        admin.driver.get(station.url() + "/");
        admin.await("h1");
        axeBothLanguages(admin, "front page");
        admin.driver.get(station.url() + "/api/admin/polls/" + TWELVE + "/minutes");
        admin.await("h1");
        axeBothLanguages(admin, "minutes");
        Chromium phone = phone();
        phone.driver.get(station.url() + "/V#" + tokens.get(0).substring(0, 30));
        phone.await("h1");
        assertTrue(phone.find("main").getText().contains("quét lại mã QR"), "a cut link says scan again");
        axeBothLanguages(phone, "truncated slip link");
        phone.driver.get(station.url() + "/no-such-page");
        phone.await("h1");
        axeBothLanguages(phone, "page not found");
        // the undo and show-results requests refused without the desk's or chair's credential, bad input a clear 4xx
        assertEquals(401, api.post("/api/admin/desk/undo", Map.of("personId", people.get(0), "pollId", TWELVE)).status());
        assertEquals(400, api.adminPost("/api/admin/desk/undo", Map.of("pollId", TWELVE)).status());
        assertEquals(404, api.adminPost("/api/admin/desk/undo", Map.of("personId", "nobody", "pollId", MOTION)).status());
    }

    // --- helpers

    private static Chromium admin() throws Exception {
        return BROWSERS.take(1280, 900, false, true);
    }

    private static Chromium chair() throws Exception {
        return BROWSERS.take(1920, 1080, false, true);
    }

    private static Chromium phone() throws Exception {
        return BROWSERS.take(360, 740, true, true);
    }

    /** The browser signed in with the organiser's passphrase, on the dashboard. */
    private Chromium signedIn(Chromium browser) {
        browser.driver.get(station.url() + "/admin");
        browser.await("#passphrase").sendKeys(station.passphrase());
        browser.find("form[action='/admin'] button").click();
        browser.await("#presence-from-desk");
        return browser;
    }

    private void open(String pollId) {
        Api.Reply opened = api.adminPost("/api/admin/polls/" + pollId + "/open", Map.of("confirmBelowQuorum", true));
        assertEquals(200, opened.status(), opened.body());
    }

    /** Printed slips handed out at the desk to the first {@code count} people of the roster. */
    private void handOutSlips(int count) {
        for (String id : people.subList(0, count)) {
            Api.Reply handed = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", id, "pollId", TWELVE, "kind", "SLIP"));
            assertEquals(200, handed.status(), handed.body());
        }
    }

    /** Eleven ballots on the twelve through the API (slips 1 to 11); subjects 5 and 10 get eight "low". */
    private void castTheRoomOnTheTwelve() {
        for (int i = 1; i < 12; i++) {
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (int s = 1; s <= 12; s++) answers.put("s" + s, List.of(s % 5 == 0 && i < 9 ? "low" : (i + s) % 3 == 0 ? "medium" : "high"));
            Api.Reply cast = api.cast(TWELVE, tokens.get(i), answers, ReceiptCode.randomSecret(RANDOM));
            assertEquals(200, cast.status(), cast.body());
        }
    }

    /** A tablet enrolled as kiosk phong-1; the desk sends it a ballot for the open motion; axe-core at every step. */
    private void voteAtAKioskSentFromTheDesk() throws Exception {
        Chromium kiosk = signedIn(BROWSERS.take(1024, 768, false, true));
        kiosk.driver.get(station.url() + "/admin/desk");
        kiosk.await("#enrol-name").sendKeys("phong-1");
        kiosk.find("#enrol-button").click();
        kiosk.await("#welcome #scan");
        kiosk.driver.get(station.url() + "/kiosk/phong-1?receipt=60&idle=300");
        kiosk.await("#welcome #scan");
        axeBothLanguages(kiosk, "kiosk welcome");
        kiosk.driver.get(station.url() + "/kiosk/phong-1?receipt=60&idle=300&lang=vi");
        kiosk.await("#welcome #scan");

        String free = null;
        for (JsonNode person : api.adminGet("/api/admin/roster?q=").json().path("people")) {
            if (!person.path("holdsBallot").asBoolean()) free = person.path("id").asText();
        }
        Api.Reply draft = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", free, "pollId", LATE, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(409, draft.status(), "no kiosk ballot for a draft poll: " + draft.body());
        assertEquals("poll_not_open", draft.errorCode());
        assertFalse(api.adminGet("/api/admin/roster/" + free).json().path("holdsBallot").asBoolean(), "nothing handed out");
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", free, "pollId", MOTION, "kind", "KIOSK", "kiosk", "phong-1"));
        assertEquals(200, sent.status(), sent.body());
        kiosk.await("#q-motion");
        kiosk.find("#kiosk-text-large").click();
        kiosk.find("#kiosk-theme-contrast").click();
        assertTrue((Boolean) kiosk.driver.executeScript("return document.documentElement.dataset.text === 'large' && document.documentElement.dataset.theme === 'contrast'"));
        Axe.assertNoViolations(kiosk, "kiosk ballot, large text and high contrast");
        kiosk.screenshot("kiosk-large-contrast");
        kiosk.find("#q-motion label.level-agree").click();
        kiosk.find("#kiosk-review-button").click();
        kiosk.await("#kiosk-cast-button");
        Axe.assertNoViolations(kiosk, "kiosk review");
        kiosk.find("#kiosk-cast-button").click();
        kiosk.await("#receipt-code");
        assertTrue(kiosk.await("#kiosk-countdown").getText().matches(".*\\d+ giây.*"), kiosk.find("#kiosk-countdown").getText());
        Axe.assertNoViolations(kiosk, "kiosk receipt");
        kiosk.find("#kiosk-done").click();
        kiosk.await("#welcome #scan");
        assertTrue((Boolean) kiosk.driver.executeScript("return document.documentElement.dataset.text === 'normal' && document.documentElement.dataset.theme === 'default'"),
                "large text and high contrast were for that voter only");
    }

    private static int visibleResults(Chromium chair, int screenHeight) {
        int count = 0;
        for (WebElement result : chair.findAll(".result")) {
            if (!result.isDisplayed()) continue;
            Number bottom = (Number) chair.driver.executeScript("return arguments[0].getBoundingClientRect().bottom", result);
            assertTrue(bottom.doubleValue() <= screenHeight + 1, "a page fits the screen: " + bottom);
            count++;
        }
        return count;
    }

    /** axe-core on the page shown, then on the same page in the other language (the page's own switch, or ?lang=). */
    static void axeBothLanguages(Chromium browser, String page) {
        String lang = (String) browser.driver.executeScript("return document.documentElement.lang");
        Axe.assertNoViolations(browser, page + " (" + lang + ")");
        String other = "vi".equals(lang) ? "en" : "vi";
        String current = browser.driver.getCurrentUrl();
        int hash = current.indexOf('#');                          // a slip's fragment stays after the query
        String fragment = hash < 0 ? "" : current.substring(hash);
        String url = (hash < 0 ? current : current.substring(0, hash)).replaceAll("[?&]lang=[a-z]+", "");
        browser.driver.get(url + (url.contains("?") ? "&" : "?") + "lang=" + other + fragment);
        browser.waitUpTo(Chromium.PATIENCE).until(d -> other.equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
        Axe.assertNoViolations(browser, page + " (" + other + ")");
        browser.driver.get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang + fragment);
        browser.waitUpTo(Chromium.PATIENCE).until(d -> lang.equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
    }

    private static void awaitOnlyQuang(Chromium desk) {
        desk.waitUpTo(Chromium.PATIENCE).until(d -> d.findElements(By.cssSelector(".desk-person")).size() == 1
                && d.findElement(By.cssSelector(".desk-person .name")).getText().equals("Trịnh Văn Quang"));
    }

    private static void clickInPerson(Chromium desk, String action, String label) {
        WebElement button = desk.await(".desk-person button[data-action=" + action + "]");
        if (label != null) assertEquals(label, button.getText());
        button.click();
    }

    private static void awaitPersonNote(Chromium desk, String text) {
        desk.awaitText(".desk-person .person-note", text);
    }

    /** The ballot page loaded in the language whose "review" button reads {@code words}. */
    private static void awaitSubmitButton(Chromium phone, String words) {
        phone.waitUpTo(Chromium.PATIENCE).until(d -> d.findElements(By.cssSelector("#ballot button[type=submit]")).stream()
                .anyMatch(b -> b.getText().equals(words)));
    }

    private static void level(Chromium phone, String subject, String level) {
        phone.find("#q-" + subject + " label.level-" + level).click();
        assertMarked(phone, subject, level);
    }

    private static void assertMarked(Chromium phone, String subject, String level) {
        assertTrue(phone.find("#q-" + subject + " input[value=" + level + "]").isSelected(), subject + " marked " + level);
    }
}
