package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * What the organiser changed on the roster survives a restart of the station on the same H2 file: the person
 * added (with the id the API answered), the correction, the removal, the ballot a corrected person holds, and
 * the audit chain the station checks at every start.
 */
class RosterEditRestartTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void peopleAddedCorrectedAndRemovedAreAsTheyWereAfterARestart() throws Exception {
        Files.writeString(station.configDir().resolve("roster.csv"), "name,unit\nTrương Thị Hoa,Văn phòng Sở\nVũ Thị Lan,Phòng Kế hoạch\n",
                StandardCharsets.UTF_8);
        station.start();
        String passphrase = station.passphrase();
        Api api = station.api();
        String mai = api.adminPost("/api/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính")).json().path("id").asText();
        String lan = api.adminGet("/api/admin/roster?q=lan").json().path("people").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/desk/hand-out", Map.of("personId", lan, "pollId", "tin-nhiem", "kind", "SLIP")).status());
        assertEquals(200, api.adminPost("/api/admin/roster/" + lan, Map.of("name", "Võ Thị Lan")).status());
        String hoa = api.adminGet("/api/admin/roster?q=hoa").json().path("people").get(0).path("id").asText();
        assertEquals(200, api.adminPost("/api/admin/roster/" + hoa + "/remove", Map.of()).status());

        station.restart();
        api = new Api(station.url(), passphrase);
        JsonNode people = api.adminGet("/api/admin/roster?q=").json().path("people");
        List<String> names = new ArrayList<>();
        people.forEach(p -> names.add(p.path("name").asText()));
        assertEquals(List.of("Nguyễn Thị Mai", "Võ Thị Lan"), names, "added, corrected, removed: as before the restart");
        assertEquals("Phòng Tài chính", api.adminGet("/api/admin/roster/" + mai).json().path("unit").asText());
        JsonNode corrected = api.adminGet("/api/admin/roster/" + lan).json();
        assertTrue(corrected.path("holdsBallot").asBoolean(), "the corrected person still holds their ballot");
        JsonNode poll = api.get("/api/polls/tin-nhiem").json();
        assertEquals(2, poll.path("summoned").asInt());
        assertEquals(1, poll.path("handedOut").asInt());
        Api.Reply again = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", lan, "pollId", "tin-nhiem", "kind", "QR"));
        assertEquals("already_handed_out", again.errorCode(), "one ballot per person, across the restart");
        Api.Reply removal = api.adminPost("/api/admin/roster/" + lan + "/remove", Map.of());
        assertEquals("person_holds_ballot", removal.errorCode());
    }
}
