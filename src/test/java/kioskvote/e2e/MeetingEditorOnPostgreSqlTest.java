package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.PostgresTest;
import kioskvote.StationExtension;
import kioskvote.token.MeetingKey;

/**
 * Two stations on one PostgreSQL database (docs/scaling.md) and the meeting editor: what one station changes is
 * stored for both; the other, started before the change, refuses to edit or open from its older copy (409, nothing
 * changed) and holds the changed meeting once restarted.
 */
@PostgresTest
class MeetingEditorOnPostgreSqlTest {
    @RegisterExtension
    final StationExtension a = StationExtension.inProcess();
    @RegisterExtension
    final StationExtension b = StationExtension.inProcess().sharingTheDatabaseOf(a).startedByTheTest();

    @Test
    void aChangeOnOneStationIsSeenByTheOtherAfterItsRestartAndItsOlderCopyChangesNothing() throws Exception {
        String passphrase = a.passphrase();
        Files.createDirectories(b.dataDir());
        for (String file : new String[] {MeetingKey.PRIVATE_KEY_FILE, MeetingKey.PUBLIC_KEY_FILE}) {
            Files.copy(a.dataDir().resolve(file), b.dataDir().resolve(file));
        }
        b.start();
        Api onA = new Api(a.url(), passphrase);
        Api onB = new Api(b.url(), passphrase);

        assertEquals(201, onA.postRaw("/api/admin/polls", MeetingEditorTest.MOTION, true).status());
        assertEquals(200, onA.postRaw("/api/admin/polls/bieu-quyet-quy-che", MeetingEditorTest.MOTION
                .replace("ke-hoach", "bieu-quyet-quy-che").replace("more than 1/2", "more than 2/3"), true).status());
        var stored = onA.adminGet("/api/admin/meeting").json();

        Api.Reply stale = onB.postRaw("/api/admin/meeting/details", "{\"title\":\"Khác\",\"date\":\"2026-12-10\",\"summoned\":40}", true);
        assertEquals(409, stale.status(), stale.body());
        assertEquals("meeting_changed_elsewhere", stale.errorCode());
        assertEquals(200, onB.adminPost("/api/admin/present", Map.of("present", 40)).status());
        Api.Reply staleOpen = onB.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", Map.of());
        assertEquals(409, staleOpen.status(), "B would freeze the motion as it was before A's change: " + staleOpen.body());
        assertEquals("meeting_changed", staleOpen.errorCode());
        assertEquals("draft", onA.get("/api/polls/bieu-quyet-quy-che").json().path("state").asText());
        assertEquals(stored, onA.adminGet("/api/admin/meeting").json(), "nothing changed");

        b.restart();
        onB = new Api(b.url(), passphrase);
        assertEquals(stored, onB.adminGet("/api/admin/meeting").json(), "after its restart B holds the meeting as A changed it");
        Api.Reply opened = onB.adminPost("/api/admin/polls/ke-hoach/open", Map.of());
        assertEquals(200, opened.status(), opened.body());
        assertTrue(opened.json().path("sealed").asBoolean());
        assertEquals("open", onA.get("/api/polls/ke-hoach").json().path("state").asText(), "and A sees it open");
    }
}
