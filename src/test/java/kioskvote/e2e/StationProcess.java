package kioskvote.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real kioskvote server in its own JVM, as `serve` starts it; killable with SIGKILL. */
public final class StationProcess implements RunningStation {
    private static final Pattern READY = Pattern.compile("Ready on port (\\d+)");
    private static final Pattern PASSPHRASE = Pattern.compile("Admin passphrase \\(shown once, write it down\\): (\\S+)");

    private final Process process;
    private final List<String> output;
    private final int port;
    private final String passphrase;

    private StationProcess(Process process, int port, String passphrase, List<String> output) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.passphrase = passphrase;
    }

    public static StationProcess start(Path configDir, Path dataDir, String... extraArgs) throws IOException {
        return start(configDir, dataDir, 0, extraArgs);
    }

    /**
     * Starts again where a station stopped, on the port it had: a real station keeps its address, so a kiosk page keeps
     * its origin and with it the key the tablet made at enrolment (public/kiosk-key.js keeps it in the origin's storage).
     */
    public static StationProcess restart(StationProcess stopped, Path configDir, Path dataDir, String... extraArgs) throws IOException {
        return start(configDir, dataDir, stopped.port, extraArgs);
    }

    private static StationProcess start(Path configDir, Path dataDir, int listenPort, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kioskvote.Main", "serve",
                "--config", configDir.toString(), "--data", dataDir.toString(), "--port", String.valueOf(listenPort),
                "--base-url", "http://127.0.0.1:7070"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
            int port = ready.get(180, TimeUnit.SECONDS); // a bound, not a wait: a JVM on a 2-core machine under a CPU hog can take a minute to start
            return new StationProcess(process, port, pass[0], lines);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("station did not start: " + e.getMessage() + "\n" + String.join("\n", lines), e);
        }
    }

    /** Runs a sub-command to completion and returns its exit code and output. */
    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kioskvote.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }

    public record Result(int exitCode, String output) {
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The passphrase printed at first start (null on later starts: it is shown once). */
    @Override
    public String passphrase() {
        return passphrase;
    }

    public List<String> output() {
        return output;
    }

    /** Resident memory of the server process (VmRSS from /proc), in MB. */
    /** The station's process id (for a memory scan or jcmd). */
    public long pid() {
        return process.pid();
    }

    public double residentMb() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int waitForExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("the station did not exit within " + limit);
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    public static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("condition not met within " + limit);
            Thread.sleep(20);
        }
    }
}
