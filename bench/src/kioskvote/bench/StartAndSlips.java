package kioskvote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * `bench/run --start-and-slips ROUNDS`: only the start and the printable slips, ROUNDS fresh stations in a row, with
 * the server's own CPU (from /proc) beside each wall time, since on a shared machine wall time moves far more.
 * Each round: the start to the first 200 on /api/ping; 2,000 printable slips asked for right after the first
 * polls open (as the whole run does); then, once the station has been idle for a second (its CPU under 5 %),
 * 2,000 more: the organiser's print run on a station that has been up a little while. Every round starts with the
 * class archive `mvn package` wrote (docs/performance.md, "Start"), as the organiser's first start does.
 */
final class StartAndSlips {
    private StartAndSlips() {
    }

    static void run(Path jar, Path config, Path tmp, int rounds, List<String> jvmOptions) throws Exception {
        System.out.println("| Round | Start (wall / server CPU) | 2,000 slips right after the open | idle after | 2,000 slips on the idle station |");
        System.out.println("|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            Path data = tmp.resolve("data-" + round);
            try (Server server = Server.start(jar, config, data, tmp.resolve("server-" + round + ".log"), jvmOptions)) {
                double startCpu = server.cpuMillis();
                Bench.Admin admin = new Bench.Admin(server.url());
                admin.post("/api/admin/present", Map.of("present", 200000));
                admin.open(Bench.MAIN);
                admin.open(Bench.WARMUP);
                String early = slips(server, admin);
                double idleS = server.awaitQuiet(1, 0.05, 300);
                if (Double.isNaN(idleS)) throw new IllegalStateException("the station did not go idle in 300 s");
                String idle = slips(server, admin);
                System.out.printf("| %d | %.2f s / %.2f s | %s | %.1f s | %s |%n", round, server.startMillis / 1000, startCpu / 1000,
                        early, idleS, idle);
            }
            deleteTree(data);
        }
    }

    private static String slips(Server server, Bench.Admin admin) throws Exception {
        double cpu0 = server.cpuMillis();
        long t0 = System.nanoTime();
        String page = admin.postForText("/api/admin/slips", Map.of("count", Bench.SLIPS_PER_CALL, "label", "bench"));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (server.cpuMillis() - cpu0) / 1000;
        int qr = page.split("<svg", -1).length - 1;
        if (qr != Bench.SLIPS_PER_CALL) throw new IllegalStateException(qr + " QR codes on the page");
        return String.format("%.2f s / %.2f s CPU", wall, cpu);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
