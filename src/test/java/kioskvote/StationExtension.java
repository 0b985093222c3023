package kioskvote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import kioskvote.App.Station;
import kioskvote.e2e.Api;
import kioskvote.e2e.PostgresCluster;

/**
 * Hands a test its station, as a JUnit 5 extension on a field:
 * <pre>
 * {@literal @}RegisterExtension static final StationExtension STATION = StationExtension.inProcess();   // one for the class
 * {@literal @}RegisterExtension final StationExtension station = StationExtension.inProcess();          // one per test
 * </pre>
 * <ul>
 * <li>{@link #direct()}: the services as {@link App#open} wires them, no HTTP (the ballot box, the lifecycle…);</li>
 * <li>{@link #inProcess()}: the whole station in this JVM as {@code serve} builds it, on a free loopback port, its
 * desk's pool and printable reserve minted when first drawn from unless {@link #mintingAhead()};</li>
 * <li>{@link #process(String...)}: a real {@code serve} in its own JVM, where a kill -9, a restart after a crash or
 * the command line is the point.</li>
 * </ul>
 * On a static field the station starts before the class's first test and stops after its last: for tests that each
 * take their own tokens, polls or people and read nothing another test left. On an instance field every test has a
 * fresh one: for a test whose point is the station's whole state (the roster, the meeting's polls, a lock-out).
 * {@link #startedByTheTest()} leaves the start to the test (a restart, a file checked before the start); whatever
 * was started is stopped after the test or class all the same.
 * <p>
 * The meeting is a copy of {@code kiosk-config/demo} unless {@link #meeting} or {@link #meetingFiles} says
 * otherwise, in a folder of its own, so a test may change it; the data is in a fresh temporary directory, on an
 * H2 file, or, in a class tagged {@link PostgresTest}, in a fresh database on the test PostgreSQL server
 * (e2e/PostgresCluster; skipped with the reason where there is none).
 */
public final class StationExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    public static final Path DEMO = Path.of("kiosk-config/demo");
    /** The address printed on slips (--base-url): what a phone would be given on the meeting's Wi-Fi. */
    public static final String SLIP_BASE_URL = "http://127.0.0.1:7070";

    /** Writes a meeting folder's files (meeting.yaml, roster.csv…) into the folder given. */
    @FunctionalInterface
    public interface MeetingFiles {
        void writeInto(Path configDir) throws Exception;
    }

    private final StartedStation.Mode mode;
    private final List<String> extraArgs;
    private MeetingFiles meetingFiles = dir -> StationFolders.copy(DEMO, dir);
    private boolean startedByTheTest;
    private StationExtension sharingTheDatabaseOf;

    private boolean classScope;
    private boolean postgres;
    private Path root;
    private Path configDir;
    private Path dataDir;
    private Optional<String> database = Optional.empty();
    private StartedStation started;
    private String passphrase; // printed at the first start only
    private boolean mintingAhead;

    private StationExtension(StartedStation.Mode mode, List<String> extraArgs) {
        this.mode = mode;
        this.extraArgs = extraArgs;
    }

    /** The services on a real database, no HTTP. */
    public static StationExtension direct() {
        return new StationExtension(StartedStation.Mode.DIRECT, List.of());
    }

    /** The whole station in this JVM on a free loopback port: a second or so to start instead of a JVM's several. */
    public static StationExtension inProcess() {
        return new StationExtension(StartedStation.Mode.IN_PROCESS, List.of());
    }

    /** {@code kioskvote serve} in a JVM of its own, with {@code extraArgs} after --config, --data, --port and --base-url. */
    public static StationExtension process(String... extraArgs) {
        return new StationExtension(StartedStation.Mode.PROCESS, List.of(extraArgs));
    }

    /** The meeting in {@code configDir} (copied, with everything beside it, into a folder of the station's own). */
    public StationExtension meeting(Path configDir) {
        this.meetingFiles = dir -> StationFolders.copy(configDir, dir);
        return this;
    }

    /** A meeting folder the test writes. */
    public StationExtension meetingFiles(MeetingFiles files) {
        this.meetingFiles = files;
        return this;
    }

    /** In this JVM too, the desk's pool and the printable reserve minted once it answers, as serve does (scrypt). */
    public StationExtension mintingAhead() {
        mintingAhead = true;
        return this;
    }

    /** The test starts the station itself ({@link #start()}), once it has prepared what it needs. */
    public StationExtension startedByTheTest() {
        this.startedByTheTest = true;
        return this;
    }

    /** Keeps the data in the other station's PostgreSQL database: two stations of one meeting (docs/scaling.md). */
    public StationExtension sharingTheDatabaseOf(StationExtension other) {
        this.sharingTheDatabaseOf = other;
        return this;
    }

    // --- the lifecycle JUnit drives

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classScope = true;
        prepare(context);
        if (!startedByTheTest) start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (classScope) return;
        prepare(context);
        if (!startedByTheTest) start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScope) cleanUp();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cleanUp();
        classScope = false;
    }

    private void prepare(ExtensionContext context) throws Exception {
        postgres = context.getRequiredTestClass().isAnnotationPresent(PostgresTest.class);
        root = Files.createTempDirectory("kioskvote-station");
        configDir = Files.createDirectory(root.resolve("config"));
        dataDir = root.resolve("data"); // created by the station, with the modes it wants (DataDirectory)
        meetingFiles.writeInto(configDir);
        // a fresh database of its own (the tag's), chosen before the start so a test may reach it first
        database = postgres ? Optional.of(PostgresCluster.shared().newDatabase()) : Optional.empty();
        passphrase = null;
    }

    private void cleanUp() {
        try {
            stop();
        } finally {
            if (root != null) StationFolders.delete(root);
            root = null;
        }
    }

    /** Before {@link #start()}: the data in {@code dir} (a small disk the test mounted), not in the temporary folder. */
    public StationExtension dataIn(Path dir) {
        this.dataDir = dir;
        return this;
    }

    /** Before {@link #start()}: the data in this database (on a PostgreSQL server the test stops and starts itself). */
    public StationExtension database(String jdbcUrl) {
        this.database = Optional.of(jdbcUrl);
        return this;
    }

    // --- what a test does with it

    /** Starts the station on its meeting and data (for {@link #startedByTheTest()}, or again after {@link #stop()}). */
    public StationExtension start() {
        if (started != null) throw new IllegalStateException("the station is already running");
        if (sharingTheDatabaseOf != null) database = sharingTheDatabaseOf.database;
        started = StartedStation.start(mode, configDir, dataDir, database, 0, extraArgs);
        return afterStart();
    }

    /** Stops it (HTTP, the database, the process), keeping its data; nothing if it is not running. */
    public void stop() {
        if (started == null) return;
        try {
            started.close();
        } finally {
            started = null;
        }
    }

    /**
     * Stops it and starts it again on the same meeting and data, and on the same port: a real station keeps its
     * address, so a kiosk page keeps its origin and with it the key it made at enrolment (public/kiosk-key.js).
     */
    public StationExtension restart() {
        int port = started == null ? 0 : started.port();
        stop();
        started = StartedStation.start(mode, configDir, dataDir, database, port, extraArgs);
        return afterStart();
    }

    private StationExtension afterStart() {
        if (started.passphrase() != null) passphrase = started.passphrase();
        if (mintingAhead && mode == StartedStation.Mode.IN_PROCESS) started.services().slips().mintAhead();
        return this;
    }

    /** SIGKILL of a {@link #process} station: no shutdown hook, no flush. {@link #restart()} starts it again. */
    public void kill9() {
        running().kill9();
    }

    /** http://127.0.0.1:PORT, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + running().port();
    }

    /** The admin passphrase printed at the first start (the station shows it once: a restart keeps the first one). */
    public String passphrase() {
        running();
        return passphrase;
    }

    /** An API client signed in with the admin passphrase. */
    public Api api() {
        return new Api(url(), passphrase());
    }

    /** An API client without the passphrase, as a voter's phone. */
    public Api anonymousApi() {
        return new Api(url(), null);
    }

    /** The services behind the routes (not of a {@link #process} station), for a test that checks them directly. */
    public Station station() {
        return running().services();
    }

    /** The meeting folder the station was started on (a copy of the test's own). */
    public Path configDir() {
        return configDir;
    }

    /** Where the H2 file and the meeting key are. */
    public Path dataDir() {
        return dataDir;
    }

    /** The database URL the station keeps its data in: the H2 file, or the PostgreSQL database of this class. */
    public String jdbcUrl() {
        return database.orElse(kioskvote.store.Database.h2Url(dataDir));
    }

    /** What the station printed on its terminal, line by line. */
    public List<String> output() {
        return running().output();
    }

    /** The HTTP server's connectors (an {@link #inProcess()} station), for a test of how connections are configured. */
    public List<org.eclipse.jetty.server.Connector> connectors() {
        return running().connectors();
    }

    /** Prints a run of {@code count} slips and returns their tokens, as encoded in the slips' URLs. */
    public List<String> issueTokens(int count) {
        Station s = station();
        return s.slips().issue(count, "test", s.publicBaseUrl()).slips().stream()
                .map(slip -> kioskvote.token.TestSlips.secretOf(slip.url())).toList();
    }

    /** The station's process id ({@link #process} only: a memory scan, jcmd). */
    public long pid() {
        return running().pid();
    }

    /** Resident memory of the station's process (VmRSS from /proc), in MB ({@link #process} only). */
    public double residentMb() {
        return running().residentMb();
    }

    public boolean isAlive() {
        return started != null && started.isAlive();
    }

    /** Waits for a {@link #process} station to end by itself and returns its exit code. */
    public int waitForExit(Duration limit) throws InterruptedException {
        return running().waitForExit(limit);
    }

    private StartedStation running() {
        if (started == null) throw new IllegalStateException("the station is not running (startedByTheTest? stopped?)");
        return started;
    }
}
