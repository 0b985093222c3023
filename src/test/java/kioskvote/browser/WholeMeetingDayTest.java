package kioskvote.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.BrowserTest;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.meeting.CountRules;
import kioskvote.slip.QrPhotoReader;

/**
 * A whole meeting day in headless Chromium, as one scenario on purpose (a day is a sequence): a roster of
 * fourteen, three polls opened one after the other (a confidence vote and a motion from meeting.yaml, then a
 * motion raised from the floor, added with the meeting editor and opened without a restart); voters on phones,
 * at two kiosks the desk sends ballots to, and with QR codes shown at the desk; a mistaken hand-out undone; a
 * lost slip replaced in the second poll and the old slip then refused; the station restarted between the first
 * and second polls (the kiosks stay enrolled); the desk clerk, signed in with the clerk's own secret, refused at
 * the chair's actions in the page and in the API; the projector showing each outcome; and the minutes of every
 * poll adding up. The restart is a clean stop and start on the same port, in this JVM. Screenshots go to
 * target/screenshots/ (day-*).
 */
@BrowserTest
class WholeMeetingDayTest {
    static final String CONFIDENCE = "tin-nhiem";
    static final String CONFIDENCE_TITLE = "Lấy phiếu tín nhiệm Ban Giám đốc Trung tâm";
    static final String MOTION = "quy-che";
    static final String MOTION_TITLE = "Biểu quyết Quy chế thực hiện dân chủ ở cơ sở";
    /** The motion raised from the floor: not in meeting.yaml, added during the meeting. */
    static final String ADDED = "ke-hoach";
    static final String ADDED_TITLE = "Biểu quyết Kế hoạch tổ chức Hội diễn văn nghệ quần chúng";
    static final String CHAIR_SECRET = "chu-toa-pin-2026";
    static final String CLERK_SECRET = "le-tan-pin-4410";
    static final String LOST = "Trịnh Văn Quang";       // a printed slip, lost in the second poll
    static final String MISTAKE = "Mai Thị Xuân";       // a printed slip recorded by mistake, undone; a desk QR instead
    static final String KIOSK_1 = "Lương Văn Hải";      // votes at kiosk phong-1
    static final String KIOSK_2 = "Tạ Thị Hồng";        // votes at kiosk phong-2
    /** Fourteen invented people; the ten after the first four get printed slips and vote through the API. */
    static final List<String> ROSTER = List.of(LOST, MISTAKE, KIOSK_1, KIOSK_2, "Châu Văn Khải", "Quách Thị Liên", "Kiều Văn Minh",
            "Lâm Thị Ngân", "Mạc Văn Phúc", "Triệu Thị Quyên", "Ông Văn Sơn", "Âu Thị Thảo", "Viên Văn Toàn", "Giáp Thị Uyên");
    static final String REVIEW = "Xem lại trước khi bỏ phiếu";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String MEETING_YAML = """
            meeting:
              id: hoi-nghi-vien-chuc-phu-lam-2026
              title: Hội nghị viên chức Trung tâm Văn hoá Phú Lâm năm 2026
              organiser: Trung tâm Văn hoá Phú Lâm
              date: 2026-12-18
              time: "08:00"
              place: Hội trường tầng 2
              summoned: 14
            committee:
              - name: Hà Thị Tuyết
                role: Trưởng ban kiểm phiếu
            station:
              wifi:
                name: HoiTruong-T2
                password: "phulam-2026"
            polls:
              - id: tin-nhiem
                kind: confidence
                title: Lấy phiếu tín nhiệm Ban Giám đốc Trung tâm
                base: received
                subjects:
                  - name: Phan Văn Định
                    position: Giám đốc Trung tâm
                  - name: Cao Thị Loan
                    position: Phó Giám đốc
                  - name: Đinh Văn Thắng
                    position: Phó Giám đốc
              - id: quy-che
                kind: motion
                title: Biểu quyết Quy chế thực hiện dân chủ ở cơ sở
                motion: Thông qua Quy chế thực hiện dân chủ ở cơ sở năm 2027
                base: received
                passes_with: more than 1/2
            """;

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    private String passphrase;
    private Api organiser;
    private Api chairApi;
    private Api clerk;
    private final Browsers browsers = new Browsers();
    private Chromium desk;
    private Chromium projector;
    private Chromium phone;
    private Chromium kiosk1;
    private Chromium kiosk2;
    private final List<String> printed = new ArrayList<>();
    private String lostSlipCode;
    /** The token of the QR the desk last showed each person (a phone camera reads it off the desk screen). */
    private final Map<String, String> qrTokens = new LinkedHashMap<>();
    private String lastPerson;

    @AfterEach
    void stopEverything() throws Exception {
        browsers.close();
    }

    @Test
    void threePollsWithTheDeskTwoKiosksPhonesALostSlipAMotionFromTheFloorAndARestartAllAddUp() throws Exception {
        assumeTrue(Chromium.installed(), "Chromium and chromedriver are not installed at /usr/bin: browser tests skipped");
        assumeTrue(Axe.installed(), "axe-core is not installed: run `npm install` (see package.json) for the accessibility checks");
        morning();
        theFirstPollAConfidenceVote();
        theStationIsRestarted();
        theSecondPollAMotionWithALostSlip();
        theThirdPollAMotionAddedFromTheFloor();
        theMinutesOfEveryPollAddUp();
    }

    /** The station, the chair's and the clerk's secrets, printed slips, the kiosks enrolled, the clerk at the desk. */
    private void morning() throws Exception {
        Path config = station.configDir();
        Files.writeString(config.resolve("meeting.yaml"), MEETING_YAML, StandardCharsets.UTF_8);
        StringBuilder roster = new StringBuilder("name,unit\n");
        for (int i = 0; i < ROSTER.size(); i++) roster.append(ROSTER.get(i)).append(",Phòng ").append(i % 4 + 1).append('\n');
        Files.writeString(config.resolve("roster.csv"), roster.toString(), StandardCharsets.UTF_8);
        station.start();
        passphrase = station.passphrase();
        connectApis();
        assertEquals(200, organiser.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR_SECRET)).status());
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK_SECRET)).status());
        Api.Reply slips = organiser.adminPost("/api/admin/slips", Map.of("count", 12, "format", "json"));
        assertEquals(200, slips.status(), slips.body());
        slips.json().path("slips").forEach(s -> printed.add(tokenOf(s.path("url").asText())));
        lostSlipCode = slips.json().path("slips").get(0).path("shortCode").asText();
        assertEquals(ROSTER.size(), organiser.adminGet("/api/admin/roster?q=").json().path("people").size());

        kiosk1 = browsers.take(1024, 768, false, true);
        kiosk2 = browsers.take(1024, 768, false, true);
        KioskAndDeskTest.enrol(kiosk1, station.url(), passphrase, "phong-1");
        KioskAndDeskTest.enrol(kiosk2, station.url(), passphrase, "phong-2");
        openKiosk(kiosk1, "phong-1");
        openKiosk(kiosk2, "phong-2");
        projector = browsers.take(1920, 1080, false, true);
        phone = browsers.take(360, 740, true, true);
        desk = browsers.take(1280, 900, false, true);
        clerkSignsIn();
        theClerkIsRefused(CONFIDENCE, "open");
        assertEquals("draft", state(CONFIDENCE), "nothing changed");
    }

    private void theFirstPollAConfidenceVote() throws Exception {
        open(CONFIDENCE);
        projector.driver.get(station.url() + "/chair?poll=" + CONFIDENCE);
        projector.await("#cast");
        assertTrue(projector.await("#wifi").getText().contains("HoiTruong-T2"), "the room's Wi-Fi on the projector while the poll is open");
        openDesk();

        // a printed slip, handed out at the desk
        deskPerson("trinh van quang", LOST);
        clickInPerson("present");
        awaitPersonNote("Đã đánh dấu có mặt.");
        clickInPerson("SLIP");
        awaitPersonNote("Đã ghi nhận phát một phiếu in.");
        // a printed slip recorded for the wrong person, undone; she gets a QR on the desk screen instead
        deskPerson("mai thi xuan", MISTAKE);
        clickInPerson("SLIP");
        awaitPersonNote("Đã ghi nhận phát một phiếu in.");
        clickInPerson("undo");
        awaitPersonNote("Đã hoàn tác việc phát phiếu in.");
        clickInPerson("QR");
        String xuan = scanTheDeskQr();
        Axe.assertNoViolations(desk, "desk with a QR shown, first poll");

        // the two kiosk voters, each sent a ballot to a booth
        sendToKiosk("luong van hai", KIOSK_1, "phong-1");
        voteAtKiosk(kiosk1, "high");
        sendToKiosk("ta thi hong", KIOSK_2, "phong-2");
        voteAtKiosk(kiosk2, "medium");

        // two phones: the printed slip and the desk's QR
        voteOnPhone(printed.get(0), CONFIDENCE_TITLE, p -> rate(p, "high", "high", "low"));
        voteOnPhone(xuan, CONFIDENCE_TITLE, p -> rate(p, "medium", "high", "low"));
        // the rest of the room: ten printed slips handed out by the clerk, ten ballots
        for (int i = 4; i < ROSTER.size(); i++) {
            Api.Reply handed = clerk.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId(ROSTER.get(i)), "pollId", CONFIDENCE, "kind", "SLIP"));
            assertEquals(200, handed.status(), handed.body());
        }
        for (int i = 1; i <= 10; i++) {
            Map<String, List<String>> answers = new LinkedHashMap<>();
            answers.put("s1", List.of("high"));
            answers.put("s2", List.of(i % 2 == 0 ? "medium" : "high"));
            answers.put("s3", List.of(i <= 7 ? "low" : "medium"));
            castThroughTheApi(CONFIDENCE, printed.get(i), answers);
        }
        projector.awaitText("#cast", "14");

        closeAndCount(CONFIDENCE);
        theClerkIsRefused(CONFIDENCE, "show-results");
        assertFalse(organiser.get("/api/polls/" + CONFIDENCE).json().path("resultsShown").asBoolean(), "nothing changed");
        showResults(CONFIDENCE);
        projector.driver.get(station.url() + "/chair?poll=" + CONFIDENCE);
        projector.waitUpTo(Chromium.PATIENCE).until(d -> d.findElements(By.cssSelector(".result")).size() == 3);
        assertTrue(projector.await("#outcome").getText().contains("Đinh Văn Thắng"), "the one with the low-confidence flag: "
                + projector.find("#outcome").getText());
        projector.screenshot("day-confidence-outcome");
    }

    /** The station stops between two polls and starts again on the same data; the kiosks keep their enrolment. */
    private void theStationIsRestarted() throws Exception {
        station.restart();
        connectApis();
        assertEquals("closed", phaseOf(CONFIDENCE), "the first poll is still counted after the restart");
        assertTrue(organiser.get("/api/polls/" + CONFIDENCE).json().path("resultsShown").asBoolean(), "and its results still shown");
        openKiosk(kiosk1, "phong-1"); // [kioskdb] the enrolment cookie still opens the kiosk
        openKiosk(kiosk2, "phong-2");
        desk.driver.manage().deleteAllCookies(); // the clerk's session ended with the station
        clerkSignsIn();
    }

    private void theSecondPollAMotionWithALostSlip() throws Exception {
        open(MOTION);
        theClerkIsRefused(MOTION, "close");
        assertEquals("open", state(MOTION), "nothing changed");
        openDesk();

        // Trịnh Văn Quang lost the slip he voted with in the first poll: the desk voids it by its code and shows a QR
        deskPerson("trinh van quang", LOST);
        desk.find(".desk-person form.replace input[name=code]").sendKeys(lostSlipCode);
        desk.find(".desk-person form.replace button[type=submit]").click();
        awaitPersonNote("Đã huỷ phiếu bị mất và phát phiếu mới.");
        String replacement = scanTheDeskQr();
        desk.screenshot("day-desk-second-poll");
        phone.driver.get(station.url() + "/V#" + printed.get(0));
        phone.await("h1");
        assertTrue(phone.find("main").getText().contains("đã bị huỷ"), "the lost slip is refused: " + phone.find("main").getText());
        Api.Reply lost = organiser.cast(MOTION, printed.get(0), Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(RANDOM));
        assertEquals("token_voided", lost.errorCode(), lost.body());
        voteOnPhone(replacement, MOTION_TITLE, p -> p.find("#q-motion label.level-agree").click());

        // Mai Thị Xuân's QR from the morning is good for every poll; the kiosk voters are sent a ballot for this one
        voteOnPhone(tokenOfQrOf(MISTAKE), MOTION_TITLE, p -> p.find("#q-motion label.level-agree").click());
        kioskVotersAndTheRestOfTheRoom(MOTION, 8);
        assertEquals("ĐƯỢC THÔNG QUA", countedVerdictOnTheProjector(MOTION));
        assertTrue(projector.find("#outcome .rule").getText().contains("1/2"), projector.find("#outcome .rule").getText());
        projector.screenshot("day-motion-passed");
    }

    /** The two kiosk voters (one for, one against), then printed slips 1 to 10 through the API, the first {@code agree} of them for. */
    private void kioskVotersAndTheRestOfTheRoom(String motion, int agree) throws Exception {
        sendToKiosk("luong van hai", KIOSK_1, "phong-1");
        voteAtKiosk(kiosk1, "agree");
        sendToKiosk("ta thi hong", KIOSK_2, "phong-2");
        voteAtKiosk(kiosk2, "disagree");
        for (int i = 1; i <= 10; i++) castThroughTheApi(motion, printed.get(i), Map.of("motion", List.of(i <= agree ? "agree" : "disagree")));
    }

    /** Closes and counts the motion, shows its results, and reads the verdict the projector then shows. */
    private String countedVerdictOnTheProjector(String motion) throws Exception {
        closeAndCount(motion);
        showResults(motion);
        projector.driver.get(station.url() + "/chair?poll=" + motion);
        return projector.await(".verdict").getText();
    }

    /** A motion raised from the floor: the organiser adds it with the meeting editor, the chair opens it; no restart. */
    private void theThirdPollAMotionAddedFromTheFloor() throws Exception {
        Map<String, Object> motion = new LinkedHashMap<>();
        motion.put("id", ADDED);
        motion.put("kind", "motion");
        motion.put("title", ADDED_TITLE);
        motion.put("motion", "Thông qua Kế hoạch tổ chức Hội diễn văn nghệ quần chúng tháng 3 năm 2027");
        motion.put("base", "received");
        motion.put("passes_with", "more than 1/2");
        Api.Reply added = organiser.adminPost("/api/admin/polls", motion); // [editor] the meeting editor's API
        assertEquals(201, added.status(), added.body());
        assertEquals(ADDED, added.json().path("id").asText());
        assertEquals(401, organiser.post("/api/admin/polls", motion).status(), "not without the organiser's passphrase");
        assertEquals(403, clerk.adminPost("/api/admin/polls", motion).status(), "not the clerk's to add");
        open(ADDED);
        openDesk();

        voteOnPhone(tokenOfQrOf(LOST), ADDED_TITLE, p -> p.find("#q-motion label.level-agree").click());
        voteOnPhone(tokenOfQrOf(MISTAKE), ADDED_TITLE, p -> p.find("#q-motion label.level-disagree").click());
        kioskVotersAndTheRestOfTheRoom(ADDED, 3);
        assertEquals("KHÔNG ĐƯỢC THÔNG QUA", countedVerdictOnTheProjector(ADDED));
        projector.screenshot("day-added-motion-not-passed");
    }

    /** Every poll's minutes: fourteen summoned, present, handed a ballot and received, and the printed page says it holds. */
    private void theMinutesOfEveryPollAddUp() throws Exception {
        desk.driver.get(station.url() + "/admin");
        desk.await("form[action='/admin/logout'] button");
        desk.clickAndAwaitNewPage("form[action='/admin/logout'] button"); // signed out before the next page is asked for
        signIn(desk, CHAIR_SECRET);
        for (String poll : List.of(CONFIDENCE, MOTION, ADDED)) {
            Api.Reply minutes = chairApi.adminGet("/api/admin/polls/" + poll + "/minutes.json");
            assertEquals(200, minutes.status(), minutes.body());
            JsonNode counts = minutes.json().path("counts");
            assertTrue(counts.path("fromRoster").asBoolean());
            assertEquals(14, counts.path("summoned").asLong(), poll);
            assertEquals(14, counts.path("present").asLong(), poll);
            assertEquals(14, counts.path("handedOut").asLong(), poll + ": one ballot each, the replacement included");
            assertEquals(14, counts.path("received").asLong(), poll);
            assertTrue(CountRules.addsUp(true, counts.path("received").asLong(), counts.path("issued").asLong(), counts.path("handedOut").asLong(),
                    counts.path("present").asLong(), counts.path("summoned").asLong()), poll + ": " + counts);
            assertTrue(counts.path("addsUp").asBoolean(), poll + ": the minutes say it adds up");

            desk.driver.get(station.url() + "/api/admin/polls/" + poll + "/minutes?lang=vi");
            desk.await("#adds-up");
            desk.emulatePrint();
            assertEquals("khớp", desk.find("#adds-up strong").getText(), poll + ": the printed minutes say the figures hold");
            desk.emulateScreen();
        }
        assertTrue(chairApi.adminGet("/api/admin/polls/" + MOTION + "/minutes.json").json().path("counts").path("voided").asLong() >= 1,
                "the lost slip is in the second poll's minutes as voided or replaced");
        desk.printToPdf("day-minutes-added-motion");
    }

    // --- the day's helpers

    private void connectApis() {
        organiser = new Api(station.url(), passphrase);
        chairApi = new Api(station.url(), CHAIR_SECRET);
        clerk = new Api(station.url(), CLERK_SECRET);
    }

    /** The chair opens a poll (through the API, so that the sealed box's shares are kept for the count). */
    private void open(String poll) {
        Api.Reply opened = chairApi.adminPost("/api/admin/polls/" + poll + "/open", Map.of("confirmBelowQuorum", true));
        assertEquals(200, opened.status(), opened.body());
    }

    /** The chair closes the poll and the committee opens the sealed box with its cards. */
    private void closeAndCount(String poll) {
        Api.Reply closed = chairApi.closeAndCount(poll);
        assertEquals(200, closed.status(), closed.body());
        assertEquals("closed", phaseOf(poll), "closed and counted");
    }

    private void showResults(String poll) {
        Api.Reply shown = chairApi.adminPost("/api/admin/polls/" + poll + "/show-results", Map.of());
        assertEquals(200, shown.status(), shown.body());
    }

    private String state(String poll) {
        return organiser.get("/api/polls/" + poll).json().path("state").asText();
    }

    private String phaseOf(String poll) {
        return organiser.get("/api/polls/" + poll).json().path("phase").asText();
    }

    private void signIn(Chromium browser, String secret) {
        browser.driver.get(station.url() + "/admin");
        browser.await("#passphrase").sendKeys(secret);
        browser.find("form[action='/admin'] button").click();
        browser.await("#signed-in-as, #desk-search"); // the dashboard, or the desk where the clerk lands
    }

    /** The desk clerk signs in with the clerk's own secret: the dashboard offers none of the chair's actions. */
    private void clerkSignsIn() {
        signIn(desk, CLERK_SECRET);
        desk.driver.get(station.url() + "/admin");
        desk.await("#signed-in-as");
        assertTrue(desk.find("#signed-in-as").getText().contains("Người phát phiếu tại bàn đón tiếp"), desk.find("#signed-in-as").getText());
        assertTrue(desk.findAll("form[action^='/admin/polls/']").isEmpty(), "no open, close or show-results button for the clerk");
        assertTrue(desk.findAll("form[action='/admin/slips']").isEmpty(), "no slips for the clerk");
        MeetingDayTest.axeBothLanguages(desk, "the clerk's dashboard");
    }

    /** The clerk tries one of the chair's actions, from the admin page's own route and through the API: both 403. */
    private void theClerkIsRefused(String poll, String action) {
        desk.driver.get(station.url() + "/admin");
        desk.await("#signed-in-as");
        assertTrue(desk.findAll("#poll-" + poll + " form[action$='/" + action + "']").isEmpty(), "no " + action + " button for the clerk");
        String page = KioskAndDeskTest.postFrom(desk, "/admin/polls/" + poll + "/" + action, "confirmBelowQuorum=yes");
        assertTrue(page.startsWith("403 "), action + " from the clerk's page: " + page.substring(0, Math.min(200, page.length())));
        Api.Reply api = clerk.adminPost("/api/admin/polls/" + poll + "/" + action, Map.of("confirmBelowQuorum", true));
        assertEquals(403, api.status(), action + " through the API: " + api.body());
        assertEquals("role_not_allowed", api.errorCode());
    }

    /** The desk page with the open poll chosen. */
    private void openDesk() {
        desk.driver.get(station.url() + "/admin/desk");
        desk.await("#desk-search");
        String open = organiser.get("/api/polls").json().findValuesAsText("pollId").stream().filter(p -> "open".equals(state(p))).findFirst().orElseThrow();
        assertEquals(open, desk.find("#desk-poll").getAttribute("value"), "the desk shows the open poll");
    }

    /** Searches the desk for one person (typed without accents) and waits until the list shows only them. */
    private WebElement deskPerson(String typed, String name) {
        WebElement search = desk.await("#desk-search");
        search.clear();
        search.sendKeys(typed);
        try {
            desk.waitUpTo(Chromium.PATIENCE).until(d -> d.findElements(By.cssSelector(".desk-person")).size() == 1
                    && d.findElement(By.cssSelector(".desk-person .name")).getText().equals(name));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the desk never listed only " + name + " for \"" + typed + "\"; the page says:\n" + desk.bodyText(), e);
        }
        lastPerson = name;
        return desk.find(".desk-person");
    }

    private void clickInPerson(String action) {
        desk.await(".desk-person button[data-action=" + action + "]").click();
    }

    /** The confirmation next to the person, not a refusal. */
    private void awaitPersonNote(String text) {
        WebElement note = desk.awaitText(".desk-person .person-note", text);
        assertFalse(note.getAttribute("class").contains("warning"), "refused: " + note.getText());
    }

    /** The QR shown once on the desk screen, read as a phone camera reads it; the clerk then hides it. */
    private String scanTheDeskQr() throws Exception {
        WebElement qr = KioskAndDeskTest.await(desk, "#desk-qr:not([hidden]) svg");
        String url = QrPhotoReader.read(qr.getScreenshotAs(OutputType.BYTES)).orElseThrow(() -> new AssertionError("the desk's QR does not scan"));
        desk.find("#desk-qr-hide").click();
        String token = tokenOf(url);
        qrTokens.put(lastPerson, token);
        return token;
    }

    private String tokenOfQrOf(String person) {
        return qrTokens.get(person);
    }

    private void sendToKiosk(String typed, String name, String kiosk) {
        deskPerson(typed, name);
        WebElement kioskName = desk.find("#desk-kiosk");
        kioskName.clear();
        kioskName.sendKeys(kiosk);
        clickInPerson("KIOSK");
        desk.awaitText("#desk-notice", kiosk);
    }

    private void openKiosk(Chromium kiosk, String name) {
        kiosk.driver.get(station.url() + "/kiosk/" + name + "?receipt=60&idle=300");
        KioskAndDeskTest.await(kiosk, "#welcome #scan");
        KioskAndDeskTest.mark(kiosk);
    }

    /** The kiosk unlocks by itself with the desk's ballot; every question marked {@code level}, reviewed, cast, done. */
    private static void voteAtKiosk(Chromium kiosk, String level) {
        KioskAndDeskTest.awaitBallot(kiosk);
        KioskAndDeskTest.rateAll(kiosk, level);
        kiosk.find("#kiosk-review-button").click();
        KioskAndDeskTest.await(kiosk, "#kiosk-cast-button").click();
        KioskAndDeskTest.await(kiosk, "#receipt-code");
        kiosk.find("#kiosk-done").click();
        KioskAndDeskTest.awaitWelcome(kiosk);
    }

    private String voteOnPhone(String token, String title, Consumer<Chromium> marks) {
        phone.driver.get(station.url() + "/V#" + token);
        phone.awaitHeading(title);
        marks.accept(phone);
        phone.find("#ballot button[type=submit]").click();
        phone.awaitHeading(REVIEW);
        phone.find("#cast-button").click();
        return phone.await("#receipt-code").getText();
    }

    private static void rate(Chromium phone, String... levels) {
        for (int s = 0; s < levels.length; s++) phone.find("#q-s" + (s + 1) + " label.level-" + levels[s]).click();
    }

    private void castThroughTheApi(String poll, String token, Map<String, List<String>> answers) {
        Api.Reply cast = organiser.cast(poll, token, answers, ReceiptCode.randomSecret(RANDOM));
        assertEquals(200, cast.status(), cast.body());
    }

    private String personId(String name) {
        for (JsonNode p : organiser.adminGet("/api/admin/roster?q=").json().path("people")) {
            if (p.path("name").asText().equals(name)) return p.path("id").asText();
        }
        throw new AssertionError("nobody called " + name + " on the roster");
    }

    private static String tokenOf(String url) {
        return kioskvote.token.TestSlips.secretOf(url);
    }
}
