package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * The roster and the check-in desk through the admin API: roster.csv from the meeting folder on first
 * start, CSV import as Excel writes it, search without diacritics, presence, one ballot per person for the
 * meeting, a lost slip voided and replaced, and minutes whose figures add up. Each test starts its own
 * station (in this JVM) with a two-person roster.csv and builds the rest of what it needs.
 */
class RosterTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> ALL_HIGH = Map.of("s1", List.of("high"), "s2", List.of("high"), "s3", List.of("high"), "s4", List.of("high"));
    /** As Excel saves a CSV: a BOM, CRLF, and a few bad rows (their line numbers are in the comments). */
    static final String EXCEL_CSV = "Name,Unit\r\n"                    // line 1
            + "Nguyễn Văn An,Phòng Tổ chức cán bộ\r\n"                 // line 2
            + "Nguyễn Văn An,Ban Quản lý dự án\r\n"                    // line 3: same name, another unit: another person
            + ",Phòng Kế hoạch\r\n"                                    // line 4: no name
            + "\"Trần Thị Bình, Phó trưởng phòng\",Phòng Kế hoạch\r\n" // line 5: quoted comma is fine
            + "Lê Hoàng Cường,Phòng Quản lý xây dựng,extra\r\n"        // line 6: a stray column
            + "Nguyễn Văn An,Phòng Tổ chức cán bộ\r\n"                 // line 7: the same as line 2
            + "Phạm Thị Hoa,Văn phòng Sở\r\n"                          // line 8: already on the roster
            + "Hoàng Thị Dung,Công đoàn Sở\r\n";                       // line 9

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(RosterTest::meetingWithATwoPersonRoster);
    private Api api;

    @BeforeEach
    void startStationWithARosterInItsMeetingFolder() throws Exception {
        api = station.api();
    }

    /** The demo meeting with a roster.csv of two people. */
    static void meetingWithATwoPersonRoster(Path config) throws Exception {
        Files.copy(Path.of("kiosk-config/demo/meeting.yaml"), config.resolve("meeting.yaml"));
        Files.writeString(config.resolve("roster.csv"), "name,unit\nPhạm Thị Hoa,Văn phòng Sở\nĐỗ Minh Khang,Thanh tra Sở\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void theRosterCsvInTheMeetingFolderIsLoadedOnFirstStartAndBecomesTheSummonedCount() {
        Api.Reply people = api.adminGet("/api/admin/roster?q=");
        assertEquals(200, people.status(), people.body());
        assertEquals(2, people.json().path("people").size());
        JsonNode status = api.get("/api/polls/" + POLL).json();
        assertEquals(2, status.path("summoned").asInt(), "summoned comes from the roster, not meeting.yaml's 40");
        assertEquals(2, api.get("/api/meeting").json().path("summoned").asInt(), "the meeting's public figures say the same");
        assertEquals(0, status.path("present").asInt());
        assertTrue(status.path("rosterUsed").asBoolean());
    }

    @Test
    void aCsvWithABomIsImportedAndItsBadRowsAreReportedWithTheirLineNumbers() throws Exception {
        Api.Reply reply = importCsv(withBom(EXCEL_CSV));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(4, reply.json().path("added").asInt(), reply.body());
        List<Integer> badLines = new ArrayList<>();
        reply.json().path("badRows").forEach(r -> badLines.add(r.path("line").asInt()));
        assertEquals(List.of(4, 6, 7, 8), badLines, reply.body());
        reply.json().path("badRows").forEach(r -> assertFalse(r.path("problem").path("vi").asText().isBlank()));
        assertEquals(6, reply.json().path("turnout").path("summoned").asInt());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAClearMessage() {
        Api.Reply reply = importCsv("name,unit\nNguy\u00EAn,X\n".getBytes(StandardCharsets.ISO_8859_1)); // as a legacy Excel "CSV" would
        assertEquals(400, reply.status(), reply.body());
        assertEquals("bad_csv", reply.errorCode());
        assertTrue(reply.body().contains("UTF-8"), reply.body());
    }

    @Test
    void searchIgnoresDiacriticsCaseAndTheLetterDj() {
        importTheExcelRoster();
        assertEquals(2, search("nguyen van an").size(), "both Nguyễn Văn An, in their two units");
        assertEquals(2, search("NGUYỄN văn AN").size());
        List<JsonNode> khang = search("do minh");
        assertEquals(1, khang.size());
        assertEquals("Đỗ Minh Khang", khang.get(0).path("name").asText());
        assertEquals(1, search("binh").size());
        assertEquals(0, search("nguyen thi").size());
    }

    @Test
    void typingThePresentCountIsRefusedOnceTheRosterCountsPeople() {
        Api.Reply reply = api.adminPost("/api/admin/present", Map.of("present", 3));
        assertEquals(409, reply.status(), reply.body());
        assertEquals("presence_from_roster", reply.errorCode());
    }

    @Test
    void aPersonGetsOneBallotForTheMeetingAndASecondIsRefused() {
        importTheExcelRoster();
        String an = search("nguyen van an").get(0).path("id").asText();
        Api.Reply present = api.adminPost("/api/admin/roster/" + an + "/present", Map.of("present", true));
        assertEquals(200, present.status(), present.body());
        assertTrue(present.json().path("present").asBoolean());

        Api.Reply slip = handOut(an, "SLIP");
        assertEquals(200, slip.status(), slip.body());
        assertTrue(slip.json().path("slip").isMissingNode(), "a pre-printed slip: the desk only records it");

        Api.Reply again = handOut(an, "QR");
        assertEquals(409, again.status(), again.body());
        assertEquals("already_handed_out", again.errorCode());
        assertFalse(again.json().path("error").path("message").path("en").asText().isBlank());
        // The slip works in every poll of the meeting, so the next poll gives no second ballot either.
        Api.Reply nextPoll = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", an, "pollId", "bieu-quyet-quy-che", "kind", "QR"));
        assertEquals("already_handed_out", nextPoll.errorCode(), nextPoll.body());

        Api.Reply absent = api.adminPost("/api/admin/roster/" + an + "/present", Map.of("present", false));
        assertEquals(409, absent.status(), "someone holding a ballot cannot be marked absent");
        assertEquals("has_ballot", absent.errorCode());

        JsonNode person = api.adminGet("/api/admin/roster/" + an).json();
        assertTrue(person.path("holdsBallot").asBoolean());
        assertEquals("SLIP", person.path("ballotKind").asText(), "one ballot for the meeting, of this kind");
        assertFalse(api.adminGet("/api/admin/roster/" + an).body().matches(".*\\d{198}.*"), "the roster never shows a token");
    }

    @Test
    void aVoidedSlipCannotVoteAndItsReplacementCanButNeverTwiceInAPoll() {
        importTheExcelRoster();
        String binh = search("binh").get(0).path("id").asText();
        Api.Reply qr = handOut(binh, "QR");
        assertEquals(200, qr.status(), qr.body());
        String url = qr.json().path("slip").path("url").asText();
        String lostToken = kioskvote.token.TestSlips.secretOf(url);
        String lostCode = qr.json().path("slip").path("shortCode").asText();
        assertTrue(qr.json().path("slip").path("qrSvg").asText().startsWith("<svg"));
        JsonNode person = api.adminGet("/api/admin/roster/" + binh).json();
        assertTrue(person.path("present").asBoolean(), "a person handed a ballot is present");

        Api.Reply replaced = api.adminPost("/api/admin/desk/replace",
                Map.of("personId", binh, "pollId", POLL, "kind", "QR", "code", lostCode.toLowerCase()));
        assertEquals(200, replaced.status(), replaced.body());
        assertTrue(replaced.json().path("replacement").asBoolean());
        String newUrl = replaced.json().path("slip").path("url").asText();
        String newToken = kioskvote.token.TestSlips.secretOf(newUrl);

        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        Api.Reply lost = api.cast(POLL, lostToken, ALL_HIGH, Receipts.random());
        assertEquals(403, lost.status(), lost.body());
        assertEquals("token_voided", lost.errorCode());
        assertEquals(200, api.cast(POLL, newToken, ALL_HIGH, Receipts.random()).status());

        // A slip that already voted can be lost too: its replacement is spent in that poll, and votes only in the others.
        Api.Reply castThenLost = api.adminPost("/api/admin/desk/replace",
                Map.of("personId", binh, "pollId", POLL, "kind", "QR", "code", replaced.json().path("slip").path("shortCode").asText()));
        assertEquals(200, castThenLost.status(), castThenLost.body());
        String third = castThenLost.json().path("slip").path("url").asText();
        Api.Reply twice = api.cast(POLL, kioskvote.token.TestSlips.secretOf(third), ALL_HIGH, Receipts.random());
        assertEquals("token_already_used", twice.errorCode(), "the replacement of a slip that voted cannot vote again in that poll");
        Api.Reply voidAgain = api.adminPost("/api/admin/desk/replace",
                Map.of("personId", binh, "pollId", POLL, "kind", "QR", "code", lostCode));
        assertEquals("slip_already_void", voidAgain.errorCode(), "a voided slip is not voided twice");
    }

    @Test
    void theMinutesShowSummonedPresentHandedOutCastAndVoidedAndTheyAddUp() throws Exception {
        importTheExcelRoster();                                                    // 6 summoned
        String an = search("nguyen van an").get(0).path("id").asText();
        assertEquals(200, handOut(an, "SLIP").status());                           // a printed slip, not used
        String binh = search("binh").get(0).path("id").asText();
        Api.Reply lost = handOut(binh, "QR");
        Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", binh, "pollId", POLL, "kind", "QR",
                "code", lost.json().path("slip").path("shortCode").asText()));      // the lost one is voided
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        assertEquals(200, api.cast(POLL, tokenOf(replaced), ALL_HIGH, Receipts.random()).status());
        String dung = search("hoang thi dung").get(0).path("id").asText();
        assertEquals(200, api.cast(POLL, tokenOf(handOut(dung, "QR")), ALL_HIGH, Receipts.random()).status());
        String hoa = search("pham thi hoa").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/roster/" + hoa + "/present", Map.of("present", true)).status());

        JsonNode live = api.get("/api/polls/" + POLL).json();
        assertEquals(3, live.path("handedOut").asInt());
        assertEquals(4, live.path("present").asInt());

        assertEquals(200, api.closeAndCount(POLL).status());
        JsonNode counts = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json().path("counts");
        assertEquals(6, counts.path("summoned").asInt());
        assertEquals(4, counts.path("present").asInt());
        assertEquals(3, counts.path("handedOut").asInt());
        assertEquals(2, counts.path("received").asInt());
        assertEquals(1, counts.path("voided").asInt(), "Bình's lost slip");
        assertTrue(counts.path("addsUp").asBoolean());
        assertTrue(counts.path("received").asInt() <= counts.path("handedOut").asInt()
                && counts.path("handedOut").asInt() <= counts.path("present").asInt()
                && counts.path("present").asInt() <= counts.path("summoned").asInt());

        String csv = api.adminGet("/api/admin/polls/" + POLL + "/minutes.csv").body();
        assertTrue(csv.contains("handed_out,3"), csv);
        String page = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(page.contains("People handed a ballot"), "the printed minutes show the figure");
        assertTrue(page.contains("holds"));

        // The ballot is for the meeting: after this poll closed, a late arrival still gets one for the motion to come.
        Api.Reply late = handOut(hoa, "SLIP");
        assertEquals(200, late.status(), late.body());
    }

    /** Imports {@link #EXCEL_CSV}: with roster.csv's two, six people summoned. */
    private void importTheExcelRoster() {
        Api.Reply reply = importCsv(withBom(EXCEL_CSV));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(6, reply.json().path("turnout").path("summoned").asInt(), reply.body());
    }

    private static byte[] withBom(String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** The token of the slip a hand-out or a replacement answered with. */
    private static String tokenOf(Api.Reply handedOut) {
        String url = handedOut.json().path("slip").path("url").asText();
        return kioskvote.token.TestSlips.secretOf(url);
    }

    private Api.Reply handOut(String personId, String kind) {
        return api.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId, "pollId", POLL, "kind", kind));
    }

    private List<JsonNode> search(String q) {
        Api.Reply reply = api.adminGet("/api/admin/roster?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        List<JsonNode> people = new ArrayList<>();
        reply.json().path("people").forEach(people::add);
        return people;
    }

    private Api.Reply importCsv(byte[] body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.url() + "/api/admin/roster/import"))
                    .header("Authorization", "Bearer " + station.passphrase()).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : Api.JSON.readTree(response.body());
            return new Api.Reply(response.statusCode(), json, response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
