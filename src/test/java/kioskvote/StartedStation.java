package kioskvote;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.Javalin;

import kioskvote.App.Station;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;

/** One start of a {@link StationExtension}'s station, in one of its three modes; closed by the extension. */
abstract class StartedStation implements AutoCloseable {
    enum Mode { DIRECT, IN_PROCESS, PROCESS }

    static final Pattern PASSPHRASE = Pattern.compile("Admin passphrase \\(shown once, write it down\\): (\\S+)");

    static StartedStation start(Mode mode, Path configDir, Path dataDir, Optional<String> database, int port, List<String> extraArgs) {
        return switch (mode) {
            case DIRECT -> new InThisJvm(configDir, dataDir, database, false, 0);
            case IN_PROCESS -> new InThisJvm(configDir, dataDir, database, true, port);
            case PROCESS -> OwnProcess.start(configDir, dataDir, database, port, extraArgs);
        };
    }

    abstract int port();

    /** The passphrase printed at this start (null on later starts: it is shown once). */
    abstract String passphrase();

    abstract List<String> output();

    abstract boolean isAlive();

    Station services() {
        throw new UnsupportedOperationException("a station in its own process: its services are not in this JVM");
    }

    List<org.eclipse.jetty.server.Connector> connectors() {
        throw new UnsupportedOperationException("only a station in this JVM serving HTTP has connectors to show");
    }

    void kill9() {
        throw new UnsupportedOperationException("only a station in its own process can be killed");
    }

    long pid() {
        throw new UnsupportedOperationException("a station in this JVM has no process of its own");
    }

    double residentMb() {
        throw new UnsupportedOperationException("a station in this JVM has no process of its own");
    }

    int waitForExit(Duration limit) throws InterruptedException {
        throw new UnsupportedOperationException("a station in this JVM does not exit by itself");
    }

    @Override
    public abstract void close();

    /** {@link App#open} and, serving HTTP, {@link App#serve}, as {@code serve} builds the station. */
    private static final class InThisJvm extends StartedStation {
        private final Station station;
        private final Javalin http; // null: the services only
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private boolean closed;

        InThisJvm(Path configDir, Path dataDir, Optional<String> database, boolean serve, int port) {
            var settings = new App.Settings(MeetingLoader.load(configDir), dataDir, dataDir,
                    database.orElse(Database.h2Url(dataDir)), StationExtension.SLIP_BASE_URL);
            station = App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                http = serve ? App.serve(station, port) : null;
            } catch (RuntimeException e) {
                Database.close(station.jdbi());
                throw e;
            }
        }

        @Override
        int port() {
            if (http == null) throw new UnsupportedOperationException("a direct station serves no HTTP");
            return http.port();
        }

        @Override
        String passphrase() {
            Matcher m = PASSPHRASE.matcher(printed.toString(StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }

        @Override
        List<String> output() {
            return printed.toString(StandardCharsets.UTF_8).lines().toList();
        }

        @Override
        boolean isAlive() {
            return !closed;
        }

        @Override
        Station services() {
            return station;
        }

        @Override
        List<org.eclipse.jetty.server.Connector> connectors() {
            if (http == null) return super.connectors();
            return List.of(http.jettyServer().server().getConnectors());
        }

        /** Stops HTTP and closes the database (the H2 file is released). */
        @Override
        public void close() {
            closed = true;
            try {
                if (http != null) http.stop();
            } finally {
                Database.close(station.jdbi());
            }
        }
    }

    /** {@code kioskvote serve} in a JVM of its own; killable with SIGKILL. */
    private static final class OwnProcess extends StartedStation {
        private static final Pattern READY = Pattern.compile("Ready on port (\\d+)");

        private final Process process;
        private final List<String> lines;
        private final int port;
        private final String passphrase;

        private OwnProcess(Process process, List<String> lines, int port, String passphrase) {
            this.process = process;
            this.lines = lines;
            this.port = port;
            this.passphrase = passphrase;
        }

        static OwnProcess start(Path configDir, Path dataDir, Optional<String> database, int port, List<String> extraArgs) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "kioskvote.Main", "serve",
                    "--config", configDir.toString(), "--data", dataDir.toString(), "--port", String.valueOf(port),
                    "--base-url", StationExtension.SLIP_BASE_URL));
            database.ifPresent(url -> command.addAll(List.of("--db", url)));
            command.addAll(extraArgs);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command, e);
            }
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            String[] pass = new String[1];
            Thread reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                        Matcher p = PASSPHRASE.matcher(line);
                        if (p.find()) pass[0] = p.group(1);
                        Matcher r = READY.matcher(line);
                        if (r.find()) ready.complete(Integer.parseInt(r.group(1)));
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                ready.completeExceptionally(new IllegalStateException("station exited before it was ready:\n" + String.join("\n", lines)));
            }, "station-output");
            reader.setDaemon(true);
            reader.start();
            try {
                int readyPort = ready.get(180, TimeUnit.SECONDS); // a bound, not a wait: a JVM on a busy 2-core machine can take a minute to start
                return new OwnProcess(process, lines, readyPort, pass[0]);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("station did not start: " + e.getMessage() + "\n" + String.join("\n", lines), e);
            }
        }

        @Override
        int port() {
            return port;
        }

        @Override
        String passphrase() {
            return passphrase;
        }

        @Override
        List<String> output() {
            return lines;
        }

        @Override
        boolean isAlive() {
            return process.isAlive();
        }

        @Override
        void kill9() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        long pid() {
            return process.pid();
        }

        @Override
        double residentMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("no VmRSS for " + process.pid());
        }

        @Override
        int waitForExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("the station did not exit within " + limit);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
