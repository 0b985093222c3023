package kioskvote.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.Javalin;

import kioskvote.App;
import kioskvote.config.MeetingConfig;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;
import kioskvote.App.Station;

/**
 * The whole station in this JVM, as {@code serve} builds it ({@link App#open} and {@link App#serve}) on a
 * free loopback port: a second or so to start instead of a JVM's several. Close it after the test.
 */
public final class InProcessStation implements RunningStation {
    /** The address printed on slips, as the process tests give it with --base-url. */
    public static final String SLIP_BASE_URL = "http://127.0.0.1:7070";
    private static final Pattern PASSPHRASE = Pattern.compile("Admin passphrase \\(shown once, write it down\\): (\\S+)");

    private final Station station;
    private final Javalin http;
    private final String passphrase;
    private final ByteArrayOutputStream printed;

    private InProcessStation(Station station, Javalin http, String passphrase, ByteArrayOutputStream printed) {
        this.station = station;
        this.http = http;
        this.passphrase = passphrase;
        this.printed = printed;
    }

    /** The meeting in {@code configDir}, its H2 file and key in {@code dataDir}. */
    public static InProcessStation start(Path configDir, Path dataDir) {
        return start(configDir, dataDir, Optional.empty());
    }

    /** The same with the data in another database (a PostgreSQL URL from {@link PostgresCluster#newDatabase()}). */
    public static InProcessStation start(Path configDir, Path dataDir, Optional<String> jdbcUrl) {
        MeetingConfig config = MeetingLoader.load(configDir);
        var settings = new App.Settings(config, dataDir, dataDir, jdbcUrl.orElse(Database.h2Url(dataDir)), SLIP_BASE_URL);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Station station = App.open(settings, Clock.systemUTC(), new SecureRandom(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Javalin http;
        try {
            http = App.serve(station, 0);
        } catch (RuntimeException e) {
            Database.close(station.jdbi());
            throw e;
        }
        Matcher m = PASSPHRASE.matcher(printed.toString(StandardCharsets.UTF_8));
        return new InProcessStation(station, http, m.find() ? m.group(1) : null, printed);
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + http.port();
    }

    /** The passphrase printed at the first start (null on later starts: it is shown once). */
    @Override
    public String passphrase() {
        return passphrase;
    }

    /** The services behind the routes, for a test that checks the database directly. */
    public Station station() {
        return station;
    }

    /** The HTTP server's connectors, for a test that checks how connections are configured. */
    public List<org.eclipse.jetty.server.Connector> connectors() {
        return List.of(http.jettyServer().server().getConnectors());
    }

    /** What the station printed on its terminal. */
    public List<String> output() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Stops HTTP and closes the database (the H2 file is released). */
    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            Database.close(station.jdbi());
        }
    }
}
