package kioskvote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kioskvote.ballot.Answers;
import kioskvote.ballot.AnswersJson;
import kioskvote.store.BallotDao;
import kioskvote.store.Database;
import kioskvote.store.SlipDao;

/**
 * The benchmark suite (docs/performance.md): one run, one machine, a real server process on loopback. Casting
 * is measured next to the ceilings of the layers under it (HTTP, Ed25519, durable commits), then
 * live screens, slips, start and memory, and growth to 100,000 ballots. Prints a table of figures,
 * targets and met/missed.
 */
public final class Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSPHRASE = "bench-passphrase-not-a-secret";
    static final String MAIN = "tin-nhiem";
    static final String WARMUP = "khoi-dong";
    /** The poll voters cast into while the largest growth poll is counted: the rest of the station keeps answering. */
    static final String DURING = "trong-luc-kiem";
    static final int SLIPS_PER_CALL = 2000;
    static final int GROWTH_CAST = 1000;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    record Row(String figure, String value, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Profile.Window> windows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    private Path jar = Path.of("target/kioskvote.jar");
    private int voters = 2000;
    private int[] connections = {64, 256};
    private int listeners = 500;
    private int[] growth = {100, 1000, 10000, 100000};
    /** Ballots in the database before any growth poll is counted (the pre-fill of them all): every count runs beside them. */
    private int databaseAtCounts;
    private int pings = 20000;
    private int memoryBallots = 10000;
    private boolean profile;
    private int castingRounds;
    private int startRounds;
    private final List<String> serverOptions = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> bench.jar = Path.of(args[++i]);
                case "--voters" -> bench.voters = Integer.parseInt(args[++i]);
                case "--connections" -> bench.connections = ints(args[++i]);
                case "--listeners" -> bench.listeners = Integer.parseInt(args[++i]);
                case "--growth" -> bench.growth = ints(args[++i]);
                case "--pings" -> bench.pings = Integer.parseInt(args[++i]);
                case "--memory-ballots" -> bench.memoryBallots = Integer.parseInt(args[++i]);
                case "--profile" -> bench.profile = true;
                case "--casting-only" -> bench.castingRounds = Integer.parseInt(args[++i]);
                case "--start-and-slips" -> bench.startRounds = Integer.parseInt(args[++i]);
                case "--server-option" -> bench.serverOptions.add(args[++i]);
                default -> {
                    System.err.println("usage: bench/run [--voters N] [--connections 64,256] [--listeners 500] "
                            + "[--growth 100,1000,10000,100000] [--pings N] [--memory-ballots N] [--profile] [--casting-only ROUNDS] [--start-and-slips ROUNDS] [--server-option JVM-OPTION]...");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        bench.run();
        System.out.printf("%nWhole run: %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private void run() throws Exception {
        Path tmp = Files.createTempDirectory("kioskvote-bench-");
        Path config = tmp.resolve("config");
        Path data = tmp.resolve("data");
        Files.createDirectories(config);
        Files.writeString(config.resolve("meeting.yaml"), meetingYaml());
        System.out.println("# kioskvote benchmark");
        System.out.println(Machine.describe());
        System.out.println("Work directory: " + tmp + (serverOptions.isEmpty() ? "" : "; server JVM options: " + serverOptions));
        int cores = Runtime.getRuntime().availableProcessors();
        int primary = connections[0];
        if (startRounds > 0) {
            StartAndSlips.run(jar, config, tmp, startRounds, jvmOptions(tmp.resolve("server.jfr")));
            return;
        }
        if (castingRounds > 0) {
            castingOnly(config, data, tmp);
            return;
        }

        // Ceilings of the layers under casting, measured before the server starts so nothing competes.
        progress("crypto and storage ceilings");
        double verify1 = Ceilings.ed25519VerifiesPerSecond(1, 2);
        double verifyAll = Ceilings.ed25519VerifiesPerSecond(cores, 2);
        double commits1 = Ceilings.h2CommitsPerSecond(tmp.resolve("h2-probe-1"), 1, 2);
        Map<Integer, Double> commitsAt = new LinkedHashMap<>();
        for (int c : connections) commitsAt.put(c, Ceilings.h2CommitsPerSecond(tmp.resolve("h2-probe-" + c), c, 2));
        double castTx = Ceilings.castingTransactionsPerSecond(tmp.resolve("h2-probe-cast"), primary, 2);
        details.add(String.format("The casting transaction alone (BallotBox's 4 statements via the store, no HTTP, no signature): "
                + "%.0f/s on %d threads", castTx, primary));
        details.add(String.format("Ed25519 verify (BouncyCastle): %.0f/s on 1 thread, %.0f/s on %d threads", verify1, verifyAll, cores));
        details.add(String.format("H2 durable single-row commits (%s): %.0f/s on 1 connection, %s", "WRITE_DELAY=0", commits1,
                commitsAt.entrySet().stream().map(e -> String.format("%.0f/s on %d", e.getValue(), e.getKey())).toList()));

        // Start and memory.
        progress("starting the station");
        Path jfr1 = tmp.resolve("server.jfr");
        Server server = Server.start(jar, config, data, tmp.resolve("server.log"), jvmOptions(jfr1));
        double startMs = server.startMillis;
        windows.add(new Profile.Window("start", System.currentTimeMillis() - (long) startMs, System.currentTimeMillis()));
        double rssStart = server.residentMb();
        Admin admin = new Admin(server.url());
        JsonNode meeting = admin.get("/api/meeting");
        admin.post("/api/admin/present", Map.of("present", 200000));
        admin.open(MAIN);
        admin.open(WARMUP);

        // Slips: the printable page first (the organiser's real first action), then tokens as JSON for the voters.
        progress("slips");
        long s0 = System.nanoTime();
        long slipsFrom = System.currentTimeMillis();
        String page = admin.postForText("/api/admin/slips", Map.of("count", SLIPS_PER_CALL, "label", "bench"));
        double slipsMs = (System.nanoTime() - s0) / 1e6;
        windows.add(new Profile.Window(SLIPS_PER_CALL + " printable slips", slipsFrom, System.currentTimeMillis()));
        int pageBytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int qrCount = page.split("<svg", -1).length - 1;
        List<String> tokens = new ArrayList<>();
        int needed = Math.max(Math.max(memoryBallots, voters * (connections.length + 1)), GROWTH_CAST + voters);
        long j0 = System.nanoTime();
        while (tokens.size() < needed) tokens.addAll(admin.issueTokens(Math.min(SLIPS_PER_CALL, needed - tokens.size())));
        details.add(String.format("Slips as JSON (the tokens below): %d in %.1f s", tokens.size(), (System.nanoTime() - j0) / 1e9));
        quiet(server, "the slips' background minting");

        // Warm-up, then the HTTP ceiling and casting, alternating on the same connections.
        progress("warm-up");
        Ledger warm = new Ledger();
        report(ping("warm-up ping", Load.client(), server, primary, pings));
        report(cast("warm-up cast", Load.client(), server, meeting, WARMUP, tokens, 0, voters, primary, warm, null));
        quiet(server, "the warm-up's compilations");
        Ledger ledger = new Ledger();
        int next = 0;
        Map<Integer, Load.Result> pingAt = new LinkedHashMap<>();
        Map<Integer, Load.Result> castAt = new LinkedHashMap<>();
        for (int c : connections) {
            progress("HTTP ceiling and casting at " + c + " connections");
            var cpu0 = ThreadCpu.snapshot(server.process.pid());
            pingAt.put(c, report(ping("HTTP ceiling GET /api/ping", Load.client(), server, c, pings)));
            var cpu1 = ThreadCpu.snapshot(server.process.pid());
            castAt.put(c, report(cast("cast", Load.client(), server, meeting, MAIN, tokens, next, voters, c, ledger, null)));
            var cpu2 = ThreadCpu.snapshot(server.process.pid());
            details.add(String.format("At %d connections, ping: %s; cast: %s", c, ThreadCpu.perRequest(cpu0, cpu1, pingAt.get(c).requests()),
                    ThreadCpu.perRequest(cpu1, cpu2, castAt.get(c).requests())));
            next += voters;
        }

        // Live screens.
        progress(listeners + " live screens while casting");
        int base = admin.get("/api/polls/" + MAIN).path("cast").asInt();
        long[] ack = new long[voters];
        int[] startedBefore = new int[voters];
        AtomicInteger started = new AtomicInteger();
        Load.Result liveCast;
        long[] delays;
        int screensConnected;
        int screensFinal;
        try (LiveListeners live = new LiveListeners(server.url(), MAIN, listeners)) {
            live.awaitAll(base, Duration.ofSeconds(60));
            screensConnected = live.screensAtLeast(base);
            liveCast = report(cast("cast with " + listeners + " screens", Load.client(), server, meeting, MAIN, tokens, next, voters,
                    primary, ledger, new LiveHooks(started, ack, startedBefore)));
            next += voters;
            int acked = (int) Arrays.stream(ack).filter(a -> a > 0).count();
            live.awaitAll(base + acked, Duration.ofSeconds(10));
            screensFinal = live.screensAtLeast(base + acked);
            long[] okAck = new long[acked];
            int[] okStarted = new int[acked];
            for (int i = 0, k = 0; i < voters; i++) {
                if (ack[i] > 0) {
                    okAck[k] = ack[i];
                    okStarted[k++] = startedBefore[i];
                }
            }
            delays = live.delays(okAck, okStarted, base);
        }
        long missed = Arrays.stream(delays).filter(d -> d < 0).count();
        long[] seen = Arrays.stream(delays).filter(d -> d >= 0).sorted().toArray();
        double liveP50 = pct(seen, 50) / 1e6;
        double liveP99 = pct(seen, 99) / 1e6;
        details.add(String.format("Live: %d/%d screens connected, %d showed the final turnout; %d ack-to-screen delays measured, %d never shown; "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms (upper bounds, see LiveListeners.delays)", screensConnected, listeners, screensFinal,
                seen.length, missed, liveP50, liveP99, pct(seen, 100) / 1e6));

        // Up to 10,000 ballots in the box for the memory figure.
        int rest = Math.max(0, memoryBallots - ledger.size());
        if (rest > 0) {
            progress("casting up to " + memoryBallots + " ballots");
            report(cast("cast (to " + memoryBallots + " in the box)", Load.client(), server, meeting, MAIN, tokens, next, rest,
                    primary, ledger, null));
        }
        double rssAfter = server.residentMb();

        // Every acknowledged ballot must be in the tally: count, marks and receipt codes.
        progress("closing and checking the tally");
        long u0 = System.nanoTime();
        admin.closeAndCount(MAIN);
        details.add(String.format("Close and count of the sealed box (%d ballots: recombine 2 of 3 shares, decrypt, write, rewrite the H2 file): %.0f ms",
                ledger.size(), (System.nanoTime() - u0) / 1e6));
        long c0 = System.nanoTime();
        JsonNode results = admin.get("/api/polls/" + MAIN + "/results");
        double mainTallyMs = (System.nanoTime() - c0) / 1e6;
        int lost = verify(results, ledger, meeting);
        details.add(String.format("Tally check: %d acknowledged, %d received in the tally, %d missing or miscounted; results in %.0f ms",
                ledger.size(), results.path("counts").path("received").asInt(), lost, mainTallyMs));
        int castErrors = castAt.values().stream().mapToInt(Load.Result::errors).sum() + liveCast.errors();
        server.close();

        // Growth: the box pre-filled through the store (counted ballots, each with its spent slip), then GROWTH_CAST
        // real ballots cast over HTTP and sealed, then the close, the count and the tally.
        progress("growth: pre-filling the boxes through the store");
        long b0 = System.nanoTime();
        int prefilled = prefill(data, meeting);
        databaseAtCounts = prefilled;
        details.add(String.format("Growth pre-fill: %d counted ballots inserted through BallotDao in batches in %.1f s (server stopped)", prefilled,
                (System.nanoTime() - b0) / 1e9));
        Path jfr2 = tmp.resolve("server-growth.jfr");
        Server grown = Server.start(jar, config, data, tmp.resolve("server.log"), jvmOptions(jfr2));
        details.add(String.format("Start with %d ballots in the database: %.0f ms", prefilled + ledger.size() + warm.size(), grown.startMillis));
        admin = new Admin(grown.url());
        admin.open(DURING);
        String duringCount = null;
        Map<Integer, double[]> growthFigures = new LinkedHashMap<>();
        List<Profile.Window> growthWindows = new ArrayList<>();
        for (int size : growth) {
            String poll = "g" + size;
            progress("growth: " + size + " ballots");
            admin.open(poll);
            Ledger g = new Ledger();
            int n = Math.min(size, GROWTH_CAST);
            Load.Result r = report(cast("cast into " + poll, Load.client(), grown, meeting, poll, tokens, 0, n, primary, g, null));
            castErrors += r.errors();
            long u = System.nanoTime();
            double countMs;
            if (size == growth[growth.length - 1]) {
                // Voters of another poll cast throughout the close and count of the largest poll.
                long[] duringAck = new long[voters];
                AtomicInteger duringStarted = new AtomicInteger();
                var casting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return cast("cast during the count of " + poll, Load.client(), grown, meeting, DURING, tokens, GROWTH_CAST, voters,
                                primary, new Ledger(), new LiveHooks(duringStarted, duringAck, new int[voters]));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                while (Arrays.stream(duringAck).filter(a -> a > 0).count() < primary && !casting.isDone()) Thread.sleep(5); // casting under way
                long from = System.nanoTime();
                countMs = admin.closeAndCount(poll);
                long to = System.nanoTime();
                Load.Result during = report(casting.join());
                castErrors += during.errors();
                long inWindow = Arrays.stream(duringAck).filter(a -> a >= from && a <= to).count();
                double windowS = (to - from) / 1e9;
                boolean covered = Arrays.stream(duringAck).max().orElse(0) >= to; // still casting when the count ended
                duringCount = String.format("%d acknowledged in the %.1f s of the close and count (%.0f/s%s); the whole run %.0f/s, p99 %.0f ms, "
                        + "%d errors", inWindow, windowS, inWindow / windowS, covered ? "" : ", casting ended before the count did",
                        during.perSecond(), during.percentileMs(99), during.errors());
                details.add("Casting into another poll during the close and count of " + poll + ": " + duringCount);
            } else {
                countMs = admin.closeAndCount(poll);
            }
            details.add(String.format("Growth %,d: close and count of the sealed box (%d sealed ballots; its storage key destroyed, the file "
                    + "not rewritten) %.0f ms, of which the count %.0f ms", size, n, (System.nanoTime() - u) / 1e6, countMs));
            double[] times = new double[3];
            JsonNode tally = null;
            long tallyFrom = System.currentTimeMillis();
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                tally = admin.get("/api/polls/" + poll + "/results");
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            growthWindows.add(new Profile.Window("tally of " + size + " (3 × GET results)", tallyFrom, System.currentTimeMillis()));
            int received = tally.path("counts").path("received").asInt();
            if (received != size - n + g.size()) lost += Math.abs(size - n + g.size() - received);
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            growthFigures.put(size, new double[]{r.perSecond(), sorted[1], times[0], received, countMs, n});
            details.add(String.format("Growth %,d: cast %.0f/s (p99 %.1f ms), tally (GET results) %.0f ms median of 3, first %.0f ms, "
                    + "%.2f µs per ballot, received %d", size, r.perSecond(), r.percentileMs(99), sorted[1], times[0],
                    1000 * sorted[1] / size, received));
        }
        // The election record of the largest growth polls: downloaded, then checked by `kioskvote verify` in its own JVM.
        Map<Integer, double[]> recordFigures = new LinkedHashMap<>();
        for (int size : growth) {
            if (size < 10000) continue;
            progress("election record of " + size + " ballots: download and verify");
            Path file = tmp.resolve("record-g" + size + ".zip");
            long d0 = System.nanoTime();
            admin.download("/api/polls/g" + size + "/record", file);
            double downloadMs = (System.nanoTime() - d0) / 1e6;
            RecordCheck.Result check = RecordCheck.verify(jar, file, List.of("-Xmx64m"));
            recordFigures.put(size, new double[]{downloadMs, Files.size(file), check.seconds(), check.peakMb(), check.exit()});
            details.add(String.format("Record of %,d ballots: download %.0f ms, %,d bytes; verify (-Xmx64m) %.2f s, peak RSS %.0f MB, exit %d: %s",
                    size, downloadMs, Files.size(file), check.seconds(), check.peakMb(), check.exit(), check.lastLine()));
        }
        double rssGrown = grown.residentMb();
        details.add(String.format("Resident memory after the growth steps (%d ballots in the database): %.0f MB", prefilled
                + ledger.size() + warm.size() + growth.length * GROWTH_CAST, rssGrown));
        grown.close();

        // The table.
        double ceilingHttp = pingAt.get(primary).perSecond();
        double ceilingStorage = commitsAt.get(primary);
        double lowest = Math.min(ceilingHttp, Math.min(verifyAll, ceilingStorage));
        String lowestName = lowest == ceilingHttp ? "HTTP" : lowest == verifyAll ? "crypto" : "storage";
        Load.Result cast64 = castAt.get(primary);
        Load.Result castLast = castAt.get(connections[connections.length - 1]);
        for (int c : connections) {
            Load.Result p = pingAt.get(c);
            Load.Result k = castAt.get(c);
            row(String.format("HTTP ceiling, GET /api/ping, %d connections", c), String.format("%.0f req/s (p99 %.1f ms)", p.perSecond(),
                    p.percentileMs(99)), "", null);
            row(String.format("Casting, %d voters, %d connections", voters, c), String.format("%.0f ballots/s", k.perSecond()), "", null);
            row(String.format("  latency p50 / p95 / p99 / max at %d", c), String.format("%.1f / %.1f / %.1f / %.1f ms", k.percentileMs(50),
                    k.percentileMs(95), k.percentileMs(99), k.maxMs()), "", null);
        }
        for (int c : connections) {
            // The server's own CPU, read from /proc in the same run: a load generator on the same cores cannot
            // tell the station's ceiling, its CPU per request can.
            double castCpu = castAt.get(c).serverCpuMs() / castAt.get(c).requests();
            double pingCpu = pingAt.get(c).serverCpuMs() / pingAt.get(c).requests();
            row(String.format("Server CPU per cast ÷ per ping, %d connections", c), String.format("%.1f× (%.0f ÷ %.0f µs)", castCpu / pingCpu,
                    1000 * castCpu, 1000 * pingCpu), "≤ 5×", castCpu <= 5 * pingCpu);
        }
        row("Crypto ceiling, Ed25519 verifications", String.format("%.0f/s (%d threads)", verifyAll, cores), "", null);
        row("Storage ceiling, durable single-row commits", String.format("%.0f/s (%d connections)", ceilingStorage, primary), "", null);
        row("Storage, the casting transaction alone", String.format("%.0f/s (%d threads)", castTx, primary), "", null);
        row("Casting ÷ lowest ceiling (" + lowestName + ")", String.format("%.0f%%", 100 * cast64.perSecond() / lowest), "", null);
        // No longer a target: the load generator shares the server's cores, so its own CPU (several times the
        // server's per request) sets this ratio; the server's CPU per cast ÷ per ping above replaces it
        // (docs/performance.md, "Server CPU per cast").
        row(String.format("Casting at %d ÷ HTTP ceiling at %d", primary, primary), String.format("%.0f%%", 100 * cast64.perSecond() / ceilingHttp),
                "", null);
        row(String.format("Casting p99 at %d connections", castLast.connections()), String.format("%.1f ms", castLast.percentileMs(99)),
                "≤ 200 ms", castLast.percentileMs(99) <= 200);
        row("Casting errors (all runs)", Integer.toString(castErrors), "0", castErrors == 0);
        row("Lost ballots (acknowledged, not in the tally)", Integer.toString(lost), "0", lost == 0);
        row(String.format("Live update p50 / p99, %d screens", listeners), String.format("%.0f / %.0f ms%s", liveP50, liveP99,
                missed > 0 ? " (" + missed + " never shown)" : ""), "p99 ≤ 1 s", liveP99 <= 1000 && missed == 0);
        row(String.format("%d printable slips with QR codes", SLIPS_PER_CALL), String.format("%.2f s, %,d bytes, %d QR codes", slipsMs / 1000,
                pageBytes, qrCount), "≤ 3 s", slipsMs <= 3000);
        row("Start, process start to first 200", String.format("%.2f s", startMs / 1000), "≤ 2 s", startMs <= 2000);
        row("Resident memory after start", String.format("%.0f MB", rssStart), "", null);
        row(String.format("Resident memory after %,d ballots", ledger.size()), String.format("%.0f MB", rssAfter), "≤ 256 MB", rssAfter <= 256);
        Double rateAt1000 = null;
        for (var e : growthFigures.entrySet()) {
            double[] f = e.getValue();
            if (e.getKey() == 1000) rateAt1000 = f[0];
            row(String.format("Growth %,d ballots: casting / tally", e.getKey()), String.format("%.0f ballots/s / %.0f ms (%.2f µs per ballot)",
                    f[0], f[1], 1000 * f[1] / e.getKey()), "", null);
        }
        for (var e : growthFigures.entrySet()) {
            double[] f = e.getValue();
            row(String.format("Count of %,d sealed ballots with %,d ballots in the poll's box (database: over %,d)", (int) f[5], e.getKey(),
                    databaseAtCounts), String.format("%.0f ms", f[4]), "", null);
        }
        if (duringCount != null) row(String.format("Casting into another poll during the count of %,d", growth[growth.length - 1]),
                duringCount, "", null);
        int smallest = growth[0];
        int largest = growth[growth.length - 1];
        if (growthFigures.containsKey(smallest) && growthFigures.containsKey(largest) && largest > smallest
                && growthFigures.get(smallest)[5] == growthFigures.get(largest)[5]) {
            // Every growth poll is pre-filled before the start, so each count runs beside the whole database: the
            // smallest poll's count shows what the rest of the database costs it (before the storage key, the count
            // rewrote the whole H2 file: 78 s beside 100,000 ballots), and the ratio how the count follows its own poll.
            double ratio = growthFigures.get(largest)[4] / growthFigures.get(smallest)[4];
            double pollRatio = (double) largest / smallest;
            row(String.format("Count of %,d sealed ballots, poll of %,d ÷ poll of %,d (same database)", (int) growthFigures.get(largest)[5],
                    largest, smallest), String.format("%.1f×", ratio), String.format("≤ %.0f× (the polls' sizes)", pollRatio), ratio <= pollRatio);
        }
        if (growthFigures.containsKey(largest)) {
            double tally = growthFigures.get(largest)[1];
            row(String.format("Tally of %,d ballots", largest), String.format("%.0f ms", tally), largest >= 100000 ? "< 1 s" : "", 
                    largest >= 100000 ? tally < 1000 : null);
            if (rateAt1000 != null && largest > 1000) {
                double ratio = growthFigures.get(largest)[0] / rateAt1000;
                row(String.format("Casting rate at %,d ÷ at 1,000 (flat cost)", largest), String.format("%.0f%%", 100 * ratio), "≥ 70%", ratio >= 0.7);
            }
        }

        for (var e : recordFigures.entrySet()) {
            double[] f = e.getValue();
            boolean largestRecord = e.getKey() >= 100000;
            row(String.format("verify, record of %,d ballots (own JVM, -Xmx64m)", e.getKey()), String.format("%.2f s, peak RSS %.0f MB%s",
                    f[2], f[3], f[4] == 0 ? "" : ", exit " + (int) f[4]), largestRecord ? "< 5 s, verified" : "",
                    largestRecord ? f[2] < 5 && f[4] == 0 : null);
        }

        System.out.println("\n## Details\n");
        details.forEach(d -> System.out.println("- " + d));
        System.out.println("\n## Results\n");
        System.out.println("| Figure | Value | Target | |");
        System.out.println("|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %s | %s | %s |%n", r.figure(), r.value(), r.target(), r.met() == null ? "" : r.met() ? "met" : "**missed**");
        }
        long missedCount = rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
        System.out.printf("%nTargets: %d met, %d missed.%n", rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count(), missedCount);
        if (profile) {
            System.out.println("\n## Profile of the server during casting (JFR, " + jfr1 + ")");
            System.out.println(Profile.summarise(jfr1, windows));
            System.out.println("\n## Profile of the server during the tallies (JFR, " + jfr2 + ")");
            System.out.println(Profile.summarise(jfr2, growthWindows));
        }
    }

    /**
     * A quick look for comparing two builds back to back: no ceilings, slips page, screens or growth; the HTTP
     * ceiling and casting at each connection count, ROUNDS times over on one server (with --listeners screens
     * connected throughout; 0 for none), then the profile if asked.
     * Server CPU per request is the figure to compare: it moves far less than throughput on a shared machine.
     */
    private void castingOnly(Path config, Path data, Path tmp) throws Exception {
        Path jfr = tmp.resolve("server.jfr");
        Server server = Server.start(jar, config, data, tmp.resolve("server.log"), jvmOptions(jfr));
        System.out.printf("Start, process start to first 200: %.0f ms%n", server.startMillis);
        Admin admin = new Admin(server.url());
        JsonNode meeting = admin.get("/api/meeting");
        admin.post("/api/admin/present", Map.of("present", 200000));
        admin.open(MAIN);
        admin.open(WARMUP);
        List<String> tokens = new ArrayList<>();
        int needed = voters * (1 + castingRounds * connections.length);
        while (tokens.size() < needed) tokens.addAll(admin.issueTokens(Math.min(SLIPS_PER_CALL, needed - tokens.size())));
        quiet(server, "the slips' background minting");
        report(ping("warm-up ping", Load.client(), server, connections[0], pings));
        report(cast("warm-up cast", Load.client(), server, meeting, WARMUP, tokens, 0, voters, connections[0], new Ledger(), null));
        quiet(server, "the warm-up's compilations");
        Ledger ledger = new Ledger();
        int next = voters;
        LiveListeners live = listeners > 0 ? new LiveListeners(server.url(), MAIN, listeners) : null;
        if (live != null) live.awaitAll(0, Duration.ofSeconds(60));
        String screens = live == null ? "" : " with " + listeners + " screens";
        for (int round = 1; round <= castingRounds; round++) {
            for (int c : connections) {
                var cpu0 = ThreadCpu.snapshot(server.process.pid());
                Load.Result pinged = report(ping("ping, round " + round, Load.client(), server, c, pings));
                var cpu1 = ThreadCpu.snapshot(server.process.pid());
                Load.Result cast = report(cast("cast, round " + round + screens, Load.client(), server, meeting, MAIN, tokens, next, voters,
                        c, ledger, null));
                var cpu2 = ThreadCpu.snapshot(server.process.pid());
                System.out.printf("    ping: %s%n    cast: %s (%d to %d ms)%n    server CPU per cast ÷ per ping: %.1f×%n",
                        ThreadCpu.perRequest(cpu0, cpu1, pinged.requests()), ThreadCpu.perRequest(cpu1, cpu2, cast.requests()),
                        cast.startMillis(), cast.endMillis(), (cast.serverCpuMs() / cast.requests()) / (pinged.serverCpuMs() / pinged.requests()));
                next += voters;
            }
        }
        if (live != null) live.close();
        System.out.printf("Resident memory after %d ballots: %.0f MB%n", ledger.size() + voters, server.residentMb());
        admin.closeAndCount(MAIN);
        int lost = verify(admin.get("/api/polls/" + MAIN + "/results"), ledger, meeting);
        System.out.printf("Acknowledged %d, lost %d%n", ledger.size(), lost);
        server.close();
        if (profile) System.out.println(Profile.summarise(jfr, windows));
    }

    private List<String> jvmOptions(Path jfr) {
        List<String> options = new ArrayList<>(serverOptions);
        if (profile) options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        return options;
    }

    private Load.Result report(Load.Result r) {
        System.out.println("  " + r.line());
        r.errorSamples().forEach(s -> System.out.println("    error: " + s.substring(0, Math.min(200, s.length()))));
        if (!r.name().startsWith("warm-up")) windows.add(new Profile.Window(r.name() + " at " + r.connections() + " connections",
                r.startMillis(), r.endMillis()));
        return r;
    }

    /**
     * Waits for the station's background work to end before measuring: the reserve of printable slips is minted
     * again (scrypt) after every run the bench took from it, which would otherwise land in the casting windows'
     * server CPU (a third of it, measured) though no cast asked for it.
     */
    private static void quiet(Server server, String what) throws InterruptedException {
        System.out.printf("  (waited %.1f s for %s to end)%n", server.awaitQuiet(), what);
    }

    private static void progress(String what) {
        System.out.println("== " + what);
    }

    private void row(String figure, String value, String target, Boolean met) {
        rows.add(new Row(figure, value, target, met));
    }

    private Load.Result ping(String name, HttpClient client, Server server, int c, int n) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/ping")).build();
        return Load.run(name, client, server, c, n, i -> request, null);
    }

    /** Hooks of the live-screens run: when each cast started and was acknowledged. */
    record LiveHooks(AtomicInteger started, long[] ack, int[] startedBefore) {
    }

    /** n voters, each with tokens[from + i], cast a complete ballot with random levels and a random receipt code. */
    private Load.Result cast(String name, HttpClient client, Server server, JsonNode meeting, String pollId, List<String> tokens, int from,
                             int n, int c, Ledger ledger, LiveHooks live) throws InterruptedException {
        List<String[]> questions = questions(meeting, pollId);
        URI uri = URI.create(server.url() + "/api/polls/" + pollId + "/ballots");
        String[] receipts = new String[n];
        List<Map<String, String>> answers = new ArrayList<>(n);
        SplittableRandom choice = new SplittableRandom(random.nextLong());
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Map<String, String> marks = new LinkedHashMap<>();
            // As the voter's page does (public/slip.js): the slip key from the secret, its signature of this cast.
            // Signed here, before the load starts: the phone's CPU, not the station's.
            kioskvote.token.SlipKey slipKey = kioskvote.token.Token.decode(tokens.get(from + i)).slipKey();
            StringBuilder body = new StringBuilder("{\"slipKey\":\"").append(slipKey.publicKeyHex()).append("\",\"answers\":{");
            Map<String, List<String>> signedMarks = new LinkedHashMap<>();
            for (int q = 0; q < questions.size(); q++) {
                String[] qo = questions.get(q);
                String option = qo[1 + choice.nextInt(qo.length - 1)];
                marks.put(qo[0], option);
                signedMarks.put(qo[0], List.of(option));
                body.append(q == 0 ? "" : ",").append('"').append(qo[0]).append("\":[\"").append(option).append("\"]");
            }
            receipts[i] = receipt(random.nextLong());
            String signature = java.util.HexFormat.of().formatHex(slipKey.sign(kioskvote.token.CastStatement.of(
                    meeting.path("id").asText(), pollId, signedMarks, receipts[i])));
            body.append("},\"receipt\":\"").append(receipts[i]).append("\",\"signature\":\"").append(signature).append("\"}");
            bodies[i] = body.toString();
            answers.add(marks);
        }
        return Load.run(name, client, server, c, n, i -> {
            if (live != null) live.started().incrementAndGet();
            return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies[i])).build();
        }, (i, response, ackNanos) -> {
            if (response.statusCode() != 200) return;
            ledger.accepted(kioskvote.ballot.ReceiptCode.codeOf(receipts[i]), answers.get(i));
            if (live != null) {
                live.ack()[i] = ackNanos;
                live.startedBefore()[i] = live.started().get();
            }
        });
    }

    /** For each question of the poll: its id, then its option ids. */
    private static List<String[]> questions(JsonNode meeting, String pollId) {
        for (JsonNode poll : meeting.path("polls")) {
            if (!poll.path("id").asText().equals(pollId)) continue;
            List<String[]> out = new ArrayList<>();
            for (JsonNode q : poll.path("questions")) {
                List<String> ids = new ArrayList<>();
                ids.add(q.path("id").asText());
                q.path("options").forEach(o -> ids.add(o.path("id").asText()));
                out.add(ids.toArray(String[]::new));
            }
            return out;
        }
        throw new IllegalStateException("no poll " + pollId);
    }

    /** Ballots acknowledged but missing from the tally, or marks counted differently. */
    private static int verify(JsonNode results, Ledger ledger, JsonNode meeting) {
        int problems = 0;
        Set<String> published = new HashSet<>();
        results.path("receiptCodes").forEach(r -> published.add(r.asText()));
        for (String r : ledger.receipts()) if (!published.contains(r)) problems++;
        problems += Math.abs(results.path("counts").path("received").asInt() - ledger.size());
        for (JsonNode q : results.path("questions")) {
            for (JsonNode o : q.path("options")) {
                long expected = ledger.marked(q.path("id").asText(), o.path("id").asText());
                if (o.path("count").asLong() != expected) problems++;
            }
        }
        return problems;
    }

    /**
     * Fills each growth poll up to its size less the ballots the run will cast, through the store, before the
     * station starts: what a counted sealed box leaves (readable counted ballots, in batches of 5,000 rows, as the
     * count itself writes them), so the tally and the record read them as any other. Each pre-filled ballot has a
     * token issued before the growth polls open and spent in its poll (one slip works once in every poll), so the
     * polls' election records are whole and `verify` passes on them. One statement per row took about 1 ms a
     * ballot on the busy machine (100,000 ballots: minutes); a batch of rows about a third of that.
     */
    private int prefill(Path data, JsonNode meeting) {
        Jdbi jdbi = Database.open(Database.h2Url(data));
        SplittableRandom choice = new SplittableRandom(42);
        long serial = 1L << 39;
        int total = 0;
        int slips = 0;
        for (int size : growth) slips = Math.max(slips, size - Math.min(size, GROWTH_CAST));
        List<String> serials = new ArrayList<>(slips);
        for (int i = 0; i < slips; i++) {
            byte[] bytes = new byte[32]; // a stored id's length: 32 hex digits would be a clear serial, converted at the start
            random.nextBytes(bytes);
            serials.add(java.util.HexFormat.of().formatHex(bytes));
        }
        int issued = slips;
        jdbi.useTransaction(h -> {
            SlipDao slipDao = new SlipDao(h);
            slipDao.insertBatch("bench-prefill", "bench pre-fill", issued, "2026-12-10T08:00:00Z", false);
            List<SlipDao.NewToken> rows = new ArrayList<>();
            for (String s : serials) {
                // the short code's keyed hash needs the station's key; these slips are never typed, so a
                // distinct placeholder of the same length stands in for it
                rows.add(new SlipDao.NewToken(random.nextLong() & Long.MAX_VALUE, s, s, "bench-prefill"));
                if (rows.size() == 5000) {
                    slipDao.insertIssued(rows);
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) slipDao.insertIssued(rows);
        });
        for (int size : growth) {
            String poll = "g" + size;
            List<String[]> questions = questions(meeting, poll);
            int n = size - Math.min(size, GROWTH_CAST);
            for (int done = 0; done < n; ) {
                int chunk = Math.min(5000, n - done);
                long first = serial;
                int from = done;
                jdbi.useTransaction(h -> {
                    List<BallotDao.SpentToken> spent = new ArrayList<>(chunk);
                    List<BallotDao.CountedBallot> counted = new ArrayList<>(chunk);
                    long s = first;
                    for (int i = 0; i < chunk; i++) {
                        spent.add(new BallotDao.SpentToken(random.nextLong() & Long.MAX_VALUE, poll, serials.get(from + i)));
                        Map<String, List<String>> marks = new LinkedHashMap<>();
                        for (String[] qo : questions) marks.put(qo[0], List.of(qo[1 + choice.nextInt(qo.length - 1)]));
                        counted.add(new BallotDao.CountedBallot(random.nextLong() & Long.MAX_VALUE, poll,
                                kioskvote.ballot.ReceiptCode.codeOf(receipt(s++)), AnswersJson.write(new Answers(marks))));
                    }
                    BallotDao ballots = new BallotDao(h);
                    ballots.spendTokens(spent);
                    ballots.insertCountedBallots(counted);
                });
                serial += chunk;
                done += chunk;
                total += chunk;
            }
        }
        try {
            jdbi.useHandle(h -> h.execute("SHUTDOWN")); // closes the file so the server can open it
        } catch (org.jdbi.v3.core.result.UnableToProduceResultException closed) {
            // H2 closes the connection under the statement: the shutdown happened
        }
        return total;
    }

    /** A receipt code (Crockford base32, XXXX-XXXX) from the low 40 bits of a number. */
    /** A receipt secret (see ballot/ReceiptCode) made from 64 bits: distinct bits, distinct secrets. */
    static String receipt(long bits) {
        StringBuilder secret = new StringBuilder(29);
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) secret.append('-');
            secret.append(i < 13 ? CROCKFORD.charAt((int) ((bits >>> (5 * i)) & 31)) : '0');
        }
        return secret.toString();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    private String meetingYaml() {
        StringBuilder y = new StringBuilder("""
                # Written by bench/run: the demo's confidence poll, with room for large runs.
                meeting:
                  id: bench-2026
                  title: Benchmark meeting
                  organiser: kioskvote bench
                  date: 2026-12-10
                  time: "08:30"
                  place: loopback
                  summoned: 200000
                committee:
                  - name: Bench
                    role: Counter
                  - name: Bench Two
                    role: Counter
                  - name: Bench Three
                    role: Counter
                station:
                  admin_passphrase: %s
                polls:
                """.formatted(PASSPHRASE));
        List<String> polls = new ArrayList<>(List.of(MAIN, WARMUP, DURING));
        for (int g : growth) polls.add("g" + g);
        for (String id : polls) {
            y.append("""
                      - id: %s
                        kind: confidence
                        title: Confidence rating %s
                        base: received
                        subjects:
                          - name: Nguyễn Văn An
                            position: Giám đốc Sở
                          - name: Trần Thị Bình
                            position: Phó Giám đốc Sở
                          - name: Lê Hoàng Cường
                            position: Phó Giám đốc Sở
                          - name: Hoàng Thị Dung
                            position: Phó Giám đốc Sở
                    """.formatted(id, id));
        }
        return y.toString();
    }

    /** The admin and read calls the benchmark makes outside the measured loads. */
    static final class Admin {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final Map<String, List<String>> shares = new java.util.HashMap<>();

        Admin(String base) {
            this.base = base;
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
        }

        JsonNode post(String path, Object body) throws IOException, InterruptedException {
            return JSON.readTree(postForText(path, body));
        }

        String postForText(String path, Object body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        /** Opens a poll; a sealed poll's key cards are then fetched once each, from where the open says, and kept for its count. */
        void open(String poll) throws IOException, InterruptedException {
            JsonNode opened = post("/api/admin/polls/" + poll + "/open", Map.of("confirmBelowQuorum", true));
            List<String> codes = new ArrayList<>();
            for (JsonNode card : opened.path("cards")) codes.add(post(card.path("deal").asText(), Map.of()).path("code").asText());
            if (!codes.isEmpty()) shares.put(poll, codes.subList(0, opened.path("box").path("threshold").asInt()));
        }

        /**
         * Closes a poll, presents k shares if it is sealed so that it is counted, and shows its results: the
         * public results route answers only then.
         * @return how long the count alone took (the unseal call), in ms; 0 for an unsealed poll
         */
        double closeAndCount(String poll) throws IOException, InterruptedException {
            post("/api/admin/polls/" + poll + "/close", Map.of());
            double countMs = 0;
            if (shares.containsKey(poll)) {
                long t = System.nanoTime();
                post("/api/admin/polls/" + poll + "/unseal", Map.of("shares", shares.get(poll)));
                countMs = (System.nanoTime() - t) / 1e6;
            }
            post("/api/admin/polls/" + poll + "/show-results", Map.of());
            return countMs;
        }

        void download(String path, Path file) throws IOException, InterruptedException {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300)).build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) throw new IllegalStateException(path + ": " + response.statusCode() + " " + Files.readString(file));
        }

        List<String> issueTokens(int count) throws IOException, InterruptedException {
            List<String> tokens = new ArrayList<>();
            post("/api/admin/slips", Map.of("count", count, "format", "json")).path("slips").forEach(s -> {
                String url = s.path("url").asText();
                tokens.add(url.substring(url.lastIndexOf('#') + 1)); // the slip's secret, in the URL's fragment
            });
            return tokens;
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + PASSPHRASE)
                    .timeout(Duration.ofSeconds(600)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
            return response.body();
        }
    }
}
