package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import org.jdbi.v3.core.Handle;

import kioskvote.StationExtension;
import kioskvote.e2e.RosterEditTest.Page;
import kioskvote.meeting.HandOutKind;
import kioskvote.store.RosterDao;

/**
 * A hostile or clumsy organiser edits the roster while the desk hands out, across three polls: removals and
 * corrections between a hand-out and the vote, in the middle of a kiosk ballot, after a lost slip's
 * replacement and after an undo; a namesake of a removed person; concurrent removals and hand-outs; ids and
 * names no form would send; another site's forms; and what the minutes say afterwards. Each test is an attack
 * that the station must withstand: a 4xx that changes nothing, never a 500, one ballot per person, no name in
 * the minutes, and cast ≤ handed out ≤ present ≤ summoned.
 */
class RosterEditAttackTest {
    static final List<String> POLLS = List.of("quy-che", "ke-hoach", "ngan-sach");
    static final Map<String, List<String>> AGREE = Map.of("motion", List.of("agree"));
    static final String CLERK_PIN = "desk-pin-7731";

    static final String MEETING_YAML = """
            meeting:
              id: hoi-nghi-thu-tan-cong
              title: Hội nghị thử sửa danh sách
              organiser: Sở Thử nghiệm
              date: 2026-12-10
              time: "08:30"
              place: Phòng họp số 2
              summoned: 40
            committee:
              - name: Phạm Thị Hoa
                role: Trưởng ban kiểm phiếu
            polls:
              - id: quy-che
                kind: motion
                title: Biểu quyết Quy chế làm việc
                motion: Thông qua Quy chế làm việc
                base: received
              - id: ke-hoach
                kind: motion
                title: Biểu quyết Kế hoạch năm
                motion: Thông qua Kế hoạch năm
                base: received
              - id: ngan-sach
                kind: motion
                title: Biểu quyết Dự toán ngân sách
                motion: Thông qua Dự toán ngân sách
                base: received
            """;

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(RosterEditAttackTest::threePollsAndAFivePersonRoster);
    /** Another station of the same meeting, on data of its own, for the attacks that bring its ids here. */
    @RegisterExtension
    final StationExtension otherStation = StationExtension.inProcess().meetingFiles(RosterEditAttackTest::threePollsAndAFivePersonRoster)
            .startedByTheTest();
    Api api;

    @BeforeEach
    void startStationWithAFivePersonRoster() throws Exception {
        api = station.api();
    }

    /** MEETING_YAML with a roster.csv of five people. */
    static void threePollsAndAFivePersonRoster(Path config) throws Exception {
        Files.writeString(config.resolve("meeting.yaml"), MEETING_YAML, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("roster.csv"), "name,unit\nTrương Thị Hoa,Văn phòng Sở\nĐinh Minh Khang,Thanh tra Sở\n"
                + "Vũ Thị Lan,Phòng Kế hoạch\nLê Văn Sơn,Phòng Tài chính\nHà Thị Yến,Phòng Pháp chế\n", StandardCharsets.UTF_8);
    }

    // --- the desk and the roster page across three polls

    @Test
    void noRemovalOrCorrectionBetweenHandOutAndVoteLetsAnyoneVoteTwiceAndTheFiguresAddUpInEveryPoll() {
        String hoa = idOf("truong thi hoa");
        String khang = idOf("dinh minh khang");
        String lan = idOf("vu thi lan");
        String son = idOf("le van son");
        String yen = idOf("ha thi yen");
        Kiosk kiosk = new Kiosk("k1");

        // Hoa: a QR, then the organiser tries to remove her before she votes, and corrects her name instead.
        Api.Reply hoaQr = handOut(hoa, POLLS.get(0), "QR");
        String hoaToken = tokenOf(hoaQr);
        // Khang: a printed slip handed by mistake, to be undone.
        assertEquals(200, handOut(khang, POLLS.get(0), "SLIP").status());
        // Lan: a QR she will lose.
        Api.Reply lanQr = handOut(lan, POLLS.get(0), "QR");
        // Son: a kiosk voter.
        assertRefused(409, "poll_not_open", api.adminPost("/api/admin/desk/hand-out", Map.of("personId", son, "pollId", POLLS.get(0),
                "kind", "KIOSK", "kiosk", "k1")));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLLS.get(0) + "/open", Map.of("confirmBelowQuorum", true)).status());

        for (String holder : List.of(hoa, khang, lan)) assertRefused(409, "person_holds_ballot", remove(holder));
        assertEquals(200, api.adminPost("/api/admin/roster/" + hoa, Map.of("name", "Trương Thị Hòa")).status());
        assertEquals(200, api.cast(POLLS.get(0), hoaToken, AGREE, Receipts.random()).status(), "a correction leaves her ballot hers");
        assertRefused(409, "person_holds_ballot", remove(hoa));

        // Son, in the middle of a kiosk ballot: the ballot is sent and picked up, not cast yet.
        Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", son, "pollId", POLLS.get(0), "kind", "KIOSK", "kiosk", "k1"));
        assertEquals(200, sent.status(), sent.body());
        Kiosk.Ballot atKiosk = kiosk.pickUp().orElseThrow();
        assertRefused(409, "person_holds_ballot", remove(son));
        assertEquals(200, api.adminPost("/api/admin/roster/" + son, Map.of("name", "Lê Văn Sơn", "unit", "Phòng Tài chính - Kế toán")).status());
        assertEquals(200, kiosk.castAgree(atKiosk, POLLS.get(0)), "the kiosk ballot of a corrected person is cast");
        assertRefused(409, "kiosk_ballot_already_sent",
                api.adminPost("/api/admin/desk/hand-out", Map.of("personId", son, "pollId", POLLS.get(0), "kind", "KIOSK", "kiosk", "k1")));

        // Lan loses her QR after voting with it: the replacement cannot vote again here, and she cannot be removed.
        assertEquals(200, api.cast(POLLS.get(0), tokenOf(lanQr), AGREE, Receipts.random()).status());
        Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", lan, "pollId", POLLS.get(0), "kind", "QR",
                "code", lanQr.json().path("slip").path("shortCode").asText()));
        assertEquals(200, replaced.status(), replaced.body());
        assertRefused(409, "person_holds_ballot", remove(lan));
        assertEquals(200, api.adminPost("/api/admin/roster/" + lan, Map.of("name", "Vũ Thị Lan Anh")).status());
        assertRefused(409, "token_already_used", api.cast(POLLS.get(0), tokenOf(replaced), AGREE, Receipts.random()));

        // Khang's slip was recorded by mistake (3 cast, 4 holding): undone, then absent, then removed.
        assertEquals(200, api.adminPost("/api/admin/desk/undo", Map.of("personId", khang)).status());
        assertRefused(409, "person_is_present", remove(khang));
        assertEquals(303, organiser().post("/admin/roster/" + khang + "/absent", Map.of("q", "")).status());
        assertEquals(200, remove(khang).status());

        // A namesake added in his place inherits nothing: no presence, no ballot, and gets his own one ballot.
        Api.Reply namesake = api.adminPost("/api/admin/roster/people", Map.of("name", "Đinh Minh Khang", "unit", "Thanh tra Sở"));
        assertEquals(201, namesake.status(), namesake.body());
        String khang2 = namesake.json().path("id").asText();
        assertNotEquals(khang, khang2);
        assertFalse(namesake.json().path("present").asBoolean());
        assertFalse(namesake.json().path("holdsBallot").asBoolean());
        Api.Reply khang2Qr = handOut(khang2, POLLS.get(0), "QR");
        assertEquals(200, api.cast(POLLS.get(0), tokenOf(khang2Qr), AGREE, Receipts.random()).status());
        assertRefused(409, "already_handed_out", handOut(khang2, POLLS.get(0), "SLIP"));

        // Yen never came: removed, then added again, then removed again.
        assertEquals(200, remove(yen).status());
        String yen2 = api.adminPost("/api/admin/roster/people", Map.of("name", "Hà Thị Yến", "unit", "Phòng Pháp chế")).json().path("id").asText();
        assertEquals(200, remove(yen2).status());

        JsonNode p1 = api.get("/api/polls/" + POLLS.get(0)).json();
        assertFigures(p1, 4, 4, 4, 4);
        assertEquals(200, api.closeAndCount(POLLS.get(0)).status());

        // Poll 2: every ballot still works once; the kiosk voter is sent one more; the namesake votes once.
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLLS.get(1) + "/open", Map.of("confirmBelowQuorum", true)).status());
        assertEquals(200, api.cast(POLLS.get(1), hoaToken, AGREE, Receipts.random()).status());
        assertEquals(200, api.cast(POLLS.get(1), tokenOf(replaced), AGREE, Receipts.random()).status(), "the replacement votes in the next poll");
        assertRefused(403, "token_voided", api.cast(POLLS.get(1), tokenOf(lanQr), AGREE, Receipts.random()));
        assertEquals(200, api.cast(POLLS.get(1), tokenOf(khang2Qr), AGREE, Receipts.random()).status());
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", son, "pollId", POLLS.get(1), "kind", "KIOSK", "kiosk", "k1")).status());
        assertEquals(200, kiosk.castAgree(kiosk.pickUp().orElseThrow(), POLLS.get(1)));
        assertRefused(409, "token_already_used", api.cast(POLLS.get(1), hoaToken, AGREE, Receipts.random()));
        assertFigures(api.get("/api/polls/" + POLLS.get(1)).json(), 4, 4, 4, 4);
        assertEquals(200, api.closeAndCount(POLLS.get(1)).status());

        // Before poll 3, the organiser adds a late person; the closed polls' figures must still add up.
        String late = api.adminPost("/api/admin/roster/people", Map.of("name", "Phan Văn Tú", "unit", "Phòng 9")).json().path("id").asText();
        assertEquals(200, handOut(late, POLLS.get(2), "SLIP").status());
        for (String poll : POLLS.subList(0, 2)) {
            JsonNode minutes = api.adminGet("/api/admin/polls/" + poll + "/minutes.json").json();
            assertTrue(minutes.path("counts").path("addsUp").asBoolean(false), poll + ": " + minutes.path("counts"));
            assertEquals(4, minutes.path("counts").path("received").asInt(minutes.path("counts").path("cast").asInt()), poll + ": " + minutes.path("counts"));
        }

        // Nothing the minutes publish names anyone or carries a person id, in any form.
        List<String> secrets = new ArrayList<>(List.of(hoa, khang, khang2, lan, son, yen, yen2, late, "Trương Thị Hoa", "Trương Thị Hòa", "Đinh Minh Khang",
                "Vũ Thị Lan", "Lê Văn Sơn", "Hà Thị Yến", "Phan Văn Tú", "Phòng Pháp chế", "Thanh tra Sở"));
        for (String poll : POLLS.subList(0, 2)) {
            String published = api.adminGet("/api/admin/polls/" + poll + "/minutes.json").body()
                    + api.adminGet("/api/admin/polls/" + poll + "/minutes.csv").body()
                    + api.adminGet("/api/admin/polls/" + poll + "/minutes?lang=en").body();
            for (String secret : secrets) assertFalse(published.contains(secret), poll + " minutes name " + secret);
        }
        JsonNode log = api.adminGet("/api/admin/polls/" + POLLS.get(0) + "/minutes.json").json().path("auditLog");
        log.forEach(line -> {
            if (line.path("event").asText().startsWith("roster-person-")) {
                assertTrue(line.path("detail").asText().matches("(fields=[a-z,]+ )?summoned=\\d+( present=\\d+)?"), line.toString());
            }
        });
    }

    // --- races

    @Test
    void twoRemovalsOfOnePersonAtOnceAreOneRemovalAndOneNotFoundNeverAnError() throws Exception {
        for (int i = 0; i < 12; i++) {
            String id = add("Người thử " + i);
            List<Api.Reply> both = atOnce(() -> remove(id), () -> remove(id));
            List<Integer> statuses = both.stream().map(Api.Reply::status).sorted().toList();
            assertEquals(List.of(200, 404), statuses, both.toString());
        }
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 5, 0, 0, 0);
    }

    @Test
    void aHandOutWaitingForARemovalOfTheSamePersonIsToldTheyAreGoneNeverAnError() throws Exception {
        String id = add("Người thử");
        Api.Reply handOut = whileRowHeld(id, dao -> dao.deletePerson(id), () -> handOut(id, POLLS.get(0), "QR"));
        assertRefused(404, "unknown_person", handOut);
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 5, 0, 0, 0);
    }

    @Test
    void aRemovalWaitingForAHandOutToTheSamePersonIsRefusedBecauseTheyNowHoldABallot() throws Exception {
        String id = add("Người thử");
        Api.Reply removal = whileRowHeld(id, dao -> {
            dao.insertHolder(7, id, HandOutKind.SLIP);
            dao.setPresent(id, true);
        }, () -> remove(id));
        assertRefused(409, "person_holds_ballot", removal);
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 6, 1, 1, 0);
    }

    @Test
    void aSecondRemovalWaitingForTheFirstIsToldThePersonIsGoneNeverAnError() throws Exception {
        String id = add("Người thử");
        assertRefused(404, "unknown_person", whileRowHeld(id, dao -> dao.deletePerson(id), () -> remove(id)));
        String other = add("Người thử 2");
        Page organiser = organiser();
        Page.Reply page = whileRowHeld(other, dao -> dao.deletePerson(other), () -> organiser.post("/admin/roster/" + other + "/remove", Map.of("q", "")));
        assertEquals(404, page.status());
    }

    @Test
    void theDesksCheckInWaitingForARemovalOfTheSamePersonIsToldTheyAreGoneNeverAnError() throws Exception {
        Api clerk = clerk();
        String id = add("Người thử");
        Api.Reply checkIn = whileRowHeld(id, dao -> dao.deletePerson(id),
                () -> clerk.adminPost("/api/admin/roster/" + id + "/present", Map.of("present", true)));
        assertRefused(404, "unknown_person", checkIn);
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 5, 0, 0, 0);
    }

    @Test
    void aCorrectionWaitingForARemovalOfTheSamePersonIsToldTheyAreGoneNeverAnError() throws Exception {
        String id = add("Người thử");
        Api.Reply correction = whileRowHeld(id, dao -> dao.deletePerson(id), () -> api.adminPost("/api/admin/roster/" + id, Map.of("name", "Người khác")));
        assertRefused(404, "unknown_person", correction);
    }

    @Test
    void undoingACheckInOnTheRosterPageWhileTheDeskHandsOutNeverLeavesABallotWithSomeoneAbsent() throws Exception {
        String id = add("Người thử");
        assertEquals(200, clerk().adminPost("/api/admin/roster/" + id + "/present", Map.of("present", true)).status());
        Page organiser = organiser();
        // The desk's hand-out holds the row and records the ballot; the organiser's "undo the check-in" comes meanwhile.
        Page.Reply absent = whileRowHeld(id, dao -> dao.insertHolder(11, id, HandOutKind.SLIP),
                () -> organiser.post("/admin/roster/" + id + "/absent", Map.of("q", "")));
        assertEquals(409, absent.status(), "a person holding a ballot cannot be marked absent");
        JsonNode person = api.adminGet("/api/admin/roster/" + id).json();
        assertTrue(person.path("present").asBoolean() && person.path("holdsBallot").asBoolean(), person.toString());
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 6, 1, 1, 0);
        // The desk clerk's own "absent" (the API) the same way.
        String other = add("Người thử 2");
        Api clerk = clerk();
        assertEquals(200, clerk.adminPost("/api/admin/roster/" + other + "/present", Map.of("present", true)).status());
        Api.Reply byClerk = whileRowHeld(other, dao -> dao.insertHolder(12, other, HandOutKind.SLIP),
                () -> clerk.adminPost("/api/admin/roster/" + other + "/present", Map.of("present", false)));
        assertRefused(409, "has_ballot", byClerk);
        assertFigures(api.get("/api/polls/" + POLLS.get(0)).json(), 7, 2, 2, 0);
    }

    // --- ids and names no form would send

    @Test
    void idsThatAreNotAPersonOfThisMeetingAreA4xxOnEveryRouteAndChangeNothing() throws Exception {
        List<String> before = names();
        String elsewhere = personOfAnotherStation();
        List<String> ids = List.of("abc", "-1", "0", "9".repeat(40), "0123456789abcdef0123456789ABCDEF", "%00", "%20", "..%2F..%2Fadmin",
                "%E2%80%AE", "%F0%9F%98%80", "'%20OR%20'1'='1", "Z".repeat(4000), elsewhere);
        Page organiser = organiser();
        for (String id : ids) {
            for (String route : List.of("/api/admin/roster/" + id, "/api/admin/roster/" + id + "/remove")) {
                Api.Reply reply = api.adminPost(route, Map.of("name", "Hà Văn Bảo"));
                assertTrue(reply.status() >= 400 && reply.status() < 500, route + ": " + reply.status() + " " + reply.body());
            }
            assertClientError(api.adminGet("/api/admin/roster/" + id).status(), id);
            for (String route : List.of("/admin/roster/" + id, "/admin/roster/" + id + "/remove", "/admin/roster/" + id + "/absent")) {
                Page.Reply reply = organiser.post(route, Map.of("name", "Hà Văn Bảo", "unit", "Phòng 1", "q", ""));
                assertClientError(reply.status(), route);
            }
        }
        assertEquals(before, names(), "nothing changed");
    }

    @Test
    void hostileNamesAreRefusedOrShownAsTextOnTheRosterAndTheDeskAndNeverAnError() {
        List<String> stored = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "Nguyễn Văn An\u202Egnoul", "Nguyễn</span><b>Văn</b>", "한".repeat(200));
        for (String name : stored) {
            Api.Reply added = api.adminPost("/api/admin/roster/people", Map.of("name", name, "unit", "<i>unit</i>"));
            assertTrue(added.status() == 201 || added.status() == 400, name.substring(0, Math.min(20, name.length())) + ": " + added.status() + " " + added.body());
        }
        assertRefused(400, "name_too_long", api.adminPost("/api/admin/roster/people", Map.of("name", "A".repeat(10_000))));
        assertRefused(400, "name_too_long", api.adminPost("/api/admin/roster/" + idOf("ha thi yen"), Map.of("name", "A".repeat(10_000))));
        Page organiser = organiser();
        Page.Reply page = organiser.post("/admin/roster/people", Map.of("name", "B".repeat(10_000), "unit", "", "q", ""));
        assertEquals(400, page.status());

        String roster = organiser.get("/admin/roster").body();
        String desk = organiser.get("/admin/desk/people?q=&poll=" + POLLS.get(0)).body();
        for (String html : List.of(roster, desk)) {
            assertFalse(html.contains("<script>alert"), "no script of a name runs");
            assertFalse(html.contains("<img src=x"), "no element of a name");
            assertFalse(html.contains("<b>Văn</b>") || html.contains("<i>unit</i>"), "no markup of a name or unit");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        }
    }

    @Test
    void controlCharactersInANameOrUnitAreRefusedWithA400AndChangeNothing() {
        List<String> before = names();
        for (String bad : List.of("Nguyễn\u0000Văn An", "Nguyễn\u001b[31mVăn An", "Nguyễn\u0007", "An\u202E", "An\u2066x\u2069", "\u200B", "\u0085An")) {
            Api.Reply name = api.adminPost("/api/admin/roster/people", Map.of("name", bad, "unit", "Phòng 1"));
            assertTrue(name.status() == 400, escape(bad) + ": " + name.status() + " " + name.body());
            Api.Reply unit = api.adminPost("/api/admin/roster/people", Map.of("name", "Hà Văn Bảo", "unit", bad));
            assertTrue(unit.status() == 400, escape(bad) + " as unit: " + unit.status() + " " + unit.body());
            Api.Reply correct = api.adminPost("/api/admin/roster/" + idOf("ha thi yen"), Map.of("name", bad));
            assertTrue(correct.status() == 400, escape(bad) + " as correction: " + correct.status() + " " + correct.body());
        }
        assertEquals(before, names(), "nothing changed");
    }

    // --- other sites and other staff

    @Test
    void anotherSitesFormsCannotChangeTheRosterWithTheOrganisersCookie() throws Exception {
        String cookie = sessionCookie(station.passphrase());
        String yen = idOf("ha thi yen");
        List<String> before = names();
        String base = station.url();
        List<Map<String, String>> foreign = List.of(Map.of("Origin", "http://evil.example"), Map.of("Origin", "null"), Map.of(),
                Map.of("Referer", "http://evil.example/page"), Map.of("Referer", base + ".evil.example/"), Map.of("Origin", base + ".evil.example"),
                Map.of("Origin", "http://evil.example", "Referer", base + "/admin/roster"));
        for (Map<String, String> headers : foreign) {
            for (String route : List.of("/admin/roster/people", "/admin/roster/" + yen, "/admin/roster/" + yen + "/remove", "/admin/roster/" + yen + "/absent")) {
                HttpResponse<String> r = raw(route, "application/x-www-form-urlencoded", "name=Evil&unit=Evil&q=", cookie, headers);
                assertEquals(403, r.statusCode(), route + " " + headers);
            }
            for (String route : List.of("/api/admin/roster/people", "/api/admin/roster/" + yen, "/api/admin/roster/" + yen + "/remove")) {
                HttpResponse<String> r = raw(route, "application/json", "{\"name\":\"Evil\"}", cookie, headers);
                assertEquals(403, r.statusCode(), route + " " + headers);
                assertTrue(r.body().contains("cross_site"), r.body());
            }
            // a "simple" cross-site request: text/plain, no preflight
            assertEquals(403, raw("/api/admin/roster/people", "text/plain", "{\"name\":\"Evil\"}", cookie, headers).statusCode());
        }
        assertEquals(before, names(), "nothing changed");
    }

    @Test
    void theDeskClerksAndTheChairsSessionsCannotReachTheRosterPageOrItsForms() {
        assertEquals(200, api.adminPost("/api/admin/staff/chair", Map.of("secret", "chair-pin-3318")).status());
        clerk();
        String yen = idOf("ha thi yen");
        for (String secret : List.of(CLERK_PIN, "chair-pin-3318")) {
            Page staff = Page.signIn(station.url(), secret);
            assertEquals(403, staff.get("/admin/roster").status());
            assertEquals(403, staff.get("/admin/roster?q=ha").status());
            for (String route : List.of("/admin/roster/people", "/admin/roster/" + yen, "/admin/roster/" + yen + "/remove", "/admin/roster/" + yen + "/absent")) {
                assertEquals(403, staff.post(route, Map.of("name", "X", "unit", "", "q", "")).status(), route);
            }
        }
        assertEquals(yen, idOf("ha thi yen"), "still on the roster");
    }

    // --- helpers

    Api.Reply remove(String personId) {
        return api.adminPost("/api/admin/roster/" + personId + "/remove", Map.of());
    }

    Api.Reply handOut(String personId, String pollId, String kind) {
        return api.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId, "pollId", pollId, "kind", kind));
    }

    String add(String name) {
        Api.Reply added = api.adminPost("/api/admin/roster/people", Map.of("name", name, "unit", "Phòng thử"));
        assertEquals(201, added.status(), added.body());
        return added.json().path("id").asText();
    }

    static String tokenOf(Api.Reply handOut) {
        assertEquals(200, handOut.status(), handOut.body());
        String url = handOut.json().path("slip").path("url").asText();
        return kioskvote.token.TestSlips.secretOf(url);
    }

    /** summoned, present, handed out and cast of a poll's live figures, and that they add up. */
    static void assertFigures(JsonNode poll, int summoned, int present, int handedOut, int cast) {
        assertEquals(List.of(summoned, present, handedOut, cast), List.of(poll.path("summoned").asInt(), poll.path("present").asInt(),
                poll.path("handedOut").asInt(), poll.path("cast").asInt()), poll.toString());
        assertTrue(poll.path("addsUp").asBoolean(true), poll.toString());
    }

    static void assertRefused(int status, String code, Api.Reply reply) {
        RosterEditTest.assertRefused(status, code, reply);
    }

    static void assertClientError(int status, String what) {
        assertTrue(status >= 400 && status < 500, what + ": " + status);
    }

    /** Runs both at the same moment (a latch opens both threads at once) and answers both results in order. */
    @SuppressWarnings("unchecked")
    static <T> List<T> atOnce(Callable<? extends T> first, Callable<? extends T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : List.of(first, second)) {
                futures.add((Future<T>) pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Plays another desk's or organiser's transaction on a person: locks their row as the station's own
     * transactions do, does {@code work} in it, sends {@code request} meanwhile, and commits only once the
     * request waits for that row (or has answered without waiting): the two take turns in this order.
     */
    <T> T whileRowHeld(String personId, java.util.function.Consumer<RosterDao> work, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle h = station.station().jdbi().open()) {
            h.begin();
            RosterDao dao = new RosterDao(h);
            assertTrue(dao.findForUpdate(personId).isPresent());
            work.accept(dao);
            Future<T> answer = pool.submit(request);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!answer.isDone() && waitingForALock() == 0) {
                assertTrue(System.nanoTime() < deadline, "the request neither waited nor answered");
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            h.commit();
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sessions waiting for a row another transaction locked. */
    int waitingForALock() {
        String sql = kioskvote.store.Database.isPostgres(station.jdbcUrl()) ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return station.station().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    String idOf(String query) {
        JsonNode people = api.adminGet("/api/admin/roster?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json().path("people");
        assertEquals(1, people.size(), query);
        return people.get(0).path("id").asText();
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        api.adminGet("/api/admin/roster?q=").json().path("people").forEach(p -> names.add(p.path("name").asText() + "|" + p.path("unit").asText()
                + "|" + p.path("present").asBoolean() + "|" + p.path("ballotKind").asText()));
        return names.stream().sorted().toList();
    }

    Page organiser() {
        return Page.signIn(station.url(), station.passphrase());
    }

    Api clerk() {
        assertEquals(200, api.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK_PIN)).status());
        return new Api(station.url(), CLERK_PIN);
    }

    /** The id of a person on another station's roster (another meeting, another data directory). */
    String personOfAnotherStation() {
        try {
            return otherStation.start().api().adminGet("/api/admin/roster?q=ha+thi+yen").json().path("people").get(0).path("id").asText();
        } finally {
            otherStation.stop();
        }
    }

    /** The admin session cookie the sign-in form sets, as a browser keeps it. */
    String sessionCookie(String secret) throws Exception {
        return AdminSession.cookie(station.url(), secret);
    }

    HttpResponse<String> raw(String path, String type, String body, String cookie, Map<String, String> headers) throws Exception {
        return AdminSession.post(station.url(), path, type, body, cookie, headers);
    }

    static String escape(String text) {
        return text.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining());
    }

    /** An enrolled tablet kiosk, driven over HTTP as kiosk.js drives it: pick up the desk's ballot, cast it. */
    final class Kiosk {
        private static final Pattern HIDDEN = Pattern.compile("name=\"(session|receipt)\" value=\"([^\"]+)\"");

        record Ballot(String session, String receipt) {
        }

        private final String base;
        private final String cookie;
        private final String name;
        private final kioskvote.kiosk.TestKioskKey key = new kioskvote.kiosk.TestKioskKey();

        Kiosk(String name) {
            this.name = name;
            this.base = station.url() + "/kiosk/" + name;
            this.cookie = "kv_kiosk=" + key.enrol(station.station().kioskEnrolments(), name);
        }

        Optional<Ballot> pickUp() {
            HttpResponse<String> r = post("/desk", "");
            if (r.statusCode() == 204) return Optional.empty();
            assertEquals(200, r.statusCode(), r.body());
            Map<String, String> hidden = new HashMap<>();
            Matcher m = HIDDEN.matcher(r.body());
            while (m.find()) hidden.put(m.group(1), m.group(2));
            // A sealed poll's ballot has no receipt secret from the station (its page draws one): this client draws it.
            return Optional.of(new Ballot(hidden.get("session"),
                    hidden.getOrDefault("receipt", kioskvote.ballot.ReceiptCode.randomSecret(new java.security.SecureRandom()))));
        }

        int castAgree(Ballot ballot, String pollId) {
            return post("/cast", "session=" + enc(ballot.session()) + "&poll=" + enc(pollId) + "&receipt=" + enc(ballot.receipt())
                    + "&q.motion=agree").statusCode();
        }

        private HttpResponse<String> post(String path, String form) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).header("Origin", station.url())
                        .header(kioskvote.kiosk.KioskRequestProof.HEADER, key.proof(name, URI.create(base + path).getPath(), form))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
