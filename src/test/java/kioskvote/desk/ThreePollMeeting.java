package kioskvote.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import kioskvote.App.Station;
import kioskvote.StationExtension;
import kioskvote.config.MeetingLoader;

/**
 * A meeting of three motions (its own meeting.yaml) with a roster of invented people, on the in-process station
 * of a {@link StationExtension} (its H2 file in the extension's temporary data directory). The desk tests drive
 * it through its services and HTTP.
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

    private final StationExtension extension;
    final Path config;
    final Path data;
    final Station station;

    private ThreePollMeeting(StationExtension extension) {
        this.extension = extension;
        this.config = extension.configDir();
        this.data = extension.dataDir();
        this.station = extension.station();
    }

    /**
     * Writes the meeting and a roster of {@code people} into the station's meeting folder and starts it.
     *
     * @param people invented full names; each one's unit is "Phòng N"
     */
    static ThreePollMeeting start(StationExtension extension, List<String> people) throws IOException {
        Path config = extension.configDir();
        Files.writeString(config.resolve(MeetingLoader.FILE_NAME), MEETING_YAML.formatted(people.size(), PASSPHRASE), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("name,unit\n");
        for (int i = 0; i < people.size(); i++) csv.append(people.get(i)).append(",Phòng ").append(i + 1).append('\n');
        Files.writeString(config.resolve(MeetingLoader.ROSTER_FILE), csv.toString(), StandardCharsets.UTF_8);
        return open(extension);
    }

    /** Starts (again) the station on the meeting folder and the data it has. */
    static ThreePollMeeting open(StationExtension extension) {
        return new ThreePollMeeting(extension.start());
    }

    String url() {
        return extension.url();
    }

    String personId(String name) {
        return station.roster().search(name).stream().filter(p -> p.fullName().equals(name)).findFirst().orElseThrow().id();
    }

    void open(String pollId) {
        station.polls().open(pollId, true);
    }

    /** Stops the station (HTTP and the database); its data stays for a restart. */
    @Override
    public void close() {
        extension.stop();
    }
}
