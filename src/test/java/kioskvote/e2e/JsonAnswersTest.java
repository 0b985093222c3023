package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The exact wire form of the answers pages, kiosks and scripts read (docs/api.md): field names, their order, numbers,
 * null and absent fields. Values that differ from run to run (times, hashes, keys, receipt codes, ids) are masked,
 * nothing else: a field renamed, reordered, dropped, turned null or turned into a string fails here.
 */
public class JsonAnswersTest {
    /** Fields whose values change from run to run; their presence, position and JSON type stay checked. */
    private static final Set<String> VARYING = Set.of("keyFingerprint", "definitionHash", "openedAt", "closedAt", "receipt",
            "pollDefinitionHash", "auditHeadHash", "commitmentSha256", "recordHead", "fingerprint", "at", "hash", "detail",
            "receiptCodes", "receipts", "boxPublicKey", "boxSignature", "meetingKey", "batchId", "url", "shortCode", "qrSvg", "ballotPageSha256");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(OpenVoteTest::writeMeeting);
    private Api api;

    @BeforeEach
    void start() {
        api = station.api();
    }

    @Test
    void theMainAnswersKeepTheirExactWireForm() throws Exception {
        Map<String, Api.Reply> answers = new LinkedHashMap<>();
        answers.put("meeting", api.get("/api/meeting"));
        answers.put("present", api.adminPost("/api/admin/present", Map.of("present", 40)));
        List<String> slips = api.issueTokens(3);
        answers.put("open-open-vote", api.adminPost("/api/admin/polls/nghi-giai-lao/open", Map.of()));
        answers.put("open-sealed", api.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", Map.of()));
        answers.put("box", api.get("/api/polls/bieu-quyet-quy-che/box"));
        answers.put("token-check", api.post("/api/polls/nghi-giai-lao/token-check",
                Map.of("slipKey", kioskvote.token.TestSlips.keyOf(slips.get(0)))));
        String receipt = Receipts.random();
        answers.put("cast", api.cast("nghi-giai-lao", slips.get(0), Map.of("motion", List.of("agree")), receipt));
        answers.put("cast-again", api.cast("nghi-giai-lao", slips.get(0), Map.of("motion", List.of("agree")), receipt));
        api.cast("nghi-giai-lao", slips.get(1), Map.of("motion", List.of("disagree")), Receipts.random());
        api.cast("bieu-quyet-quy-che", slips.get(0), Map.of("motion", List.of("agree")), Receipts.random());
        answers.put("refusal", api.cast("nghi-giai-lao", slips.get(0), Map.of("motion", List.of("agree")), Receipts.random()));
        answers.put("poll-open-vote", api.get("/api/polls/nghi-giai-lao"));
        answers.put("polls", api.get("/api/polls"));
        answers.put("close", api.adminPost("/api/admin/polls/bieu-quyet-quy-che/close", Map.of()));
        answers.put("unseal", api.unseal("bieu-quyet-quy-che", Api.sharesOf("bieu-quyet-quy-che").enough()));
        answers.put("show-results", api.adminPost("/api/admin/polls/bieu-quyet-quy-che/show-results", Map.of()));
        answers.put("results", api.get("/api/polls/bieu-quyet-quy-che/results"));
        answers.put("results-en", api.get("/api/polls/bieu-quyet-quy-che/results?lang=en"));
        answers.put("receipts", api.get("/api/polls/bieu-quyet-quy-che/receipts"));
        answers.put("ballots", api.get("/api/polls/bieu-quyet-quy-che/ballots"));
        answers.put("minutes", api.adminGet("/api/admin/polls/bieu-quyet-quy-che/minutes.json"));
        api.closeCountAndShow("nghi-giai-lao");
        answers.put("results-open-vote", api.get("/api/polls/nghi-giai-lao/results"));
        answers.put("ballot-page", api.get("/api/ballot-page"));
        answers.put("batches", api.adminGet("/api/admin/slips"));
        answers.put("void", api.adminPost("/api/admin/slips/void", Map.of("code", kioskvote.token.TestSlips.keyOf(slips.get(2)))));
        answers.put("staff-set", api.adminPost("/api/admin/staff/chair", Map.of("secret", "mot hai ba bon nam sau")));
        answers.put("staff-remove", api.adminPost("/api/admin/staff/chair/remove", Map.of()));
        answers.put("admin-meeting", api.adminGet("/api/admin/meeting"));
        answers.put("add-poll", api.adminPost("/api/admin/polls", Map.of("id", "ke-hoach", "kind", "motion", "title", "Kế hoạch",
                "motion", "Thông qua kế hoạch năm 2027")));
        answers.put("delete-poll", api.adminPost("/api/admin/polls/ke-hoach/delete", Map.of()));
        dump(answers);

        for (String name : List.of("cast", "cast-again", "refusal", "polls", "poll-open-vote", "open-sealed", "unseal", "results",
                "results-en", "results-open-vote", "meeting", "admin-meeting", "box", "receipts", "ballots", "ballot-page")) {
            assertWire(name, answers.get(name));
        }
    }

    @Test
    void theRosterDeskElectionAndEditorAnswersKeepTheirWireForm() throws Exception {
        Map<String, Api.Reply> answers = new LinkedHashMap<>();
        answers.put("roster-import", importCsv("name,unit\nNguyễn Văn An,Phòng Tài chính\nTrần Thị Bình,Văn phòng Sở\n"
                + "Lê Hoàng Cường,Thanh tra Sở\n,Văn phòng Sở\n"));
        answers.put("roster-search", api.adminGet("/api/admin/roster?q=nguyen"));
        String an = answers.get("roster-search").json().path("people").get(0).path("id").asText();
        String binh = api.adminGet("/api/admin/roster?q=binh").json().path("people").get(0).path("id").asText();
        String cuong = api.adminGet("/api/admin/roster?q=cuong").json().path("people").get(0).path("id").asText();
        answers.put("roster-person", api.adminGet("/api/admin/roster/" + an));
        answers.put("roster-present", api.adminPost("/api/admin/roster/" + an + "/present", Map.of("present", true)));
        answers.put("roster-add", api.adminPost("/api/admin/roster/people", Map.of("name", "Nguyễn Thị Mai", "unit", "Phòng Tài chính")));
        String mai = answers.get("roster-add").json().path("id").asText();
        answers.put("roster-correct", api.adminPost("/api/admin/roster/" + mai, Map.of("unit", "Văn phòng Sở")));
        answers.put("roster-remove", api.adminPost("/api/admin/roster/" + mai + "/remove", Map.of()));
        answers.put("hand-out-slip", api.adminPost("/api/admin/desk/hand-out", Map.of("personId", binh, "pollId", ELECTION, "kind", "SLIP")));
        answers.put("undo", api.adminPost("/api/admin/desk/undo", Map.of("personId", binh)));
        answers.put("hand-out-kiosk-voter", api.adminPost("/api/admin/desk/hand-out", Map.of("personId", cuong, "pollId", ELECTION, "kind", "KIOSK")));
        answers.put("desk-kiosks", api.adminGet("/api/admin/desk/kiosks"));
        answers.put("open-election", api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of("confirmBelowQuorum", true)));
        answers.put("hand-out-qr", api.adminPost("/api/admin/desk/hand-out", Map.of("personId", an, "pollId", ELECTION, "kind", "QR")));
        List<String> slips = api.issueTokens(3);
        slips.set(0, kioskvote.token.TestSlips.secretOf(answers.get("hand-out-qr").json().path("slip").path("url").asText()));
        List<List<String>> marks = List.of(List.of("c1", "c2"), List.of("c1", "c2"), List.of("c1", "c3"));
        for (int i = 0; i < slips.size(); i++) api.cast(ELECTION, slips.get(i), Map.of("election", marks.get(i)), Receipts.random());
        api.closeCountAndShow(ELECTION);
        answers.put("results-election", api.get("/api/polls/" + ELECTION + "/results?lang=en"));
        answers.put("next-round", api.adminPost("/api/admin/polls/" + ELECTION + "/next-round", Map.of()));
        answers.put("details", api.adminPost("/api/admin/meeting/details", Map.of("title", "Hội nghị thử", "summoned", 41)));
        answers.put("committee", api.adminPost("/api/admin/meeting/committee", Map.of("committee",
                List.of(Map.of("name", "Phạm Thị Hoa", "role", "Trưởng ban"), Map.of("name", "Đỗ Minh Khang", "role", "Thành viên")),
                "seal", Map.of("threshold", 2))));
        answers.put("reorder", api.adminPost("/api/admin/polls/order", Map.of("ids", List.of("tin-nhiem", "bieu-quyet-quy-che",
                "bo-phieu-tin-nhiem", ELECTION, ELECTION + "-vong-2", "bo-phieu-thu", "nghi-giai-lao", "bieu-quyet-kin"))));
        dump(answers);
    }

    private static final String ELECTION = "bau-cu-bch-cong-doan";

    private Api.Reply importCsv(String csv) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(station.url() + "/api/admin/roster/import"))
                .header("Authorization", "Bearer " + station.passphrase()).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), Api.JSON.readTree(response.body()), response.body());
    }

    /** With -Dkv.wire.dump=DIR each answer is written to DIR/NAME.json as it came (to compare two versions of the station). */
    private static void dump(Map<String, Api.Reply> answers) throws Exception {
        String dir = System.getProperty("kv.wire.dump");
        if (dir == null) return;
        Files.createDirectories(Path.of(dir));
        for (var answer : answers.entrySet()) {
            Files.writeString(Path.of(dir, answer.getKey() + ".json"), answer.getValue().status() + " " + answer.getValue().body(),
                    StandardCharsets.UTF_8);
            if (answer.getValue().json() != null) {
                Files.writeString(Path.of(dir, answer.getKey() + ".masked"), masked(answer.getValue()), StandardCharsets.UTF_8);
            }
        }
    }

    /** The answer, VARYING values masked and printed one field a line, equals wire/NAME.json beside this class. */
    private static void assertWire(String name, Api.Reply reply) throws Exception {
        String expected;
        try (var in = JsonAnswersTest.class.getResourceAsStream("wire/" + name + ".json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected.strip(), masked(reply), name + ": " + reply.body());
    }

    private static String masked(Api.Reply reply) throws Exception {
        JsonNode json = mask(Api.JSON.readTree(reply.body()));
        return reply.status() + "\n" + Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getKey().equals("auditLog") && field.getValue() instanceof ArrayNode log) {
                    while (log.size() > 1) log.remove(1); // the events of a run belong to other tests; one line shows the shape
                }
                if (VARYING.contains(field.getKey()) && field.getValue() instanceof ArrayNode values) {
                    for (int i = 0; i < values.size(); i++) values.set(i, TextNode.valueOf("…"));
                } else if (VARYING.contains(field.getKey()) && !field.getValue().isNull() && !field.getValue().isContainerNode()) {
                    field.setValue(TextNode.valueOf(field.getValue().isTextual() ? "…" : "#"));
                } else {
                    mask(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonAnswersTest::mask);
        }
        return node;
    }
}
