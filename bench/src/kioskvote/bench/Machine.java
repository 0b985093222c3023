package kioskvote.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = grep("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
        String mem = grep("/proc/meminfo", "MemTotal").replaceAll("\\D+", "");
        String memory = mem.isEmpty() ? "?" : String.format("%.1f GB", Long.parseLong(mem) / 1024.0 / 1024.0);
        return String.format("Machine: %s, %d cores visible to the JVM, %s RAM; %s %s; Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    private static String grep(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
