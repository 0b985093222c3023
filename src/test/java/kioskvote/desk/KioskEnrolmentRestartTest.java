package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.ProcessTest;
import kioskvote.StationExtension;
import kioskvote.audit.Sha256;
import kioskvote.e2e.Api;

/**
 * Kiosk enrolments and the desk's kiosk ballots across a real restart of the station process
 * (docs/roster-and-kiosk.md, "After a restart"): enrolled tablets keep working with the cookie they have, a
 * withdrawn or replaced one stays refused, a ballot waiting for a kiosk is picked up once after a crash,
 * one in progress is lost but never doubled, and the database file holds no enrolment secret.
 */
@ProcessTest
class KioskEnrolmentRestartTest {
    static final String PASSPHRASE = "organiser-passphrase-kiosk-1";
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> ALL_HIGH = Map.of("s1", List.of("high"), "s2", List.of("high"), "s3", List.of("high"), "s4", List.of("high"));

    /** A meeting with a roster; a process of its own, as the second test kills it. */
    @RegisterExtension
    final StationExtension station = StationExtension.process().meetingFiles(config -> {
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + PASSPHRASE + "\n");
        Files.writeString(config.resolve("roster.csv"), "name,unit\nLương Thị Mai,Phòng Kế hoạch\nĐinh Văn Toàn,Thanh tra Sở\n"
                + "Tạ Minh Châu,Văn phòng Sở\n", StandardCharsets.UTF_8);
    }).startedByTheTest();

    @Test
    void twoKiosksStayEnrolledAcrossARestartAndCastWhileWithdrawnAndReplacedTabletsStayRefused() throws Exception {
        station.start();
        Tablet first = Tablet.enrol(station.url(), PASSPHRASE, "phong-1");
        Tablet second = Tablet.enrol(station.url(), PASSPHRASE, "phong-2");
        Tablet lost = Tablet.enrol(station.url(), PASSPHRASE, "phong-3");
        Tablet replaced = first;
        first = Tablet.enrol(station.url(), PASSPHRASE, "phong-1"); // the name moved to another tablet
        assertEquals(403, replaced.welcome(station.url()), "the tablet that held phong-1 before");
        assertEquals(200, first.welcome(station.url()));

        HttpClient organiser = Tablet.organiser(station.url(), PASSPHRASE);
        assertEquals(303, Tablet.form(organiser, station.url(), "/admin/kiosks/withdraw", "name=phong-3").statusCode());
        assertEquals(403, lost.welcome(station.url()), "withdrawn: refused at once");
        assertEquals(403, lost.pickUpRaw(station.url()).statusCode());
        Api api = new Api(station.url(), PASSPHRASE);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        List<String> slips = api.issueTokens(2);

        station.stop();
        byte[] file = Files.readAllBytes(databaseFile());
        String text = new String(file, StandardCharsets.ISO_8859_1);
        for (Tablet t : List.of(first, second, lost, replaced)) {
            assertFalse(text.contains(t.secret), "an enrolment secret in the database file");
        }
        assertTrue(text.contains(Sha256.hex(second.secret.getBytes(StandardCharsets.US_ASCII))),
                "the file holds the secret's hash (the scan reads what the station wrote)");

        station.start();
        String url = station.url();
        assertEquals(200, first.welcome(url), "phong-1 keeps working with its cookie after the restart");
        assertEquals(200, second.welcome(url), "phong-2 too");
        assertEquals(403, lost.welcome(url), "a withdrawn kiosk stays refused after the restart");
        assertEquals(403, lost.pickUpRaw(url).statusCode());
        assertEquals(403, replaced.welcome(url), "and so does a replaced one");
        // Whatever 64-hex string a copy of the file holds (the secrets' hashes among them) opens no kiosk.
        for (H2ByteCopy.Hex hash : new H2ByteCopy(file).hex64) {
            Tablet forged = Tablet.forged("phong-2", hash.text());
            assertEquals(403, forged.welcome(url), "a hash from the file used as the cookie");
        }

        for (int i = 0; i < 2; i++) {
            Tablet kiosk = i == 0 ? first : second;
            Tablet.Ballot ballot = kiosk.start(url, slips.get(i));
            var cast = kiosk.cast(url, ballot, POLL, ALL_HIGH);
            assertEquals(200, cast.statusCode(), cast.body());
        }
        assertEquals(2, status(api(url)).path("cast").asInt(), "one voter cast at each kiosk");
    }

    @Test
    void aDeskBallotWaitingOverACrashIsPickedUpOnceAndOneInProgressIsLostNotDoubled() throws Exception {
        station.start();
        Tablet first = Tablet.enrol(station.url(), PASSPHRASE, "phong-1");
        Tablet second = Tablet.enrol(station.url(), PASSPHRASE, "phong-2");
        Api api = api(station.url());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        String mai = personId(api, "luong thi mai");
        String toan = personId(api, "dinh van toan");
        String chau = personId(api, "ta minh chau");
        assertEquals(200, sendToKiosk(api, mai, "phong-1").status());
        assertEquals(200, sendToKiosk(api, toan, "phong-2").status());
        Tablet.Ballot toansBallot = second.pickUp(station.url()).orElseThrow(); // Toàn is filling in his ballot…
        assertEquals(List.of("phong-1"), waitingAt(api), "the desk shows the ballot still waiting for phong-1");

        station.kill9(); // …when the station crashes
        station.stop();
        station.start();
        String url = station.url();
        api = api(url);
        assertEquals(List.of("phong-1"), waitingAt(api), "after the restart the desk still shows it waiting");
        assertEquals("kiosk_ballot_already_sent", sendToKiosk(api, mai, "phong-2").errorCode(), "not sent twice");
        assertEquals("kiosk_ballot_already_sent", sendToKiosk(api, toan, "phong-1").errorCode(),
                "a ballot in progress at the crash may have been cast: never sent again");
        var gone = second.cast(url, toansBallot, POLL, ALL_HIGH);
        assertEquals(410, gone.statusCode(), "its session, and the token in it, died with the station");

        Tablet.Ballot maisBallot = first.pickUp(url).orElseThrow(); // a fresh token for the same visit
        assertEquals(List.of(), waitingAt(api));
        assertEquals(200, first.cast(url, maisBallot, POLL, ALL_HIGH).statusCode());
        assertTrue(first.pickUp(url).isEmpty(), "picked up once");
        assertEquals("kiosk_ballot_already_sent", sendToKiosk(api, mai, "phong-1").errorCode());
        JsonNode status = status(api);
        assertEquals(1, status.path("cast").asInt());
        assertTrue(status.path("addsUp").asBoolean(), status.toString());

        // A ballot waiting for a tablet that is lost over a restart: the organiser withdraws the kiosk, which
        // releases the ballot, and the desk sends Châu another to the other kiosk.
        assertEquals(200, sendToKiosk(api, chau, "phong-2").status());
        station.stop();
        station.start();
        url = station.url();
        api = api(url);
        assertEquals(List.of("phong-2"), waitingAt(api));
        assertEquals(303, Tablet.form(Tablet.organiser(url, PASSPHRASE), url, "/admin/kiosks/withdraw", "name=phong-2").statusCode());
        assertEquals(403, second.pickUpRaw(url).statusCode());
        assertEquals(List.of(), waitingAt(api), "the withdrawal released it");
        assertEquals(200, sendToKiosk(api, chau, "phong-1").status());
        Tablet.Ballot chausBallot = first.pickUp(url).orElseThrow();
        assertEquals(200, first.cast(url, chausBallot, POLL, ALL_HIGH).statusCode());
        assertEquals(2, status(api).path("cast").asInt());
    }

    private Path databaseFile() throws Exception {
        try (Stream<Path> files = Files.list(station.dataDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).findFirst().orElseThrow();
        }
    }

    private static Api api(String url) {
        return new Api(url, PASSPHRASE);
    }

    private static JsonNode status(Api api) {
        return api.get("/api/polls/" + POLL).json();
    }

    private static String personId(Api api, String query) {
        return api.adminGet("/api/admin/roster?q=" + query.replace(' ', '+')).json().path("people").get(0).path("id").asText();
    }

    private static Api.Reply sendToKiosk(Api api, String personId, String kiosk) {
        return api.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId, "pollId", POLL, "kind", "KIOSK", "kiosk", kiosk));
    }

    private static List<String> waitingAt(Api api) {
        List<String> kiosks = new ArrayList<>();
        api.adminGet("/api/admin/desk/kiosks").json().path("waiting").forEach(w -> kiosks.add(w.path("kiosk").asText()));
        return kiosks;
    }
}
