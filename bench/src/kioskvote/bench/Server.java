package kioskvote.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The station as an organiser starts it: the README's `./kioskvote serve` (the launcher script at the top of the
 * checkout, which runs `java` with its memory options and `-jar kioskvote.jar`), in its own process. The
 * launcher exec()s java, so the process measured is the JVM itself.
 */
final class Server implements AutoCloseable {
    /** The README's start command; bench/run runs from the top of the checkout. */
    static final Path LAUNCHER = Path.of("kioskvote");

    final Process process;
    final int port;
    final double startMillis;
    final Path log;

    private Server(Process process, int port, double startMillis, Path log) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
        this.log = log;
    }

    /** Start time is from ProcessBuilder.start() to the first 200 on GET /api/ping. */
    static Server start(Path jar, Path config, Path data, Path log, List<String> jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().toString());
        command.addAll(List.of("serve", "--config", config.toString(), "--data", data.toString(),
                "--port", Integer.toString(port), "--base-url", "http://127.0.0.1:" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KIOSKVOTE_JAR", jar.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KIOSKVOTE_JAVA_OPTS", String.join(" ", jvmOptions)); // --profile, --server-option
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ping")).timeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // a benchmark that stops early leaves no station behind
        while (true) {
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) throw new IllegalStateException("the station exited at start:\n" + Files.readString(log));
            // generous: on a machine shared with builds a start has taken over a minute
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(300)) throw new IllegalStateException("no answer after 300 s");
            Thread.sleep(2);
        }
        return new Server(process, port, (System.nanoTime() - t0) / 1e6, log);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident memory of the server process, from /proc/PID/status VmRSS, in MB. */
    double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** CPU time the server process has used so far (user + system, from /proc/PID/stat), in ms. */
    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // fields 14 and 15, in 1/100 s ticks
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * Waits until the station has done what it does in the background after the bench's own set-up (the printable
     * slips' reserve is minted again, scrypt on one core, after every run of slips the bench takes from it; the
     * JIT finishes what the last load queued), so that a measured window holds the requests it sends and nothing
     * else: quiet means under 3 % of one core for 2 s in a row. Returns the seconds waited (at most 180).
     */
    double awaitQuiet() throws InterruptedException {
        double waited = awaitQuiet(2, 0.03, 180);
        return Double.isNaN(waited) ? 180 : waited;
    }

    /**
     * Waits until the station used at most {@code shareOfCore} of one core for {@code quietSeconds} in a row, read
     * every half second from /proc; the seconds waited, or NaN if it was not quiet within {@code limitSeconds}.
     */
    double awaitQuiet(int quietSeconds, double shareOfCore, int limitSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        int quietHalves = 0;
        double last = cpuMillis();
        while (quietHalves < 2 * quietSeconds) {
            if (System.nanoTime() - t0 >= TimeUnit.SECONDS.toNanos(limitSeconds)) return Double.NaN;
            Thread.sleep(500);
            double now = cpuMillis();
            quietHalves = now - last <= 500 * shareOfCore ? quietHalves + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** SIGTERM: the station's shutdown hook stops Jetty and H2 closes its file. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
