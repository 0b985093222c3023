package kioskvote.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests, no system service needed: {@code initdb} into a temporary
 * directory and {@code pg_ctl start} on a free loopback port, its unix socket in that directory too.
 * As root (CI containers) the server runs as the {@code postgres} user Debian's package creates, since
 * initdb refuses root. Binaries: $KIOSKVOTE_PG_BIN, else the newest /usr/lib/postgresql/N/bin.
 * Where PostgreSQL is missing, {@link #assumeAvailable()} skips the test with the reason.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final String USER = "kioskvote";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dir;
    private final boolean asPostgresUser;
    private final int port;

    private PostgresCluster(Path bin, Path dir, boolean asPostgresUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** Skips the calling test (or test class) when no PostgreSQL server can be started here. */
    public static void assumeAvailable() {
        Optional<String> missing = whyUnavailable();
        assumeTrue(missing.isEmpty(), () -> "PostgreSQL variant skipped: " + missing.orElse(""));
    }

    static Optional<String> whyUnavailable() {
        if (binaries().isEmpty()) {
            return Optional.of("no initdb/pg_ctl found in $KIOSKVOTE_PG_BIN or /usr/lib/postgresql/*/bin "
                    + "(apt-get install postgresql, as .ci/run does)");
        }
        if (isRoot() && !postgresUserExists()) {
            return Optional.of("running as root and there is no 'postgres' user to run the server as (initdb refuses root)");
        }
        return Optional.empty();
    }

    /** One server for the whole test run, stopped when the JVM exits; each test takes a fresh database on it. */
    public static synchronized PostgresCluster shared() {
        assumeAvailable();
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgresql"));
        }
        return shared;
    }

    /** A server of one's own (for a test that stops and starts it); close it when done. */
    public static PostgresCluster start() {
        assumeAvailable();
        try {
            boolean root = isRoot();
            Path dir = Files.createTempDirectory("kioskvote-pg-");
            if (root) exec(List.of("chown", "postgres:", dir.toString()), false);
            PostgresCluster cluster = new PostgresCluster(binaries().get(), dir, root, freePort());
            cluster.pg(List.of("initdb", "-D", cluster.data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                    "--no-locale", "--no-sync"));
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test PostgreSQL cluster", e);
        }
    }

    /** A fresh, empty database on this server, as a JDBC URL for {@code serve --db}. */
    public String newDatabase() {
        String name = "kv_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage() + "\n" + log(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** pg_ctl stop, fast mode: clients are disconnected, as when the database server is shut down or fails over. */
    public void stopServer() {
        pg(List.of("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    public void startServer() {
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                // A test server: it is never crashed, so commits need not wait for the disk (the outage test stops it cleanly).
                + " -c fsync=off -c full_page_writes=off";
        pg(List.of("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", options, "start"));
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            pg(List.of("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "30", "stop"));
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void pg(List<String> command) {
        List<String> full = new ArrayList<>(command);
        full.set(0, bin.resolve(command.get(0)).toString());
        exec(full, asPostgresUser);
    }

    private static String exec(List<String> command, boolean asPostgresUser) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("KIOSKVOTE_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            return Files.isExecutable(bin.resolve("initdb")) ? Optional.of(bin) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean postgresUserExists() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
