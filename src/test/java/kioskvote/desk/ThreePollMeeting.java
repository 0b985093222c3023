package kioskvote.desk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import kioskvote.App;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;
import kioskvote.App.Station;

/**
 * An in-process station for a meeting of three motions (its own meeting.yaml), with a roster of invented
 * people, its H2 file in a temporary data directory. The desk tests drive it through its services and HTTP.
 */
final class ThreePollMeeting implements AutoCloseable {
    static final String PASSPHRASE = "desk-test-passphrase-1234";
    static final List<String> POLLS = List.of("quy-che", "ke-hoach", "ngan-sach");
    static final Map<String, List<String>> AGREE = Map.of("motion", List.of("agree"));

    static final String MEETING_YAML = """
            meeting:
              id: hoi-nghi-ba-bieu-quyet
              title: Hội nghị thử ba cuộc biểu quyết
              organiser: Sở Thử nghiệm
              date: 2026-12-10
              time: "08:30"
              place: Phòng họp số 2
              summoned: %d
            committee:
              - name: Phạm Thị Hoa
                role: Trưởng ban kiểm phiếu
            station:
              admin_passphrase: %s
            polls:
              - id: quy-che
                kind: motion
                title: Biểu quyết Quy chế làm việc
                motion: Thông qua Quy chế làm việc
                base: received
              - id: ke-hoach
                kind: motion
                title: Biểu quyết Kế hoạch năm
                motion: Thông qua Kế hoạch năm
                base: received
              - id: ngan-sach
                kind: motion
                title: Biểu quyết Dự toán ngân sách
                motion: Thông qua Dự toán ngân sách
                base: received
            """;

    final Path config;
    final Path data;
    final Station station;
    final Javalin http;

    private ThreePollMeeting(Path config, Path data, Station station, Javalin http) {
        this.config = config;
        this.data = data;
        this.station = station;
        this.http = http;
    }

    /** @param people invented full names; each one's unit is "Phòng N" */
    static ThreePollMeeting start(Path dir, List<String> people) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path data = dir.resolve("data");
        Files.writeString(config.resolve(MeetingLoader.FILE_NAME), MEETING_YAML.formatted(people.size(), PASSPHRASE), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("name,unit\n");
        for (int i = 0; i < people.size(); i++) csv.append(people.get(i)).append(",Phòng ").append(i + 1).append('\n');
        Files.writeString(config.resolve(MeetingLoader.ROSTER_FILE), csv.toString(), StandardCharsets.UTF_8);
        return open(config, data);
    }

    static ThreePollMeeting open(Path config, Path data) throws IOException {
        Files.createDirectories(data);
        var settings = new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:7070");
        Station station = App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new ThreePollMeeting(config, data, station, App.serve(station, 0));
    }

    String url() {
        return "http://127.0.0.1:" + http.port();
    }

    String personId(String name) {
        return station.roster().search(name).stream().filter(p -> p.fullName().equals(name)).findFirst().orElseThrow().id();
    }

    void open(String pollId) {
        station.polls().open(pollId, true);
    }

    @Override
    public void close() {
        http.stop();
    }
}
