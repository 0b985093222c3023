package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollState;
import kioskvote.store.MeetingSetupDao;
import kioskvote.store.PollStateDao;

/**
 * The meeting editor attacked as a hostile or clumsy organiser would: edits and deletions racing an opening,
 * the committee changed under a sealed box, counts that no longer add up, texts nobody can see, an audit line
 * too long for its column, a next round whose id the loader refuses, exports of hostile texts started on a
 * fresh station, and other sites' forms. Each attack either holds or is the regression test of its fix.
 */
class MeetingEditorAttackTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    /** A fresh station started on what the export gave. */
    @RegisterExtension
    final StationExtension fresh = StationExtension.inProcess().startedByTheTest();
    private Api api;

    @BeforeEach
    void start() {
        api = station.api();
    }

    private JsonNode meeting() {
        Api.Reply reply = api.adminGet("/api/admin/meeting");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static Map<String, Object> motion(String id, String title, boolean sealed) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("kind", "motion");
        m.put("title", title);
        m.put("motion", "Thông qua " + title);
        m.put("passes_with", "more than 1/2");
        m.put("sealed", sealed);
        return m;
    }

    private static final Map<String, Object> BELOW_QUORUM = Map.of("confirmBelowQuorum", true);

    private void assertNo5xx(Api.Reply reply, String what) {
        assertTrue(reply.status() < 500, what + ": " + reply.status() + " " + reply.body());
    }

    // --- races with an opening

    @Test
    void anEditAndAnOpeningOfTheSameDraftNeverCrossAndTheFrozenDefinitionIsTheStationsOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int edited = 0;
            int opened = 0;
            for (int round = 0; round < 25; round++) {
                int i = round;
                String id = "dua-" + i;
                assertEquals(201, api.adminPost("/api/admin/polls", motion(id, "Bản " + i, i % 2 == 0)).status());
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Api.Reply> edit = pool.submit(() -> {
                    barrier.await();
                    return i % 3 == 0 ? api.adminPost("/api/admin/polls/" + id + "/delete", Map.of())
                            : api.adminPost("/api/admin/polls/" + id, motion(id, "Bản sửa " + i, i % 2 == 1));
                });
                Future<Api.Reply> open = pool.submit(() -> {
                    barrier.await();
                    return api.adminPost("/api/admin/polls/" + id + "/open", BELOW_QUORUM);
                });
                Api.Reply e = edit.get();
                Api.Reply o = open.get();
                assertNo5xx(e, "edit " + id);
                assertNo5xx(o, "open " + id);
                if (e.status() == 200) edited++;
                if (o.status() == 200) opened++;
                if (e.status() != 200) assertEquals(409, e.status(), e.body());
                if (o.status() != 200) assertTrue(o.status() == 409 || o.status() == 404, o.body());
                boolean deleted = i % 3 == 0 && e.status() == 200;
                assertFalse(deleted && o.status() == 200, "a deleted poll was opened: " + id);
                var row = station.station().jdbi().withHandle(h -> new PollStateDao(h).find(id));
                if (deleted) {
                    assertTrue(row.isEmpty(), id);
                    assertTrue(station.station().meeting().poll(id).isEmpty(), id);
                    continue;
                }
                Poll inMemory = station.station().meeting().poll(id).orElseThrow();
                String stored = station.station().jdbi().withHandle(h -> new MeetingSetupDao(h).pollDefinition(id)).orElseThrow();
                assertEquals(PollDefinition.canonicalJson(inMemory), stored, "memory and database agree on " + id);
                if (o.status() == 200) {
                    assertEquals(PollState.OPEN, row.orElseThrow().state());
                    assertEquals(PollDefinition.hash(inMemory), row.get().definitionHash().orElseThrow(), "frozen = the station's " + id);
                    assertEquals(stored, row.get().definitionJson().orElseThrow());
                    if (e.status() != 200) assertTrue(List.of("poll_frozen").contains(e.errorCode()), e.body());
                    api.adminPost("/api/admin/polls/" + id + "/close", Map.of());
                } else {
                    assertEquals(PollState.DRAFT, row.orElseThrow().state());
                    api.adminPost("/api/admin/polls/" + id + "/delete", Map.of());
                }
            }
            assertTrue(edited + opened >= 25, "each round, one of the two went through");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCommitteeChangedWhileASealedPollOpensKeepsTheCardHoldersOrTheOpeningIsRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 15; i++) {
                String id = "kin-" + i;
                assertEquals(201, api.adminPost("/api/admin/polls", motion(id, "Kín " + i, true)).status());
                List<Map<String, String>> before = new ArrayList<>();
                meeting().path("committee").forEach(m -> before.add(Map.of("name", m.path("name").asText())));
                List<Map<String, String>> shrunk = List.of(Map.of("name", "Người lạ " + i), Map.of("name", "Người khác " + i));
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Api.Reply> change = pool.submit(() -> {
                    barrier.await();
                    return api.adminPost("/api/admin/meeting/committee", Map.of("committee", shrunk, "seal", Map.of("threshold", 2)));
                });
                Future<Api.Reply> open = pool.submit(() -> {
                    barrier.await();
                    return api.adminPost("/api/admin/polls/" + id + "/open", BELOW_QUORUM);
                });
                Api.Reply c = change.get();
                Api.Reply o = open.get();
                assertNo5xx(c, "committee");
                assertNo5xx(o, "open");
                List<String> now = new ArrayList<>();
                meeting().path("committee").forEach(m -> now.add(m.path("name").asText()));
                if (o.status() == 200) {
                    // the cards went to the committee the opening froze: those members are still first, in order
                    List<String> holders = new ArrayList<>();
                    o.json().path("cards").forEach(card -> holders.add(card.path("member").asText()));
                    assertTrue(now.size() >= holders.size() && now.subList(0, holders.size()).equals(holders), "the card holders stay: " + holders + " " + now);
                    if (c.status() != 200) assertEquals("committee_holds_cards", c.errorCode(), c.body());
                    assertEquals(200, api.closeAndCount(id).status());
                } else {
                    assertEquals(200, c.status(), c.body());
                    assertEquals("meeting_changed", o.errorCode(), o.body());
                    api.adminPost("/api/admin/polls/" + id + "/delete", Map.of());
                }
                if (c.status() == 200) assertEquals(200, api.adminPost("/api/admin/meeting/committee", Map.of("committee", before)).status());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theThresholdRaisedAboveTheCardsDealtDoesNotLockTheBoxAndAboveTheCommitteeIsRefused() {
        assertEquals(200, api.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", BELOW_QUORUM).status());
        List<Map<String, String>> committee = new ArrayList<>();
        meeting().path("committee").forEach(m -> committee.add(Map.of("name", m.path("name").asText())));
        Api.Reply tooHigh = api.adminPost("/api/admin/meeting/committee", Map.of("committee", committee, "seal", Map.of("threshold", committee.size() + 1)));
        assertEquals(400, tooHigh.status(), tooHigh.body());
        List<Map<String, String>> more = new ArrayList<>(committee);
        more.add(Map.of("name", "Thành viên mới"));
        more.add(Map.of("name", "Thành viên mới nữa"));
        assertEquals(200, api.adminPost("/api/admin/meeting/committee", Map.of("committee", more, "seal", Map.of("threshold", 5))).status());
        // the opened box keeps the k of n it was split with: the cards dealt still open it
        assertEquals(200, api.closeAndCount("bieu-quyet-quy-che").status());
        assertEquals(200, api.adminGet("/api/admin/polls/bieu-quyet-quy-che/minutes.json").status());
    }

    // --- details

    @Test
    void aSummonedCountBelowThePresentCountIsRefusedAndChangesNothing() {
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        JsonNode before = meeting();
        Map<String, Object> details = new HashMap<>();
        details.put("title", before.path("meeting").path("title").asText());
        details.put("date", "2026-12-10");
        details.put("summoned", 10);
        Api.Reply reply = api.adminPost("/api/admin/meeting/details", details);
        assertEquals(409, reply.status(), reply.body());
        assertEquals("summoned_below_present", reply.errorCode());
        assertEquals(before, meeting(), "nothing changed");
        details.put("summoned", 30);
        assertEquals(200, api.adminPost("/api/admin/meeting/details", details).status(), "as many as are present is fine");
    }

    @Test
    void badDatesAndNumbersAreA400() {
        JsonNode before = meeting();
        for (Object date : List.of("10/12/2026", "2026-02-30", "2026-12-10T08:00", "+10000-01-01x", "", 20261210)) {
            Api.Reply r = api.adminPost("/api/admin/meeting/details", Map.of("title", "T", "date", date, "summoned", 40));
            assertEquals(400, r.status(), date + ": " + r.body());
        }
        for (Object summoned : List.of(0, -1, 1.5, "40", 4_294_967_296L)) {
            Api.Reply r = api.adminPost("/api/admin/meeting/details", Map.of("title", "T", "date", "2026-12-10", "summoned", summoned));
            assertEquals(400, r.status(), summoned + ": " + r.body());
        }
        assertEquals(before, meeting());
    }

    @Test
    void aTextWithACharacterNobodyCanSeeIsRefusedInEveryFieldOfTheEditor() {
        JsonNode before = meeting();
        for (String bad : List.of("A\u0000B", "Nguyễn Văn An\u200B", "\u202EnA náV nễyugN", "A\u0007", "A\u2028B", "A\nB", "A\tB")) {
            Api.Reply details = api.adminPost("/api/admin/meeting/details", Map.of("title", bad, "date", "2026-12-10", "summoned", 40));
            assertEquals(400, details.status(), "title " + RosterEditAttackTest.escape(bad) + ": " + details.body());
            Api.Reply committee = api.adminPost("/api/admin/meeting/committee", Map.of("committee", List.of(
                    Map.of("name", "Phạm Thị Hoa"), Map.of("name", "Đỗ Minh Khang"), Map.of("name", "Vũ Ngọc Lan", "role", bad))));
            assertEquals(400, committee.status(), "role " + RosterEditAttackTest.escape(bad) + ": " + committee.body());
            Map<String, Object> election = Map.of("id", "bau-x", "kind", "election", "title", "Bầu", "seats", 1,
                    "candidates", List.of(Map.of("name", "Nguyễn Văn An"), Map.of("name", bad)));
            Api.Reply poll = api.adminPost("/api/admin/polls", election);
            assertEquals(400, poll.status(), "candidate " + RosterEditAttackTest.escape(bad) + ": " + poll.body());
            assertEquals("invalid_entry", poll.errorCode());
        }
        // half a surrogate pair, as a hostile client writes it (an encoder would have replaced it)
        Api.Reply half = api.postRaw("/api/admin/meeting/details", "{\"title\":\"A\\ud800\",\"date\":\"2026-12-10\",\"summoned\":40}", true);
        assertEquals(400, half.status(), half.body());
        assertEquals(before, meeting(), "nothing changed");
    }

    // --- polls: ids, order, next rounds

    @Test
    void hostilePollIdsAreRefusedAndAPollNamedOrderIsNotConfusedWithTheOrder() {
        JsonNode before = meeting();
        for (String id : List.of("", "..", "TIN-NHIEM", "tin-nhiem ", "tіn-nhiem" /* Cyrillic і */, "tin\u2010nhiem", "a".repeat(64), "a/b", "%2e%2e")) {
            Api.Reply r = api.adminPost("/api/admin/polls", motion(id, "X", false));
            assertTrue(r.status() == 400 || r.status() == 409, RosterEditAttackTest.escape(id) + ": " + r.body());
        }
        assertEquals(before, meeting());
        Api.Reply order = api.adminPost("/api/admin/polls", motion("order", "Một cuộc tên order", false));
        assertNo5xx(order, "order");
        if (order.status() == 201) {
            Api.Reply edit = api.adminPost("/api/admin/polls/order", motion("order", "Sửa", false));
            assertNo5xx(edit, "edit order");
            assertEquals(200, api.adminPost("/api/admin/polls/order/delete", Map.of()).status());
        }
    }

    @Test
    void aReorderOfManyPollsWithLongIdsIsStoredAndAuditedNotA500() {
        List<String> ids = new ArrayList<>();
        meeting().path("polls").forEach(p -> ids.add(p.path("id").asText()));
        for (int i = 0; i < 36; i++) {
            String id = String.format("%02d", i) + "-" + "x".repeat(60);
            assertEquals(201, api.adminPost("/api/admin/polls", motion(id, "Cuộc " + i, false)).status());
            ids.add(id);
        }
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        Api.Reply r = api.adminPost("/api/admin/polls/order", Map.of("ids", reversed));
        assertEquals(200, r.status(), r.body());
        List<String> now = new ArrayList<>();
        meeting().path("polls").forEach(p -> now.add(p.path("id").asText()));
        assertEquals(reversed, now);
        assertTrue(station.station().jdbi().withHandle(h -> new kioskvote.store.AuditDao(h).all()).stream()
                .anyMatch(a -> a.event().equals("polls-reordered")), "the reorder is in the audit log");
    }

    @Test
    void aHugeDraftIsRefusedOrOpensNeverA500() {
        List<Map<String, String>> subjects = new ArrayList<>();
        for (int i = 0; i < 2200; i++) subjects.add(Map.of("name", "N" + i, "position", "P"));
        Map<String, Object> poll = Map.of("id", "rat-lon", "kind", "confidence", "title", "Lớn", "subjects", subjects, "sealed", false);
        Api.Reply r = api.adminPost("/api/admin/polls", poll);
        assertNo5xx(r, "add");
        if (r.status() == 201) {
            assertNo5xx(api.adminPost("/api/admin/polls/rat-lon/open", BELOW_QUORUM), "open");
            assertNo5xx(api.adminGet("/api/admin/meeting.yaml"), "export");
        }
    }

    @Test
    void aNextRoundOfAnElectionWithALongIdCanBeEditedDeletedAndExported() throws Exception {
        String id = "bau-" + "b".repeat(59); // 63 characters: the longest id the loader takes
        Map<String, Object> election = Map.of("id", id, "kind", "election", "title", "Bầu ban", "seats", 1, "sealed", false,
                "candidates", List.of(Map.of("name", "Nguyễn Văn An"), Map.of("name", "Trần Thị Bình")));
        assertEquals(201, api.adminPost("/api/admin/polls", election).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + id + "/open", BELOW_QUORUM).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + id + "/close", Map.of()).status());
        Api.Reply next = api.adminPost("/api/admin/polls/" + id + "/next-round", Map.of());
        assertEquals(201, next.status(), next.body());
        String nextId = next.json().path("pollId").asText();
        assertTrue(nextId.length() <= 63, nextId);
        JsonNode entry = null;
        for (JsonNode p : meeting().path("polls")) if (p.path("id").asText().equals(nextId)) entry = p;
        assertTrue(entry != null, nextId);
        var body = ((com.fasterxml.jackson.databind.node.ObjectNode) entry.deepCopy());
        body.remove("state");
        body.put("title", "Bầu ban (vòng 2, sửa)");
        assertEquals(200, api.adminPost("/api/admin/polls/" + nextId, body).status(), "the next round is a draft like any other");
        startsTheSameMeetingFromTheExport();
        assertEquals(200, api.adminPost("/api/admin/polls/" + nextId + "/delete", Map.of()).status());
        assertTrue(station.station().meeting().poll(nextId).isEmpty());
        Api.Reply again = api.adminPost("/api/admin/polls/" + id + "/next-round", Map.of());
        assertEquals(201, again.status(), "a deleted next round may be added again: " + again.body());
    }

    @Test
    void aNextRoundAddedWhileTheOrganiserReordersIsNeverLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String id = "bau-dua-" + round;
                assertEquals(201, api.adminPost("/api/admin/polls", Map.of("id", id, "kind", "election", "title", "Bầu " + round, "seats", 1,
                        "sealed", false, "candidates", List.of(Map.of("name", "Nguyễn Văn An"), Map.of("name", "Trần Thị Bình")))).status());
                assertEquals(200, api.adminPost("/api/admin/polls/" + id + "/open", BELOW_QUORUM).status());
                assertEquals(200, api.adminPost("/api/admin/polls/" + id + "/close", Map.of()).status());
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<?> reorders = pool.submit(() -> {
                    barrier.await();
                    for (int k = 0; k < 6; k++) {
                        List<String> ids = new ArrayList<>(station.station().meeting().polls().stream().map(Poll::id).toList());
                        java.util.Collections.swap(ids, 0, 1);
                        assertNo5xx(api.adminPost("/api/admin/polls/order", Map.of("ids", ids)), "reorder");
                    }
                    return null;
                });
                Future<Api.Reply> next = pool.submit(() -> {
                    barrier.await();
                    return api.adminPost("/api/admin/polls/" + id + "/next-round", Map.of());
                });
                reorders.get();
                Api.Reply added = next.get();
                assertEquals(201, added.status(), added.body());
                String nextId = added.json().path("pollId").asText();
                assertTrue(station.station().meeting().poll(nextId).isPresent(), "the next round is in the station's meeting: " + nextId);
                assertTrue(station.station().jdbi().withHandle(h -> new MeetingSetupDao(h).pollDefinition(nextId)).isPresent(),
                        "and in the stored meeting: " + nextId);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the export

    @Test
    void textsThatBreakYamlAreExportedSoAFreshStationHoldsTheSameMeeting() throws Exception {
        List<String> nasty = List.of("a: b # c", "---", "\"quoted\" 'single'", "&anchor *anchor", "!!java.lang.Runtime", "NO", "yes", "on",
                "null", "~", "123", "0x1F", "1e3", "2026-12-10", "- item", "{a: b}", "[1, 2]", "| block", "> folded", "%TAG ! tag",
                "@at `tick`", "<script>alert(1)</script>", "Ā\u00A0B", "emoji \uD83D\uDDF3", "...", "? key", "'", "\\");
        Map<String, Object> details = new HashMap<>();
        details.put("title", nasty.get(0));
        details.put("organiser", "yes");
        details.put("date", "2026-12-10");
        details.put("time", "08:30");
        details.put("place", "NO # not a comment");
        details.put("summoned", 40);
        assertEquals(200, api.adminPost("/api/admin/meeting/details", details).status());
        List<Map<String, String>> committee = new ArrayList<>();
        for (int i = 0; i < 3; i++) committee.add(Map.of("name", nasty.get(i + 1), "role", nasty.get(i + 5)));
        assertEquals(200, api.adminPost("/api/admin/meeting/committee", Map.of("committee", committee)).status());
        List<Map<String, String>> candidates = new ArrayList<>();
        for (String n : nasty) candidates.add(Map.of("name", n, "position", n, "unit", n));
        Api.Reply added = api.adminPost("/api/admin/polls", Map.of("id", "bau-yaml", "kind", "election", "title", "on", "seats", 2, "candidates", candidates));
        assertEquals(201, added.status(), added.body());
        Map<String, Object> m = motion("bq-yaml", "~", true);
        m.put("motion", "true");
        m.put("options", Map.of("agree", "yes", "disagree", "no", "abstain", "null"));
        assertEquals(201, api.adminPost("/api/admin/polls", m).status());
        startsTheSameMeetingFromTheExport();
    }

    /** The export, started on a fresh station: the same details, committee, threshold and canonical definitions. */
    private void startsTheSameMeetingFromTheExport() throws Exception {
        Api.Reply yaml = api.adminGet("/api/admin/meeting.yaml");
        assertEquals(200, yaml.status());
        assertFalse(yaml.body().contains(station.passphrase()), "no passphrase in the export");
        assertFalse(yaml.body().contains("jdbc:"), "no database URL in the export");
        Files.writeString(fresh.configDir().resolve("meeting.yaml"), yaml.body());
        var a = station.station().meeting();
        var b = fresh.start().station().meeting();
        assertEquals(a.id(), b.id());
        assertEquals(a.details(), b.details());
        assertEquals(a.committee(), b.committee());
        assertEquals(a.sealThreshold(), b.sealThreshold());
        assertEquals(a.polls().stream().map(PollDefinition::canonicalJson).toList(), b.polls().stream().map(PollDefinition::canonicalJson).toList());
    }

    // --- roles and other sites

    @Test
    void anotherSitesFormsCannotEditTheMeetingWithTheOrganisersCookie() throws Exception {
        String cookie = sessionCookie(station.passphrase());
        JsonNode before = meeting();
        String base = station.url();
        List<Map<String, String>> foreign = List.of(Map.of("Origin", "http://evil.example"), Map.of("Origin", "null"), Map.of(),
                Map.of("Referer", "http://evil.example/page"), Map.of("Origin", base + ".evil.example"));
        for (Map<String, String> headers : foreign) {
            for (String route : List.of("/admin/meeting/details", "/admin/meeting/committee", "/admin/meeting/polls",
                    "/admin/meeting/polls/tin-nhiem", "/admin/meeting/polls/tin-nhiem/delete", "/admin/meeting/polls/tin-nhiem/move")) {
                HttpResponse<String> r = raw(route, "application/x-www-form-urlencoded", "title=Evil&date=2026-12-10&summoned=1&direction=down", cookie, headers);
                assertEquals(403, r.statusCode(), route + " " + headers);
            }
            for (String route : List.of("/api/admin/meeting/details", "/api/admin/polls", "/api/admin/polls/order", "/api/admin/polls/tin-nhiem/delete")) {
                assertEquals(403, raw(route, "text/plain", "{\"title\":\"Evil\",\"date\":\"2026-12-10\",\"summoned\":1}", cookie, headers).statusCode(), route);
            }
        }
        assertEquals(before, meeting(), "nothing changed");
        // a kiosk's cookie is no admin credential
        HttpResponse<String> kiosk = raw("/api/admin/meeting/details", "application/json", "{}", "kv_kiosk=anything", Map.of("Origin", base));
        assertEquals(401, kiosk.statusCode());
    }

    @Test
    void htmlInTitlesAndNamesIsShownAsTextOnEveryPage() throws Exception {
        String evil = "<img src=x onerror=alert(1)>";
        Map<String, Object> m = motion("xss", evil, false);
        m.put("motion", evil);
        assertEquals(201, api.adminPost("/api/admin/polls", m).status());
        assertEquals(200, api.adminPost("/api/admin/meeting/details", Map.of("title", evil, "organiser", evil, "place", evil,
                "date", "2026-12-10", "summoned", 40)).status());
        String cookie = sessionCookie(station.passphrase());
        for (String page : List.of("/admin/meeting", "/admin/meeting?edit=xss", "/admin", "/chair", "/")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.url() + page))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() < 500, page);
            assertFalse(r.body().contains(evil), page + " shows the markup unescaped");
        }
        assertEquals(200, api.adminPost("/api/admin/polls/xss/open", BELOW_QUORUM).status());
        assertEquals(200, api.adminPost("/api/admin/polls/xss/close", Map.of()).status());
        Api.Reply minutes = api.adminGet("/api/admin/polls/xss/minutes");
        assertEquals(200, minutes.status());
        assertFalse(minutes.body().contains(evil), "the printed minutes");
    }

    String sessionCookie(String secret) throws Exception {
        return AdminSession.cookie(station.url(), secret);
    }

    HttpResponse<String> raw(String path, String type, String body, String cookie, Map<String, String> headers) throws Exception {
        return AdminSession.post(station.url(), path, type, body, cookie, headers);
    }
}
