package kioskvote.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The server's CPU by kind of thread, from /proc/PID/task (bench/run --profile): request threads, the collector, the
 * JIT compilers and the rest. JFR's samples show only Java code; the collector and the compilers are part of what a
 * cast costs the process too, and this is where they show.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** CPU ms used so far by each kind of thread of the process. */
    static Map<String, Double> snapshot(long pid) {
        Map<String, Double> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(kindOf(name), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** What each kind used between two snapshots, per request, as one line. */
    static String perRequest(Map<String, Double> before, Map<String, Double> after, int requests) {
        StringBuilder line = new StringBuilder("server CPU by thread, µs per request:");
        after.forEach((kind, ms) -> {
            double used = ms - before.getOrDefault(kind, 0.0);
            if (used > 0) line.append(String.format(" %s %.0f", kind, 1000 * used / requests));
        });
        return line.toString();
    }

    private static String kindOf(String thread) {
        if (thread.startsWith("qtp")) return "requests";
        if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) return "jit";
        if (thread.startsWith("VM Thread") || thread.startsWith("GC ") || thread.startsWith("G1 ")) return "gc";
        if (thread.startsWith("JFR")) return "jfr";
        return "other";
    }
}
