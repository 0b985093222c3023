package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The organiser gives the chair and the desk clerk their own secrets; each may call only the routes that
 * name their role, the organiser every staff route. In process, on a temporary H2 file.
 */
class StaffRolesTest {
    private static final String ORGANISER = "organiser-passphrase-1";
    private static final String CHAIR = "chair-pin-7731";
    private static final String CLERK = "desk-pin-4410";

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(StaffRolesTest::demoWithAKnownPassphrase);
    private Api organiser;
    private String base;

    @BeforeEach
    void signIn() {
        base = station.url();
        organiser = new Api(base, ORGANISER);
    }

    /** The demo meeting with the organiser's passphrase set in meeting.yaml. */
    static void demoWithAKnownPassphrase(Path config) throws Exception {
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
    }

    @Test
    void theDeskClerkHandsOutButCannotOpenOrCloseAPollAndTheChairCannotPrintSlips() {
        assertEquals(200, organiser.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR)).status());
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK)).status());
        Api chair = new Api(base, CHAIR);
        Api clerk = new Api(base, CLERK);

        Api.Reply refused = clerk.adminPost("/api/admin/polls/tin-nhiem/open", Map.of("confirmBelowQuorum", true));
        assertEquals(403, refused.status());
        assertEquals("role_not_allowed", refused.errorCode());
        assertEquals("draft", organiser.get("/api/polls/tin-nhiem").json().path("state").asText(), "nothing changed");
        assertEquals(200, clerk.adminGet("/api/admin/roster?q=a").status(), "the clerk searches the roster");
        assertEquals(403, clerk.adminPost("/api/admin/slips", Map.of("count", 1, "format", "json")).status());
        assertEquals(403, clerk.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", "another-pin-1")).status());

        assertEquals(403, chair.adminPost("/api/admin/slips", Map.of("count", 1, "format", "json")).status());
        assertEquals(200, chair.adminPost("/api/admin/polls/tin-nhiem/open", Map.of("confirmBelowQuorum", true)).status());
        assertEquals(403, clerk.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
        assertEquals(200, chair.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
    }

    @Test
    void aWithdrawnSecretNoLongerSignsInAndASecretAlreadyInUseOrTooShortIsRefused() {
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK)).status());
        Api.Reply taken = organiser.adminPost("/api/admin/staff/chair", Map.of("secret", CLERK));
        assertEquals(409, taken.status());
        assertEquals("secret_in_use", taken.errorCode());
        assertEquals("secret_in_use", organiser.adminPost("/api/admin/staff/chair", Map.of("secret", ORGANISER)).errorCode());
        Api.Reply shortOne = organiser.adminPost("/api/admin/staff/chair", Map.of("secret", "12345"));
        assertEquals(400, shortOne.status());
        assertTrue(shortOne.body().contains("6"), shortOne.body());
        assertEquals(400, organiser.adminPost("/api/admin/staff/chair", Map.of()).status(), "missing secret");
        assertEquals(403, organiser.adminPost("/api/admin/staff/organiser", Map.of("secret", "whatever-1")).status());

        Api clerk = new Api(base, CLERK);
        assertEquals(200, clerk.adminGet("/api/admin/roster?q=a").status());
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk/remove", Map.of()).status());
        assertEquals(401, clerk.adminGet("/api/admin/roster?q=a").status());
    }

    @Test
    void onlyTheChairShowsResultsAndOnlyTheDeskUndoesAHandOutAndBadRequestsChangeNothing() {
        assertEquals(200, organiser.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR)).status());
        assertEquals(200, organiser.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK)).status());
        Api chair = new Api(base, CHAIR);
        Api clerk = new Api(base, CLERK);
        assertEquals(200, organiser.postRaw("/api/admin/roster/import", "name,unit\nTrịnh Văn Quang,Phòng 1\nLý Thị Ngọc,Phòng 2\n", true).status());
        String person = organiser.adminGet("/api/admin/roster?q=quang").json().path("people").get(0).path("id").asText();

        assertEquals(200, clerk.adminPost("/api/admin/desk/hand-out", Map.of("personId", person, "pollId", "tin-nhiem", "kind", "SLIP")).status());
        assertEquals(403, chair.adminPost("/api/admin/desk/undo", Map.of("personId", person, "pollId", "tin-nhiem")).status(), "not the chair's");
        assertEquals(401, new Api(base, "wrong-secret-9").adminPost("/api/admin/desk/undo", Map.of("personId", person, "pollId", "tin-nhiem")).status());
        assertEquals(400, clerk.adminPost("/api/admin/desk/undo", Map.of("pollId", "tin-nhiem")).status(), "no person named");
        assertEquals(400, clerk.postRaw("/api/admin/desk/undo", "{not json", true).status());
        assertEquals(1, organiser.get("/api/polls/tin-nhiem").json().path("handedOut").asInt(), "nothing changed");
        assertEquals(200, clerk.adminPost("/api/admin/desk/undo", Map.of("personId", person, "pollId", "tin-nhiem")).status());
        assertEquals(0, organiser.get("/api/polls/tin-nhiem").json().path("handedOut").asInt());
        assertEquals(409, clerk.adminPost("/api/admin/desk/undo", Map.of("personId", person, "pollId", "tin-nhiem")).status(), "nothing left to undo");

        // one printed slip handed out and cast: undoing it would make cast exceed handed out
        assertEquals(200, clerk.adminPost("/api/admin/desk/hand-out", Map.of("personId", person, "pollId", "tin-nhiem", "kind", "SLIP")).status());
        assertEquals(200, chair.adminPost("/api/admin/polls/tin-nhiem/open", Map.of("confirmBelowQuorum", true)).status());
        String token = organiser.issueTokens(1).get(0);
        assertEquals(200, organiser.cast("tin-nhiem", token, Map.of("s1", java.util.List.of("high")),
                kioskvote.ballot.ReceiptCode.randomSecret(new SecureRandom())).status());
        Api.Reply mayHaveVoted = clerk.adminPost("/api/admin/desk/undo", Map.of("personId", person, "pollId", "tin-nhiem"));
        assertEquals(409, mayHaveVoted.status());
        assertEquals("may_have_voted", mayHaveVoted.errorCode());

        assertEquals(409, chair.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of()).status(), "not before the close");
        assertEquals(200, chair.closeAndCount("tin-nhiem").status());
        assertEquals(403, clerk.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of()).status(), "not the desk clerk's");
        assertEquals(401, organiser.post("/api/admin/polls/tin-nhiem/show-results", Map.of()).status(), "not without a credential");
        assertEquals(false, organiser.get("/api/polls/tin-nhiem").json().path("resultsShown").asBoolean(), "nothing changed");
        assertEquals(404, chair.adminPost("/api/admin/polls/no-such-poll/show-results", Map.of()).status());
        assertEquals(200, chair.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of()).status());
        assertEquals(true, organiser.get("/api/polls/tin-nhiem").json().path("resultsShown").asBoolean());
        Api.Reply again = chair.adminPost("/api/admin/polls/tin-nhiem/show-results", Map.of());
        assertEquals(409, again.status());
        assertEquals("results_already_shown", again.errorCode());
    }
}
