package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.store.BallotDao;

/**
 * The minutes' check of the figures (docs/rules.md, "The figures add up") when more ballots are received than slips
 * were issued: ballots added to the station's database after the count, as someone with write access to it would (the
 * copy of the data that minted its own tokens did the same through the kiosk). Without a roster and with one, on the
 * embedded H2 file; the minutes say "does not hold" and name each rule that fails, with its figures.
 */
class MinutesCheckTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private static final String POLL = "tin-nhiem";
    private static final Map<String, List<String>> ALL_HIGH = Map.of("s1", List.of("high"), "s2", List.of("high"),
            "s3", List.of("high"), "s4", List.of("high"));

    @Test
    void withoutARosterMoreBallotsThanSlipsIssuedFailTheCheckAndTheMinutesSayWhichRule() {
        station.start();
        Api api = station.api();
        List<String> slips = api.issueTokens(3);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        for (String slip : slips) assertEquals(200, api.cast(POLL, slip, ALL_HIGH, Receipts.random()).status());
        assertEquals(200, api.closeCountAndShow(POLL).status());
        JsonNode honest = counts(api);
        assertTrue(honest.path("addsUp").asBoolean(), honest.toString());
        assertEquals(0, honest.path("brokenRules").size());

        addBallots(station, 27); // 30 received: as many as present, 27 more than the 3 slips issued
        JsonNode counts = counts(api);
        assertEquals(30, counts.path("received").asInt());
        assertEquals(3, counts.path("issued").asInt());
        assertFalse(counts.path("addsUp").asBoolean(), counts.toString());
        assertEquals(List.of("RECEIVED_WITHIN_ISSUED"), rules(counts));
        String en = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(en.contains("Check: ballots received ≤ ballots issued; ballots received ≤ people present (when counted) ≤ people summoned: "
                + "<strong>DOES NOT HOLD: the counting committee must check</strong>"), en);
        assertTrue(en.contains("<li>Ballots received (30) are more than the ballots issued (3, voided slips not counted)</li>"), en);
        assertFalse(en.contains("more than the people present"), "30 received of 30 present holds");

        addBallots(station, 37); // 67 received: the figure the copy of the data reached
        assertEquals(List.of("RECEIVED_WITHIN_ISSUED", "RECEIVED_WITHIN_PRESENT"), rules(counts(api)));
        String vi = api.adminGet("/api/admin/polls/" + POLL + "/minutes").body();
        assertTrue(vi.contains("<strong>KHÔNG KHỚP, Ban kiểm phiếu cần kiểm tra</strong>"), vi);
        assertTrue(vi.contains("<li>Số phiếu thu về (67) nhiều hơn số phiếu phát ra (3, không kể phiếu đã hủy)</li>"), vi);
        assertTrue(vi.contains("<li>Số phiếu thu về (67) nhiều hơn số người có mặt (30)</li>"), vi);
    }

    @Test
    void withARosterMoreBallotsThanSlipsIssuedFailTheCheckThoughEveryoneWasHandedOne() throws Exception {
        Files.writeString(station.configDir().resolve("roster.csv"), "name,unit\nPhạm Thị Hoa,Văn phòng Sở\nĐỗ Minh Khang,Thanh tra Sở\n"
                + "Nguyễn Văn An,Phòng Tổ chức cán bộ\n", StandardCharsets.UTF_8);
        station.start();
        Api api = station.api();
        List<String> slips = api.issueTokens(1); // one printed slip ...
        for (JsonNode person : api.adminGet("/api/admin/roster?q=").json().path("people")) { // ... three people handed one
            Api.Reply handed = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", person.path("id").asText(), "pollId", POLL,
                    "kind", "SLIP"));
            assertEquals(200, handed.status(), handed.body());
        }
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        assertEquals(200, api.cast(POLL, slips.get(0), ALL_HIGH, Receipts.random()).status());
        assertEquals(200, api.closeCountAndShow(POLL).status());
        assertTrue(counts(api).path("addsUp").asBoolean(), counts(api).toString());

        addBallots(station, 1); // two ballots from one slip: within the three handed out and present
        JsonNode counts = counts(api);
        assertEquals(3, counts.path("handedOut").asInt(), counts.toString());
        assertEquals(3, counts.path("present").asInt());
        assertEquals(1, counts.path("issued").asInt());
        assertEquals(List.of("RECEIVED_WITHIN_ISSUED"), rules(counts));
        String en = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(en.contains("Check: ballots received ≤ ballots issued; ballots received ≤ people handed a ballot ≤ people present ≤ people "
                + "summoned: <strong>DOES NOT HOLD"), en);
        assertTrue(en.contains("<li>Ballots received (2) are more than the ballots issued (1, voided slips not counted)</li>"), en);

        addBallots(station, 2); // four: more than handed out and present as well
        assertEquals(List.of("RECEIVED_WITHIN_ISSUED", "RECEIVED_WITHIN_PRESENT", "RECEIVED_WITHIN_HANDED_OUT"), rules(counts(api)));
        en = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(en.contains("<li>Ballots received (4) are more than the people handed a ballot (3)</li>"), en);
    }

    /** Ballots written straight into the station's database, copies of one counted ballot with codes of their own. */
    private static void addBallots(StationExtension station, int n) {
        SecureRandom random = new SecureRandom();
        station.station().jdbi().useHandle(h -> {
            BallotDao ballots = new BallotDao(h);
            String answers = ballots.answers(POLL).get(0);
            for (int i = 0; i < n; i++) {
                ballots.insertCountedBallot(random.nextLong() & Long.MAX_VALUE, POLL, ReceiptCode.codeOf(Receipts.random()), answers);
            }
        });
    }

    private static JsonNode counts(Api api) {
        Api.Reply minutes = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json");
        assertEquals(200, minutes.status(), minutes.body());
        return minutes.json().path("counts");
    }

    private static List<String> rules(JsonNode counts) {
        List<String> rules = new ArrayList<>();
        counts.path("brokenRules").forEach(r -> rules.add(r.asText()));
        return rules;
    }
}
