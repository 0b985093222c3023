package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The meeting editor through its API (docs/api.md, "The meeting editor"): organiser only, every malformed body a
 * 4xx with nothing changed, drafts only, order and deletion, a motion added mid-meeting then opened, voted and
 * counted, the committee kept for the cards of a sealed poll, and every change read back after a restart on
 * the same H2 file. Each test starts its own station from the demo meeting.
 */
class MeetingEditorTest {
    static final String MOTION = "{\"id\":\"ke-hoach\",\"kind\":\"motion\",\"title\":\"Biểu quyết kế hoạch năm 2027\","
            + "\"motion\":\"Thông qua kế hoạch công tác năm 2027\",\"base\":\"received\",\"passes_with\":\"more than 1/2\"}";
    static final String CHAIR_SECRET = "chu-toa-bi-mat-2026";
    static final String CLERK_SECRET = "ban-don-tiep-2026";

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    private Api api;
    private String passphrase;

    @BeforeEach
    void start() throws Exception {
        api = station.api();
        passphrase = station.passphrase();
    }

    private JsonNode meeting() {
        Api.Reply reply = api.adminGet("/api/admin/meeting");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private List<String> pollIds() {
        List<String> ids = new ArrayList<>();
        meeting().path("polls").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    @Test
    void everyEditorRouteIsRefusedToAnyoneTheChairAndTheDeskClerkAndNothingChanges() {
        assertEquals(200, api.adminPost("/api/admin/staff/chair", Map.of("secret", CHAIR_SECRET)).status());
        assertEquals(200, api.adminPost("/api/admin/staff/desk_clerk", Map.of("secret", CLERK_SECRET)).status());
        JsonNode before = meeting();
        Api anyone = new Api(station.url(), "not-a-passphrase-at-all");
        Api chair = new Api(station.url(), CHAIR_SECRET);
        Api clerk = new Api(station.url(), CLERK_SECRET);
        List<String> gets = List.of("/api/admin/meeting", "/api/admin/meeting.yaml");
        Map<String, String> posts = Map.of(
                "/api/admin/meeting/details", "{\"title\":\"Khác\",\"date\":\"2026-12-11\",\"summoned\":5}",
                "/api/admin/meeting/committee", "{\"committee\":[{\"name\":\"Ai đó\"}]}",
                "/api/admin/polls", MOTION,
                "/api/admin/polls/tin-nhiem", "{}",
                "/api/admin/polls/tin-nhiem/delete", "{}",
                "/api/admin/polls/order", "{\"ids\":[]}");
        for (String path : gets) {
            assertEquals(401, station.anonymousApi().get(path).status(), "no credential: " + path);
            assertEquals(401, anyone.adminGet(path).status(), "a wrong passphrase: " + path);
            assertEquals(403, chair.adminGet(path).status(), "the chair: " + path);
            assertEquals(403, clerk.adminGet(path).status(), "the desk clerk: " + path);
        }
        posts.forEach((path, body) -> {
            assertEquals(401, station.anonymousApi().postRaw(path, body, false).status(), "no credential: " + path);
            assertEquals(401, anyone.postRaw(path, body, true).status(), "a wrong passphrase: " + path);
            assertEquals(403, chair.postRaw(path, body, true).status(), "the chair: " + path);
            assertEquals(403, clerk.postRaw(path, body, true).status(), "the desk clerk: " + path);
        });
        assertEquals(before, meeting(), "nothing changed");
    }

    @Test
    void everyMalformedBodyIsA4xxNamingTheProblemAndChangesNothing() {
        JsonNode before = meeting();
        record Bad(String path, String body, int status, String code, String words) {
        }
        List<Bad> bad = List.of(
                new Bad("/api/admin/polls", "not json", 400, "bad_json", ""),
                new Bad("/api/admin/polls", "[1,2]", 400, "bad_json", ""),
                new Bad("/api/admin/polls", "{\"id\":\"a\",\"id\":\"b\"}", 400, "bad_json", ""),
                new Bad("/api/admin/polls", "{\"kind\":\"motion\",\"title\":\"x\",\"motion\":\"y\"}", 400, "invalid_entry", "\"id\""),
                new Bad("/api/admin/polls", "{\"id\":\"Ke Hoach\",\"kind\":\"motion\",\"title\":\"x\",\"motion\":\"y\"}", 400, "invalid_entry", "lowercase"),
                new Bad("/api/admin/polls", "{\"id\":\"x\",\"kind\":\"referendum\",\"title\":\"x\"}", 400, "invalid_entry", "confidence, confidence_vote, motion, election or open_motion"),
                new Bad("/api/admin/polls", MOTION.replace("more than 1/2", "half"), 400, "invalid_entry", "passes_with"),
                new Bad("/api/admin/polls", MOTION.replace("\"received\"", "\"everyone\""), 400, "invalid_entry", "\"base\""),
                new Bad("/api/admin/polls", MOTION.replace("}", ",\"sealed\":\"yes\"}"), 400, "invalid_entry", "sealed"),
                new Bad("/api/admin/polls", "{\"id\":\"bau\",\"kind\":\"election\",\"title\":\"Bầu\",\"seats\":0,\"candidates\":[{\"name\":\"A\"}]}", 400, "invalid_entry", "seats"),
                new Bad("/api/admin/polls", "{\"id\":\"bau\",\"kind\":\"election\",\"title\":\"Bầu\",\"seats\":1,\"candidates\":[]}", 400, "invalid_entry", "candidates"),
                new Bad("/api/admin/polls", "{\"id\":\"tn\",\"kind\":\"confidence\",\"title\":\"T\",\"subjects\":[{\"name\":\"A\"}]}", 400, "invalid_entry", "subjects[0].position"),
                new Bad("/api/admin/polls", MOTION.replace("ke-hoach", "tin-nhiem"), 409, "poll_id_taken", "tin-nhiem"),
                new Bad("/api/admin/polls/tin-nhiem", MOTION, 400, "poll_id_mismatch", ""),
                new Bad("/api/admin/polls/khong-co", MOTION, 404, "poll_not_in_meeting", "khong-co"),
                new Bad("/api/admin/polls/khong-co/delete", "", 404, "poll_not_in_meeting", "khong-co"),
                new Bad("/api/admin/meeting/details", "{\"title\":\"T\",\"date\":\"10/12/2026\",\"summoned\":40}", 400, "invalid_entry", "date"),
                new Bad("/api/admin/meeting/details", "{\"title\":\"T\",\"date\":\"2026-12-10\",\"summoned\":\"40\"}", 400, "invalid_entry", "summoned"),
                new Bad("/api/admin/meeting/details", "{\"title\":\"\",\"date\":\"2026-12-10\",\"summoned\":40}", 400, "invalid_entry", "title"),
                new Bad("/api/admin/meeting/details", "{\"id\":\"khac\",\"title\":\"T\",\"date\":\"2026-12-10\",\"summoned\":40}", 400, "meeting_id_read_only", ""),
                new Bad("/api/admin/meeting/committee", "{\"committee\":{\"name\":\"A\"}}", 400, "invalid_entry", "committee"),
                new Bad("/api/admin/meeting/committee", "{\"committee\":[{\"role\":\"Thành viên\"}]}", 400, "invalid_entry", "committee[0].name"),
                new Bad("/api/admin/meeting/committee", "{\"committee\":[{\"name\":\"A\"}],\"seal\":{\"threshold\":2}}", 400, "invalid_entry", "seal.threshold"),
                new Bad("/api/admin/meeting/committee", "{\"committee\":[]}", 400, "invalid_entry", "sealed"),
                new Bad("/api/admin/meeting/committee", "{\"members\":[]}", 400, "bad_json", ""),
                new Bad("/api/admin/polls/order", "{\"ids\":\"tin-nhiem\"}", 400, "wrong_type", ""),
                new Bad("/api/admin/polls/order", "{\"ids\":[\"tin-nhiem\"]}", 400, "order_incomplete", ""),
                new Bad("/api/admin/polls/order", "{}", 400, "missing_field", ""));
        for (Bad b : bad) {
            Api.Reply reply = api.postRaw(b.path(), b.body(), true);
            assertEquals(b.status(), reply.status(), b.path() + " " + b.body() + ": " + reply.body());
            assertEquals(b.code(), reply.errorCode(), b.body());
            String en = reply.json().path("error").path("message").path("en").asText();
            assertTrue(en.contains(b.words()), "the words name the problem (" + b.words() + "): " + en);
            assertFalse(reply.json().path("error").path("message").path("vi").asText().isBlank(), "and say it in Vietnamese");
        }
        List<String> all = new ArrayList<>(pollIds());
        all.add(all.get(0));
        assertEquals(400, api.adminPost("/api/admin/polls/order", Map.of("ids", all)).status(), "a poll twice");
        all.remove(all.size() - 1);
        all.set(0, "khong-co");
        assertEquals(400, api.adminPost("/api/admin/polls/order", Map.of("ids", all)).status(), "an unknown poll");
        assertEquals(before, meeting(), "nothing changed");
    }

    @Test
    void draftsAreEditedAndDeletedButAnOpenedPollIsFrozenWithItsHash() throws Exception {
        Api.Reply changed = api.postRaw("/api/admin/polls/bieu-quyet-quy-che", MOTION.replace("ke-hoach", "bieu-quyet-quy-che")
                .replace("more than 1/2", "2/3 or more"), true);
        assertEquals(200, changed.status(), changed.body());
        JsonNode motion = meeting().path("polls").get(1);
        assertEquals("2/3 or more", motion.path("passes_with").asText());
        assertEquals("Thông qua kế hoạch công tác năm 2027", motion.path("motion").asText());

        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        Api.Reply opened = api.adminPost("/api/admin/polls/bo-phieu-thu/open", Map.of());
        assertEquals(200, opened.status(), opened.body());
        String hash = opened.json().path("definitionHash").asText();
        assertFalse(hash.isEmpty(), opened.body());
        String practice = "{\"id\":\"bo-phieu-thu\",\"kind\":\"motion\",\"title\":\"Thử lại\",\"motion\":\"Nghỉ giải lao\"}";
        Api.Reply edit = api.postRaw("/api/admin/polls/bo-phieu-thu", practice, true);
        assertEquals(409, edit.status(), edit.body());
        assertEquals("poll_frozen", edit.errorCode());
        assertTrue(edit.body().contains(hash), "the refusal names the definition hash: " + edit.body());
        Api.Reply delete = api.adminPost("/api/admin/polls/bo-phieu-thu/delete", Map.of());
        assertEquals(409, delete.status(), delete.body());
        assertEquals("poll_frozen", delete.errorCode());
        assertEquals(hash, api.get("/api/polls/bo-phieu-thu").json().path("definitionHash").asText(), "still the same definition");

        Api.Reply deleted = api.adminPost("/api/admin/polls/bo-phieu-tin-nhiem/delete", Map.of());
        assertEquals(200, deleted.status(), deleted.body());
        assertFalse(pollIds().contains("bo-phieu-tin-nhiem"));
        assertEquals(404, api.get("/api/polls/bo-phieu-tin-nhiem").status(), "gone from the chair's list too");
    }

    @Test
    void pollsAreReorderedForEveryScreenAndTheLastOneIsNeverDeleted() {
        List<String> ids = new ArrayList<>(pollIds());
        java.util.Collections.reverse(ids);
        Api.Reply reordered = api.adminPost("/api/admin/polls/order", Map.of("ids", ids));
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals(ids, pollIds());
        List<String> chairOrder = new ArrayList<>();
        api.get("/api/polls").json().path("polls").forEach(p -> chairOrder.add(p.path("pollId").asText(p.path("id").asText())));
        assertEquals(ids, chairOrder, "the chair's screen lists them in the new order");
        for (int i = 0; i < ids.size() - 1; i++) {
            assertEquals(200, api.adminPost("/api/admin/polls/" + ids.get(i) + "/delete", Map.of()).status());
        }
        Api.Reply last = api.adminPost("/api/admin/polls/" + ids.get(ids.size() - 1) + "/delete", Map.of());
        assertEquals(409, last.status(), last.body());
        assertEquals("last_poll", last.errorCode());
        assertEquals(List.of(ids.get(ids.size() - 1)), pollIds());
    }

    @Test
    void aMotionAddedDuringTheMeetingIsOpenedVotedAndCountedWithoutARestart() {
        Api.Reply added = api.postRaw("/api/admin/polls", MOTION, true);
        assertEquals(201, added.status(), added.body());
        assertEquals("ke-hoach", added.json().path("id").asText());
        assertEquals("draft", api.get("/api/polls/ke-hoach").json().path("state").asText());
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        List<String> tokens = api.issueTokens(3);
        Api.Reply opened = api.adminPost("/api/admin/polls/ke-hoach/open", Map.of());
        assertEquals(200, opened.status(), opened.body());
        assertTrue(opened.json().path("sealed").asBoolean(), "a real motion is sealed by default");
        List<String> marks = List.of("agree", "agree", "disagree");
        for (int i = 0; i < tokens.size(); i++) {
            Api.Reply cast = api.cast("ke-hoach", tokens.get(i), Map.of("motion", List.of(marks.get(i))), Receipts.random());
            assertEquals(201 / 100, cast.status() / 100, cast.body());
        }
        Api.Reply closed = api.closeCountAndShow("ke-hoach");
        assertEquals(200, closed.status(), closed.body());
        Api.Reply results = api.get("/api/polls/ke-hoach/results");
        assertEquals(200, results.status(), results.body());
        assertTrue(results.body().contains("agree"), results.body());
        Api.Reply refused = api.postRaw("/api/admin/polls/ke-hoach/delete", "", true);
        assertEquals(409, refused.status());
    }

    @Test
    void theCommitteeHoldingTheCardsOfAnUncountedSealedPollStaysButMayGrow() {
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
        Api.Reply removed = api.postRaw("/api/admin/meeting/committee",
                "{\"committee\":[{\"name\":\"Phạm Thị Hoa\"},{\"name\":\"Đỗ Minh Khang\"}]}", true);
        assertEquals(409, removed.status(), removed.body());
        assertEquals("committee_holds_cards", removed.errorCode());
        assertTrue(removed.body().contains("tin-nhiem"), removed.body());
        Api.Reply reordered = api.postRaw("/api/admin/meeting/committee",
                "{\"committee\":[{\"name\":\"Đỗ Minh Khang\"},{\"name\":\"Phạm Thị Hoa\"},{\"name\":\"Vũ Ngọc Lan\"}]}", true);
        assertEquals(409, reordered.status(), reordered.body());
        Api.Reply grown = api.postRaw("/api/admin/meeting/committee", "{\"committee\":[{\"name\":\"Phạm Thị Hoa\",\"role\":\"Trưởng ban\"},"
                + "{\"name\":\"Đỗ Minh Khang\"},{\"name\":\"Vũ Ngọc Lan\"},{\"name\":\"Trương Văn Phúc\",\"role\":\"Thành viên\"}],"
                + "\"seal\":{\"threshold\":3}}", true);
        assertEquals(200, grown.status(), grown.body());
        assertEquals(4, grown.json().path("committee").size());
        assertEquals(3, grown.json().path("seal").path("threshold").asInt());
        assertEquals("Trưởng ban", grown.json().path("committee").get(0).path("role").asText());
        // the poll opened with 2 of 3: its box still opens with two of the cards dealt then
        Api.Reply closed = api.closeAndCount("tin-nhiem");
        assertEquals(200, closed.status(), closed.body());
        Api.Reply removedNow = api.postRaw("/api/admin/meeting/committee", "{\"committee\":[{\"name\":\"Trương Văn Phúc\"}],\"seal\":{\"threshold\":1}}", true);
        assertEquals(200, removedNow.status(), "once counted, the cards are spent: " + removedNow.body());
    }

    @Test
    void everyChangeSurvivesARestartOnTheSameH2FileAndAnOpenedPollKeepsItsHash() throws Exception {
        assertEquals(200, api.postRaw("/api/admin/meeting/details", "{\"title\":\"Hội nghị cán bộ công chức Sở Xây dựng 2026\","
                + "\"organiser\":\"Sở Xây dựng\",\"date\":\"2026-12-11\",\"time\":\"14:00\",\"place\":\"Phòng họp số 2\",\"summoned\":35}", true).status());
        assertEquals(200, api.postRaw("/api/admin/meeting/committee", "{\"committee\":[{\"name\":\"Phạm Thị Hoa\",\"role\":\"Trưởng ban\"},"
                + "{\"name\":\"Vũ Ngọc Lan\",\"role\":\"Thư ký\"}],\"seal\":{\"threshold\":1}}", true).status());
        assertEquals(201, api.postRaw("/api/admin/polls", MOTION, true).status());
        assertEquals(200, api.postRaw("/api/admin/polls/bo-phieu-thu", "{\"id\":\"bo-phieu-thu\",\"kind\":\"confidence_vote\",\"practice\":true,"
                + "\"title\":\"Thử\",\"subjects\":[{\"name\":\"Cao Thị Quỳnh\",\"position\":\"Chuyên viên\"}]}", true).status());
        assertEquals(200, api.adminPost("/api/admin/polls/bau-cu-bch-cong-doan/delete", Map.of()).status());
        List<String> order = new ArrayList<>(List.of("ke-hoach", "bo-phieu-thu", "tin-nhiem", "bieu-quyet-quy-che", "bo-phieu-tin-nhiem"));
        assertEquals(200, api.adminPost("/api/admin/polls/order", Map.of("ids", order)).status());
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 35)).status());
        Api.Reply opened = api.adminPost("/api/admin/polls/ke-hoach/open", Map.of());
        assertEquals(200, opened.status(), opened.body());
        String hash = opened.json().path("definitionHash").asText();
        JsonNode before = meeting();

        station.restart();
        api = new Api(station.url(), passphrase);
        assertEquals(before, meeting(), "the meeting as edited, after the restart");
        assertEquals(order, pollIds());
        assertEquals(hash, api.get("/api/polls/ke-hoach").json().path("definitionHash").asText());
        assertEquals("open", api.get("/api/polls/ke-hoach").json().path("state").asText());
        assertTrue(station.output().stream().noneMatch(l -> l.contains("admin pages' version")), "meeting.yaml did not change: " + station.output());

        station.stop();
        Path meetingYaml = station.configDir().resolve("meeting.yaml");
        Files.writeString(meetingYaml, Files.readString(meetingYaml).replace("summoned: 40", "summoned: 41"));
        station.start();
        api = new Api(station.url(), passphrase);
        assertEquals(before, meeting(), "the admin pages' version is still the meeting");
        List<String> said = station.output().stream().filter(l -> l.contains("admin pages' version is used")).toList();
        assertEquals(1, said.size(), "one line says which version is used and how to export it: " + station.output());
        assertTrue(said.get(0).contains("/api/admin/meeting.yaml"), said.get(0));
    }
}
