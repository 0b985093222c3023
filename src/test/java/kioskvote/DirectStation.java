package kioskvote;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kioskvote.config.MeetingLoader;
import kioskvote.slip.Slip;
import kioskvote.store.Database;
import kioskvote.App.Station;

/**
 * The station's services as {@link App#open} wires them, on a real database in a temporary directory,
 * with no HTTP: for tests that call the ballot box, the poll lifecycle or the slip office directly.
 */
public final class DirectStation implements AutoCloseable {
    public static final Path DEMO = Path.of("kiosk-config/demo");

    private final Station station;
    private final Path dataDir;

    private DirectStation(Station station, Path dataDir) {
        this.station = station;
        this.dataDir = dataDir;
    }

    /** The demo meeting on an H2 file in {@code dataDir}. */
    public static DirectStation open(Path dataDir) {
        return open(DEMO, dataDir, Optional.empty());
    }

    /** A meeting folder on an H2 file in {@code dataDir}, or on {@code jdbcUrl} when given. */
    public static DirectStation open(Path configDir, Path dataDir, Optional<String> jdbcUrl) {
        var settings = new App.Settings(MeetingLoader.load(configDir), dataDir, dataDir,
                jdbcUrl.orElse(Database.h2Url(dataDir)), "http://127.0.0.1:7070");
        return new DirectStation(App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(OutputStream.nullOutputStream())),
                dataDir);
    }

    public Station station() {
        return station;
    }

    /** Where the meeting key is. */
    public Path dataDir() {
        return dataDir;
    }

    /** Prints a run of {@code count} slips and returns their tokens, as encoded in the slips' URLs. */
    public List<String> issueTokens(int count) {
        return station.slips().issue(count, "test", station.publicBaseUrl()).slips().stream()
                .map(Slip::url).map(url -> kioskvote.token.TestSlips.secretOf(url)).toList();
    }

    @Override
    public void close() {
        Database.close(station.jdbi());
    }
}
