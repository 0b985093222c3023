package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;
import kioskvote.record.VerifyCommand;

/**
 * Every honest record verifies, whatever path the desk took: a lost slip replaced while the poll is open (its
 * replacement spent without a ballot), a kiosk ballot abandoned and sent again, paper batches, a restart of the
 * station in the middle of a poll. Each test runs the path, exports the record over HTTP and runs `verify`.
 */
class HonestRecordsTest {
    static final List<String> PEOPLE = List.of("Lý Thị Mai", "Tạ Văn Khoa", "Đinh Thu Hà", "Mạc Văn Tùng");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aLostSlipReplacedWhileThePollIsOpenLeavesARecordThatVerifies() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            List<Api.Reply> slips = handOutQr(api, m, "quy-che");
            open(api, "quy-che");
            for (Api.Reply slip : slips) assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slip)));
            // Mai voted, then reports her slip lost: the replacement is spent in quy-che without a ballot.
            Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", m.personId(PEOPLE.get(0)), "pollId", "quy-che",
                    "kind", "QR", "code", slips.get(0).json().path("slip").path("shortCode").asText()));
            assertEquals(200, replaced.status(), replaced.body());
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            String out = verifies(m, "quy-che");
            assertTrue(out.contains("4 ballots received, 5 tokens spent (1 without a ballot: lost slips replaced)"), out);
        }
    }

    @Test
    void aLostSlipReplacedBeforeThePollOpensLeavesARecordThatVerifies() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            List<Api.Reply> slips = handOutQr(api, m, "quy-che");
            // Mai loses her slip before anything opened: the replacement is spent nowhere, the old slip is voided.
            Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", m.personId(PEOPLE.get(0)), "pollId", "quy-che",
                    "kind", "QR", "code", slips.get(0).json().path("slip").path("shortCode").asText()));
            assertEquals(200, replaced.status(), replaced.body());
            open(api, "quy-che");
            assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(replaced)));
            for (Api.Reply slip : slips.subList(1, slips.size())) assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slip)));
            assertEquals(4, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slips.get(0))) / 100, "the lost slip votes no more");
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            verifies(m, "quy-che");
        }
    }

    @Test
    void aLostSlipReplacedAfterAPollClosedLeavesBothRecordsVerifying() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            List<Api.Reply> slips = handOutQr(api, m, "quy-che");
            open(api, "quy-che");
            for (Api.Reply slip : slips) assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slip)));
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            String before = verifies(m, "quy-che");
            // Mai voted in quy-che, which is closed and published; she loses her slip before ke-hoach opens.
            Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", m.personId(PEOPLE.get(0)), "pollId", "ke-hoach",
                    "kind", "QR", "code", slips.get(0).json().path("slip").path("shortCode").asText()));
            assertEquals(200, replaced.status(), replaced.body());
            // The audit chain in a later download is longer (the meeting goes on); the closed poll's head is the same.
            assertEquals(headOf(before), headOf(verifies(m, "quy-che")), "the closed poll's record is as it was published");
            open(api, "ke-hoach");
            assertEquals(200, cast(api, "ke-hoach", LostSlipDoubleVoteTest.token(replaced)));
            assertEquals(200, api.closeCountAndShow("ke-hoach").status());
            verifies(m, "ke-hoach");
        }
    }

    @Test
    void aKioskBallotAbandonedAndSentAgainLeavesARecordThatVerifies() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            open(api, "quy-che");
            Kiosk kiosk = new Kiosk(m, "buong-1");
            for (String person : PEOPLE) {
                Map<String, Object> toKiosk = Map.of("personId", m.personId(person), "pollId", "quy-che", "kind", "KIOSK", "kiosk", "buong-1");
                Api.Reply sent = api.adminPost("/api/admin/desk/hand-out", toKiosk);
                assertEquals(200, sent.status(), sent.body());
                var ballot = kiosk.pickUp().orElseThrow();
                if (person.equals(PEOPLE.get(1))) {
                    // The voter walked away: the kiosk abandons the ballot, the desk sends it again.
                    kiosk.abandon(ballot);
                    Api.Reply again = api.adminPost("/api/admin/desk/hand-out", toKiosk);
                    assertEquals(200, again.status(), again.body());
                    ballot = kiosk.pickUp().orElseThrow();
                }
                assertEquals(200, kiosk.castAgree(ballot, "quy-che"));
            }
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            String out = verifies(m, "quy-che");
            assertTrue(out.contains("[3/8] ballots: 4 read, 4 well-formed — pass"), out);
        }
    }

    @Test
    void paperBatchesEnteredByTwoTellersLeaveARecordThatVerifies() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            List<Api.Reply> slips = handOutQr(api, m, "quy-che");
            open(api, "quy-che");
            assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slips.get(0))));
            List<Object> paper = new ArrayList<>();
            for (int i = 1; i < 4; i++) {
                paper.add(Map.of("code", slips.get(i).json().path("slip").path("shortCode").asText(),
                        "answers", Map.of("motion", List.of(i == 2 ? "disagree" : "agree"))));
            }
            String batches = "/api/admin/polls/quy-che/paper-batches";
            assertEquals(200, api.adminPost(batches, Map.of("batch", "to-1", "teller", "Phạm Thị Hoa", "ballots", paper)).status());
            Api.Reply second = api.adminPost(batches, Map.of("batch", "to-1", "teller", "Đỗ Minh Khang", "ballots", paper));
            assertEquals("ACCEPTED", second.json().path("state").asText(), second.body());
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            String out = verifies(m, "quy-che");
            assertTrue(out.contains("[3/8] ballots: 4 read, 4 well-formed — pass"), out);
        }
    }

    @Test
    void aStationRestartedInTheMiddleOfAPollLeavesARecordThatVerifies() throws Exception {
        List<Api.Reply> slips;
        try (ThreePollMeeting m = ThreePollMeeting.start(station, PEOPLE)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            slips = handOutQr(api, m, "quy-che");
            open(api, "quy-che");
            assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slips.get(0))));
            assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slips.get(1))));
        }
        try (ThreePollMeeting m = ThreePollMeeting.open(station)) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            assertEquals(200, cast(api, "quy-che", LostSlipDoubleVoteTest.token(slips.get(2))));
            assertEquals(200, api.closeCountAndShow("quy-che").status());
            String out = verifies(m, "quy-che");
            assertTrue(out.contains("[3/8] ballots: 3 read, 3 well-formed — pass"), out);
        }
    }

    /** Hands each person a QR ballot at the desk: the answers, whose slip URL carries the token. */
    static List<Api.Reply> handOutQr(Api api, ThreePollMeeting m, String pollId) {
        List<Api.Reply> slips = new ArrayList<>();
        for (String person : PEOPLE) {
            Api.Reply qr = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", m.personId(person), "pollId", pollId, "kind", "QR"));
            assertEquals(200, qr.status(), qr.body());
            slips.add(qr);
        }
        return slips;
    }

    static void open(Api api, String pollId) {
        Api.Reply opened = api.adminPost("/api/admin/polls/" + pollId + "/open", Map.of("confirmBelowQuorum", true));
        assertEquals(200, opened.status(), opened.body());
    }

    static int cast(Api api, String pollId, String token) {
        return api.cast(pollId, token, ThreePollMeeting.AGREE, LostSlipDoubleVoteTest.receipt()).status();
    }

    private static String headOf(String verifyOutput) {
        java.util.regex.Matcher head = java.util.regex.Pattern.compile("record head ([0-9a-f]+)").matcher(verifyOutput);
        assertTrue(head.find(), verifyOutput);
        return head.group(1);
    }

    /** Downloads the poll's record as anyone would and runs `verify` on it: its output, failing the test unless verified. */
    static String verifies(ThreePollMeeting m, String pollId) throws IOException, InterruptedException {
        Path file = m.data.resolveSibling("record-" + pollId + ".zip");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.url() + "/api/polls/" + pollId + "/record")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        Files.write(file, response.body());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), file.toString());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(VerifyCommand.VERIFIED, exit, out);
        return out;
    }
}
