package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kioskvote.StationExtension;
import kioskvote.config.MeetingConfig;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollKind;

/**
 * GET /api/admin/meeting.yaml, used as the meeting.yaml of a fresh station, starts the same meeting: details,
 * committee, threshold, Wi-Fi, and every poll in order with a byte-identical canonical definition (so the same
 * hash), for every kind, sealed or not, practice, and an election's next round.
 */
class MeetingExportTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();
    /** A fresh station on the meeting.yaml the first one exported. */
    @RegisterExtension
    final StationExtension freshStation = StationExtension.inProcess().startedByTheTest();

    @Test
    void theExportedMeetingYamlStartsAnIdenticalMeetingOnAFreshStation() throws Exception {
        Files.writeString(station.configDir().resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  wifi:\n    name: \"HoiTruong-T3; khách\"\n    password: \"mat-khau: 2026\"\n");
        Meeting edited;
        station.start();
        Api api = station.api();
        // an edit first: from here the database holds the meeting, and the next round is stored in it too
        assertEquals(200, api.postRaw("/api/admin/meeting/details", "{\"title\":\"Hội nghị: \\\"đặc biệt\\\" # 2026\","
                + "\"organiser\":\"Sở Xây dựng\",\"date\":\"2026-12-11\",\"time\":\"8:30\",\"place\":\"yes\",\"summoned\":40}", true).status());
        for (String entry : List.of(
                "{\"id\":\"bo-phieu-thu-2\",\"kind\":\"confidence_vote\",\"practice\":true,\"sealed\":true,\"title\":\"Thử\","
                        + "\"subjects\":[{\"name\":\"Cao Thị Quỳnh\",\"position\":\"true\"}]}",
                "{\"id\":\"sua-quy-che\",\"kind\":\"motion\",\"title\":\"Sửa quy chế\",\"motion\":\"Thông qua: sửa Điều 5\","
                        + "\"base\":\"summoned\",\"passes_with\":\"2/3 or more\",\"pass_base\":\"present\",\"abstentions\":\"not_counted\","
                        + "\"options\":{\"agree\":\"Tán thành\",\"abstain\":\"Không ý kiến\"},\"sealed\":false}",
                "{\"id\":\"y-kien\",\"kind\":\"motion\",\"title\":\"Lấy ý kiến\",\"motion\":\"Không có ngưỡng\",\"base\":\"issued\"}",
                "{\"id\":\"nghi-giai-lao\",\"kind\":\"open_motion\",\"title\":\"Nghỉ giải lao\",\"motion\":\"Nghỉ 15 phút\",\"pass_base\":\"present\"}",
                "{\"id\":\"bau-hdnd\",\"kind\":\"election\",\"title\":\"Bầu\",\"seats\":1,\"majority_of\":\"valid\",\"tie\":\"meeting_decides\","
                        + "\"candidates\":[{\"name\":\"Đinh Văn Sơn\"},{\"name\":\"Mai Thị Tâm\"}]}",
                "{\"id\":\"tin-nhiem-2\",\"kind\":\"confidence\",\"title\":\"Tín nhiệm 2\",\"subjects\":[{\"name\":\"Đinh Văn Sơn\","
                        + "\"position\":\"Trưởng phòng\"},{\"name\":\"Mai Thị Tâm\",\"position\":\"Phó phòng\"}]}")) {
            Api.Reply added = api.postRaw("/api/admin/polls", entry, true);
            assertEquals(201, added.status(), added.body());
        }
        // a next round: one ballot keeps one name of five for three seats; two seats are left
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());
        String token = api.issueTokens(1).get(0);
        assertEquals(200, api.adminPost("/api/admin/polls/bau-cu-bch-cong-doan/open", Map.of()).status());
        Api.Reply cast = api.cast("bau-cu-bch-cong-doan", token, Map.of("election", List.of("c2")), Receipts.random());
        assertEquals(2, cast.status() / 100, cast.body());
        assertEquals(200, api.closeAndCount("bau-cu-bch-cong-doan").status());
        Api.Reply next = api.adminPost("/api/admin/polls/bau-cu-bch-cong-doan/next-round", Map.of());
        assertEquals(201, next.status(), next.body());

        Api.Reply yaml = api.adminGet("/api/admin/meeting.yaml");
        assertEquals(200, yaml.status(), yaml.body());
        assertTrue(yaml.body().contains("Nguyễn Văn An"), "Vietnamese stays readable:\n" + yaml.body());
        Files.writeString(freshStation.configDir().resolve("meeting.yaml"), yaml.body());
        edited = station.station().meeting();

        MeetingConfig loaded = MeetingLoader.load(freshStation.configDir());
        Meeting fresh = loaded.meeting();
        assertEquals(edited.id(), fresh.id());
        assertEquals(edited.details(), fresh.details());
        assertEquals(edited.committee(), fresh.committee());
        assertEquals(edited.sealThreshold(), fresh.sealThreshold());
        assertEquals(edited.polls().stream().map(Poll::id).toList(), fresh.polls().stream().map(Poll::id).toList());
        for (int i = 0; i < edited.polls().size(); i++) {
            assertEquals(PollDefinition.canonicalJson(edited.polls().get(i)), PollDefinition.canonicalJson(fresh.polls().get(i)),
                    "poll " + edited.polls().get(i).id());
        }
        Set<PollKind> kinds = fresh.polls().stream().map(Poll::kind).collect(Collectors.toSet());
        assertEquals(Set.of(PollKind.values()), kinds, "every kind is in the round trip");
        assertTrue(fresh.polls().stream().anyMatch(p -> p.election().map(e -> e.round() == 2).orElse(false)), "with a next round");
        assertTrue(fresh.polls().stream().anyMatch(Poll::practice) && fresh.polls().stream().anyMatch(p -> !p.sealed()));
        assertEquals(station.station().slips().wifi(), loaded.station().wifi(), "the Wi-Fi setting");
        assertTrue(loaded.station().adminPassphrase().isEmpty() && loaded.station().databaseUrl().isEmpty(), "no secret exported");
        freshStation.start();
        JsonNode polls = freshStation.api().adminGet("/api/admin/meeting").json().path("polls");
        assertEquals(edited.polls().size(), polls.size());
        for (int i = 0; i < polls.size(); i++) {
            assertEquals("draft", polls.get(i).path("state").asText(), "a fresh meeting: every poll a draft");
            ObjectNode entry = ((ObjectNode) polls.get(i)).deepCopy();
            entry.remove("state");
            assertEquals(PollDefinition.canonicalJson(edited.polls().get(i)), PollDefinition.canonicalJson(MeetingLoader.readPoll(entry)));
        }
    }
}
