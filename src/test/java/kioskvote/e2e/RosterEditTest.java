package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;

/**
 * The organiser adds, corrects and removes people on the roster (API and the /admin/roster forms), in this JVM
 * on a real H2 file: only the organiser may; bad input is a 4xx that changes nothing; removal is refused once
 * the person holds a ballot or while present; a correction, also after a hand-out, is found by the desk's
 * search at once and changes nothing the minutes' check-in list printed.
 */
class RosterEditTest {
    static final String POLL = "tin-nhiem";
    static final String CHAIR_PIN = "chair-pin-2207";
    static final String CLERK_PIN = "desk-pin-5186";
    static final Map<String, List<String>> ALL_HIGH = Map.of("s1", List.of("high"), "s2", List.of("high"), "s3", List.of("high"), "s4", List.of("high"));

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(RosterEditTest::meetingWithAThreePersonRoster);
    private Api api;

    @BeforeEach
    void startStationWithAThreePersonRoster() throws Exception {
        api = station.api();
    }

    /** The demo meeting with a roster.csv of three people. */
    static void meetingWithAThreePersonRoster(Path config) throws Exception {
        Files.copy(Path.of("kiosk-config/demo/meeting.yaml"), config.resolve("meeting.yaml"));
        Files.writeString(config.resolve("roster.csv"), "name,unit\nTrương Thị Hoa,Văn phòng Sở\nĐinh Minh Khang,Thanh tra Sở\n"
                + "Vũ Thị Lan,Phòng Kế hoạch\n", StandardCharsets.UTF_8);
    }

    @Test
    void everyRosterChangeIsRefusedToAnyoneTheChairAndTheDeskClerkAndChangesNothing() {
        assertEquals(200, api.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR_PIN)).status());
        assertEquals(200, api.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK_PIN)).status());
        String hoa = idOf("truong thi hoa");
        Map<String, Object> body = Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính");
        List<String> apiRoutes = List.of("/api/admin/roster/people", "/api/admin/roster/" + hoa, "/api/admin/roster/" + hoa + "/remove");
        Api anyone = new Api(station.url(), null);
        Api chair = new Api(station.url(), CHAIR_PIN);
        Api clerk = new Api(station.url(), CLERK_PIN);
        for (String route : apiRoutes) {
            assertEquals(401, anyone.post(route, body).status(), "anyone: " + route);
            Api.Reply byChair = chair.adminPost(route, body);
            assertEquals(403, byChair.status(), "chair: " + route);
            assertEquals("role_not_allowed", byChair.errorCode());
            assertEquals(403, clerk.adminPost(route, body).status(), "desk clerk: " + route);
        }

        Page organiser = Page.signIn(station.url(), station.passphrase());
        Page chairPage = Page.signIn(station.url(), CHAIR_PIN);
        Page clerkPage = Page.signIn(station.url(), CLERK_PIN);
        Page nobody = new Page(station.url(), "");
        Map<String, String> form = Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính");
        List<String> pageRoutes = List.of("/admin/roster/people", "/admin/roster/" + hoa, "/admin/roster/" + hoa + "/remove",
                "/admin/roster/" + hoa + "/absent");
        for (Page refused : List.of(nobody, chairPage, clerkPage)) {
            assertEquals(refused == nobody ? 401 : 403, refused.get("/admin/roster").status(), "the page itself");
            for (String route : pageRoutes) assertEquals(refused == nobody ? 401 : 403, refused.post(route, form).status(), route);
        }
        assertFalse(clerkPage.get("/admin").body().contains("/admin/roster"), "the clerk's dashboard has no roster link");
        assertTrue(organiser.get("/admin").body().contains("href=\"/admin/roster\""), "the organiser's dashboard links the roster page");

        assertEquals(List.of("Trương Thị Hoa", "Đinh Minh Khang", "Vũ Thị Lan").stream().sorted().toList(), names(""), "nothing changed");
        assertEquals(200, clerk.adminGet("/api/admin/roster?q=hoa").status(), "the clerk still searches");
    }

    @Test
    void theOrganiserAddsAPersonWhomTheDeskFindsAtOnceAndBadInputIsRefusedWithoutAChange() {
        Api.Reply added = api.adminPost("/api/admin/roster/people", Map.of("name", "  Nguyễn   Thị Mai ", "unit", "Phòng Tài chính"));
        assertEquals(201, added.status(), added.body());
        String mai = added.json().path("id").asText();
        assertTrue(mai.matches("[0-9a-f]{32}"), mai);
        assertEquals("Nguyễn Thị Mai", added.json().path("name").asText(), "spaces cleaned as the import cleans them");
        assertEquals(4, added.json().path("turnout").path("summoned").asInt());
        assertEquals(4, api.get("/api/polls/" + POLL).json().path("summoned").asInt(), "the summoned count follows");
        JsonNode found = api.adminGet("/api/admin/roster?q=nguyen+thi+mai").json().path("people");
        assertEquals(1, found.size());
        assertEquals(mai, found.get(0).path("id").asText());
        assertEquals(201, api.adminPost("/api/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Ban Quản lý dự án")).status(),
                "the same name in another unit is another person");
        assertEquals(201, api.adminPost("/api/admin/roster/people", Map.of("name", "Lương Văn Tâm")).status(), "no unit: an empty one, as in a CSV row");

        List<String> before = names("");
        assertRefused(400, "empty_name", api.adminPost("/api/admin/roster/people", Map.of("name", "   ", "unit", "Phòng 1")));
        assertRefused(400, "missing_field", api.adminPost("/api/admin/roster/people", Map.of("unit", "Phòng 1")));
        assertRefused(400, "name_too_long", api.adminPost("/api/admin/roster/people", Map.of("name", "A".repeat(201))));
        assertRefused(400, "name_too_long", api.adminPost("/api/admin/roster/people", Map.of("name", "Hà Văn Bảo", "unit", "P".repeat(201))));
        Api.Reply duplicate = api.adminPost("/api/admin/roster/people", Map.of("name", "Trương Thị Hoa", "unit", "Văn phòng  Sở "));
        assertRefused(409, "already_on_roster", duplicate);
        assertTrue(duplicate.json().path("error").path("message").path("vi").asText().contains("cùng họ tên"), duplicate.body());
        assertRefused(400, "wrong_type", api.adminPost("/api/admin/roster/people", Map.of("name", 42)));
        assertRefused(400, "bad_json", api.adminPost("/api/admin/roster/people", Map.of("name", "Hà Văn Bảo", "present", true)));
        assertRefused(400, "bad_json", api.postRaw("/api/admin/roster/people", "{\"name\": ", true));
        assertEquals(before, names(""), "no refused request changed the roster");
        assertEquals(6, api.get("/api/polls/" + POLL).json().path("summoned").asInt());

        // the desk's own page fragment (what desk.js shows) finds the new person without a restart
        Page organiser = Page.signIn(station.url(), station.passphrase());
        String desk = organiser.get("/admin/desk/people?q=nguyen+thi+mai&poll=" + POLL).body();
        assertTrue(desk.contains("data-person=\"" + mai + "\"") && desk.contains("Phòng Tài chính"), desk);
    }

    @Test
    void aCorrectedNameIsFoundByTheDesksSearchAlsoAfterAHandOutAndTheOldNameIsNot() {
        String lan = idOf("vu thi lan");
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", lan, "pollId", POLL, "kind", "SLIP")).status());

        Api.Reply corrected = api.adminPost("/api/admin/roster/" + lan, Map.of("name", "Võ Thị Lan"));
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals("Võ Thị Lan", corrected.json().path("name").asText());
        assertEquals("Phòng Kế hoạch", corrected.json().path("unit").asText(), "a field not given stays");
        assertTrue(corrected.json().path("holdsBallot").asBoolean(), "the ballot they hold is still theirs");
        assertTrue(corrected.json().path("present").asBoolean());

        Api clerk = clerk();
        JsonNode found = clerk.adminGet("/api/admin/roster?q=" + URLEncoder.encode("vo thi lan", StandardCharsets.UTF_8)).json().path("people");
        assertEquals(1, found.size(), "found without diacritics");
        assertEquals(lan, found.get(0).path("id").asText());
        assertEquals("SLIP", found.get(0).path("ballotKind").asText());
        assertEquals(0, clerk.adminGet("/api/admin/roster?q=vu+thi+lan").json().path("people").size(), "the misspelt name is gone");
        Api.Reply second = clerk.adminPost("/api/admin/desk/hand-out", Map.of("personId", lan, "pollId", POLL, "kind", "QR"));
        assertRefused(409, "already_handed_out", second);

        assertEquals(200, api.adminPost("/api/admin/roster/" + lan, Map.of("unit", "Phòng Kế hoạch - Tài chính")).status());
        assertEquals("Phòng Kế hoạch - Tài chính", api.adminGet("/api/admin/roster/" + lan).json().path("unit").asText());

        List<String> before = names("");
        String khang = idOf("dinh minh khang");
        assertRefused(409, "already_on_roster", api.adminPost("/api/admin/roster/" + khang, Map.of("name", "Võ Thị Lan", "unit", "Phòng Kế hoạch - Tài chính")));
        assertRefused(400, "empty_name", api.adminPost("/api/admin/roster/" + khang, Map.of("name", " ")));
        assertRefused(400, "missing_field", api.adminPost("/api/admin/roster/" + khang, Map.of()));
        assertRefused(404, "unknown_person", api.adminPost("/api/admin/roster/0123456789abcdef0123456789abcdef", Map.of("name", "Hà Văn Bảo")));
        assertEquals(before, names(""), "nothing changed");
    }

    @Test
    void removalIsRefusedOnceThePersonHoldsABallotAndWhilePresentSayingWhy() {
        String hoa = idOf("truong thi hoa");
        String khang = idOf("dinh minh khang");
        String lan = idOf("vu thi lan");
        String mai = api.adminPost("/api/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính")).json().path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", hoa, "pollId", POLL, "kind", "SLIP")).status());
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "QR")).status());
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", lan, "pollId", POLL, "kind", "KIOSK")).status(),
                "checked in as a kiosk voter");
        assertEquals(200, api.adminPost("/api/admin/roster/" + mai + "/present", Map.of("present", true)).status());
        int handedOut = api.get("/api/polls/" + POLL).json().path("handedOut").asInt();

        for (String holder : List.of(hoa, khang, lan)) {
            Api.Reply refused = api.adminPost("/api/admin/roster/" + holder + "/remove", Map.of());
            assertRefused(409, "person_holds_ballot", refused);
            assertTrue(refused.json().path("error").path("message").path("en").asText().contains("already holds a ballot"), refused.body());
        }
        Api.Reply present = api.adminPost("/api/admin/roster/" + mai + "/remove", Map.of());
        assertRefused(409, "person_is_present", present);
        assertTrue(present.json().path("error").path("message").path("vi").asText().contains("bỏ đánh dấu có mặt"), present.body());
        assertEquals(4, names("").size(), "nobody removed");
        assertEquals(handedOut, api.get("/api/polls/" + POLL).json().path("handedOut").asInt());

        assertEquals(200, api.adminPost("/api/admin/roster/" + mai + "/present", Map.of("present", false)).status());
        Api.Reply removed = api.adminPost("/api/admin/roster/" + mai + "/remove", Map.of());
        assertEquals(200, removed.status(), removed.body());
        assertEquals(3, removed.json().path("turnout").path("summoned").asInt());
        assertEquals(3, api.get("/api/polls/" + POLL).json().path("summoned").asInt());
        assertRefused(404, "unknown_person", api.adminGet("/api/admin/roster/" + mai));
        assertRefused(404, "unknown_person", api.adminPost("/api/admin/roster/" + mai + "/remove", Map.of()));
        assertRefused(404, "unknown_person", api.adminPost("/api/admin/desk/hand-out", Map.of("personId", mai, "pollId", POLL, "kind", "SLIP")));
    }

    @Test
    void aCorrectionLeavesTheMinutesCheckInListAsItWasAndTheAuditLogSaysSoWithoutAName() {
        String hoa = idOf("truong thi hoa");
        String khang = idOf("dinh minh khang");
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", hoa, "pollId", POLL, "kind", "SLIP")).status());
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", khang, "pollId", POLL, "kind", "SLIP")).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        for (String token : api.issueTokens(2)) {
            assertEquals(200, api.cast(POLL, token, ALL_HIGH, ReceiptCode.randomSecret(new SecureRandom())).status());
        }
        assertEquals(200, api.closeAndCount(POLL).status());
        JsonNode before = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json();

        assertEquals(200, api.adminPost("/api/admin/roster/" + hoa, Map.of("name", "Trương Thị Hòa")).status(), "after the close, too");

        JsonNode after = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json();
        assertEquals(checkIns(before), checkIns(after), "the check-in list is as it was");
        assertFalse(checkIns(after).isEmpty());
        assertEquals(before.path("counts"), after.path("counts"), "summoned, present, handed out and cast are as they were");
        assertTrue(after.path("counts").path("addsUp").asBoolean(true), after.path("counts").toString());
        JsonNode last = after.path("auditLog").get(after.path("auditLog").size() - 1);
        assertEquals("roster-person-corrected", last.path("event").asText());
        assertEquals("fields=name summoned=3", last.path("detail").asText());
        assertEquals(before.path("auditLog").size() + 1, after.path("auditLog").size(), "one line added, none changed");

        String page = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(page.contains("Roster entry corrected"), "the printed minutes name the event");
        for (String name : List.of("Trương Thị Hoa", "Trương Thị Hòa", "Đinh Minh Khang", hoa)) {
            assertFalse(page.contains(name), "the minutes print no name or person id: " + name);
            assertFalse(after.toString().contains(name), "nor does the JSON: " + name);
        }
        String checkInTable = page.substring(page.indexOf("id=\"check-ins\""));
        assertFalse(checkInTable.contains("corrected"), "a correction is not a check-in");
    }

    @Test
    void theRosterPageAddsCorrectsAndRemovesWithPlainFormsAndKeepsWhatWasTypedWhenRefused() {
        Page organiser = Page.signIn(station.url(), station.passphrase());
        Page.Reply list = organiser.get("/admin/roster");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("3 people summoned") && list.body().contains("Trương Thị Hoa"), list.body());

        Page.Reply added = organiser.post("/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính", "q", ""));
        assertEquals(303, added.status(), added.body());
        assertTrue(added.location().startsWith("/admin/roster?done=added&q="), added.location());
        assertTrue(organiser.get(added.location()).body().contains("Added to the roster."));

        Page.Reply duplicate = organiser.post("/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính", "q", ""));
        assertEquals(409, duplicate.status());
        assertTrue(duplicate.body().contains("id=\"add-error\"") && duplicate.body().contains("Someone with the same name and unit"), duplicate.body());
        assertTrue(duplicate.body().contains("value=\"Nguyễn Thị Mai\"") && duplicate.body().contains("value=\"Phòng Tài chính\""), "the input is kept");
        assertEquals(400, organiser.post("/admin/roster/people", Map.of("name", "", "unit", "Phòng 2")).status());

        String khang = idOf("dinh minh khang");
        Page.Reply empty = organiser.post("/admin/roster/" + khang, Map.of("name", "  ", "unit", "Thanh tra Sở", "q", "khang"));
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("id=\"error-" + khang + "\""), "the reason is next to the person");
        Page.Reply corrected = organiser.post("/admin/roster/" + khang, Map.of("name", "Đinh Minh Khanh", "unit", "Thanh tra Sở", "q", "khang"));
        assertEquals(303, corrected.status());
        assertTrue(organiser.get(corrected.location()).body().contains("Đinh Minh Khanh"));

        String hoa = idOf("truong thi hoa");
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", hoa, "pollId", POLL, "kind", "SLIP")).status());
        Page.Reply refused = organiser.post("/admin/roster/" + hoa + "/remove", Map.of("q", "hoa"));
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("id=\"error-" + hoa + "\"") && refused.body().contains("already holds a ballot"), refused.body());

        String lan = idOf("vu thi lan");
        assertEquals(200, api.adminPost("/api/admin/roster/" + lan + "/present", Map.of("present", true)).status());
        assertEquals(409, organiser.post("/admin/roster/" + lan + "/remove", Map.of("q", "")).status());
        assertEquals(303, organiser.post("/admin/roster/" + lan + "/absent", Map.of("q", "")).status());
        Page.Reply removed = organiser.post("/admin/roster/" + lan + "/remove", Map.of("q", ""));
        assertEquals(303, removed.status());
        assertTrue(organiser.get(removed.location()).body().contains("Removed from the roster."));
        assertEquals(List.of("Nguyễn Thị Mai", "Trương Thị Hoa", "Đinh Minh Khanh").stream().sorted().toList(), names(""));
    }

    // --- helpers

    static void assertRefused(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.errorCode(), reply.body());
    }

    private String idOf(String query) {
        JsonNode people = api.adminGet("/api/admin/roster?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json().path("people");
        assertEquals(1, people.size(), query);
        return people.get(0).path("id").asText();
    }

    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        api.adminGet("/api/admin/roster?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json().path("people")
                .forEach(p -> names.add(p.path("name").asText()));
        return names.stream().sorted().toList();
    }

    private Api clerk() {
        assertEquals(200, api.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK_PIN)).status());
        return new Api(station.url(), CLERK_PIN);
    }

    /** The lines the minutes print in their check-in annex (tally/MinutesWords.isCheckIn). */
    private static List<String> checkIns(JsonNode minutes) {
        List<String> lines = new ArrayList<>();
        minutes.path("auditLog").forEach(l -> {
            String event = l.path("event").asText();
            if (event.startsWith("person-") || event.startsWith("ballot-")) lines.add(l.path("seq").asText() + " " + event + " " + l.path("detail").asText());
        });
        return lines;
    }

    /** A browser's admin session without a browser: the sign-in form's cookie, and the Origin a page's form sends. */
    static final class Page {
        record Reply(int status, String body, String location) {
        }

        private static final HttpClient HTTP = HttpClient.newHttpClient(); // does not follow redirects
        private final String base;
        private final String cookie;

        Page(String base, String cookie) {
            this.base = base;
            this.cookie = cookie;
        }

        static Page signIn(String base, String secret) {
            HttpResponse<String> response = new Page(base, "").exchange("/admin", Map.of("passphrase", secret));
            String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kv_admin="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new AssertionError("not signed in: " + response.statusCode() + " " + response.body()));
            return new Page(base, cookie);
        }

        Reply get(String path) {
            return reply(exchange(path, null));
        }

        Reply post(String path, Map<String, String> form) {
            return reply(exchange(path, form));
        }

        private static Reply reply(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        }

        private HttpResponse<String> exchange(String path, Map<String, String> form) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base);
            request.header("Cookie", "kv_lang=en" + (cookie.isEmpty() ? "" : "; " + cookie)); // the pages in English
            if (form == null) {
                request.GET();
            } else {
                String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded));
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
