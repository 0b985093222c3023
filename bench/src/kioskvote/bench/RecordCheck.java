package kioskvote.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * `kioskvote verify` on an election record, as a voter would run it: its own JVM, wall time from process
 * start to exit, and its peak resident memory (VmHWM of /proc/PID/status, read until the process ends).
 */
final class RecordCheck {
    record Result(double seconds, double peakMb, int exit, String lastLine) {
    }

    private RecordCheck() {
    }

    static Result verify(Path jar, Path record, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "verify", record.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        long peakKb = 0;
        Path status = Path.of("/proc/" + process.pid() + "/status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D+", "")));
                }
            } catch (IOException | RuntimeException ended) {
                break; // the process ended between the check and the read
            }
            Thread.sleep(5);
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String[] lines = output.join().strip().split("\n");
        return new Result(seconds, peakKb / 1024.0, exit, lines[lines.length - 1]);
    }
}
