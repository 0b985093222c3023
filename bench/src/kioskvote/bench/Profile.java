package kioskvote.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where the server spent its time inside given windows of a JFR recording (bench/run --profile). */
final class Profile {
    record Window(String label, long startMillis, long endMillis) {
    }

    private Profile() {
    }

    static String summarise(Path jfr, List<Window> windows) throws IOException {
        StringBuilder out = new StringBuilder();
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        for (Window w : windows) {
            Map<String, Integer> layer = new HashMap<>();
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> ours = new HashMap<>();
            Map<String, Double> blockedMs = new HashMap<>();
            int samples = 0;
            for (RecordedEvent e : events) {
                Instant at = e.getStartTime();
                if (at.toEpochMilli() < w.startMillis() || at.toEpochMilli() > w.endMillis() || e.getStackTrace() == null) continue;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) continue;
                String name = e.getEventType().getName();
                if (name.equals("jdk.ExecutionSample")) {
                    samples++;
                    String top = method(frames.get(0));
                    self.merge(top, 1, Integer::sum);
                    layer.merge(layerOf(frames), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String m = method(f);
                        if (m.startsWith("kioskvote.") && seen.add(m)) ours.merge(m, 1, Integer::sum);
                    }
                } else if (name.equals("jdk.ThreadPark") || name.equals("jdk.JavaMonitorEnter")) {
                    String where = frames.stream().map(Profile::method).filter(m -> m.startsWith("kioskvote.") || m.startsWith("org.h2."))
                            .findFirst().orElse(method(frames.get(0)));
                    blockedMs.merge(name.substring(4) + " in " + where, e.getDuration().toNanos() / 1e6, Double::sum);
                }
            }
            final int total = Math.max(1, samples);
            out.append("\n### ").append(w.label()).append(": ").append(samples).append(" CPU samples\n");
            out.append("By layer (innermost recognised frame):\n");
            top(layer, 10).forEach((k, v) -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * v / total, k)));
            out.append("Hottest methods (self):\n");
            top(self, 12).forEach((k, v) -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * v / total, k)));
            out.append("Our methods (inclusive):\n");
            top(ours, 10).forEach((k, v) -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * v / total, k)));
            if (!blockedMs.isEmpty()) {
                out.append("Waiting (parks and monitor waits over JFR's threshold, total ms):\n");
                blockedMs.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(6)
                        .forEach(en -> out.append(String.format("  %8.0f ms  %s%n", en.getValue(), en.getKey())));
            }
        }
        return out.toString();
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String layerOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (t.startsWith("org.bouncycastle")) return "crypto (BouncyCastle Ed25519)";
            if (t.startsWith("org.h2")) return "storage (H2)";
            if (t.startsWith("org.jdbi") || t.startsWith("org.flywaydb")) return "Jdbi";
            if (t.startsWith("com.fasterxml")) return "JSON (Jackson)";
            if (t.startsWith("org.eclipse.jetty") || t.startsWith("io.javalin") || t.startsWith("sun.nio") || t.startsWith("java.nio")
                    || t.startsWith("sun.net")) return "HTTP (Jetty/Javalin/NIO)";
            if (t.startsWith("kioskvote.")) return "kioskvote code";
        }
        return "JDK/other: " + method(frames.get(0));
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
