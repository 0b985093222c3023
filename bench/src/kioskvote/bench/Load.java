package kioskvote.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load: C virtual users, each a thread doing one request at a time over HTTP/1.1, until N
 * requests are done. With C requests always in flight the client's pool holds C connections (it
 * opens one whenever none is idle); {@link #run} counts them in /proc/net/tcp to prove it, so each
 * run gets a fresh client.
 */
final class Load {
    /** Called on the virtual user's thread after each answer; ackNanos is when the answer arrived. */
    interface Reply {
        void accept(int index, HttpResponse<String> response, long ackNanos);
    }

    record Result(String name, int connections, int requests, int errors, double seconds, long[] latencyNanos,
                  int connectionsSeen, List<String> errorSamples, long startMillis, long endMillis,
                  double serverCpuMs, double clientCpuMs) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (latencyNanos.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p / 100.0 * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, i))] / 1e6;
        }

        double maxMs() {
            return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
        }

        String line() {
            return String.format("%-28s C=%-3d n=%-6d %7.0f/s  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms  errors %d  connections %d"
                            + "  CPU per request: server %.0f µs, client %.0f µs (%.1f + %.1f cores)",
                    name, connections, requests, perSecond(), percentileMs(50), percentileMs(95), percentileMs(99), maxMs(),
                    errors, connectionsSeen, 1000 * serverCpuMs / requests, 1000 * clientCpuMs / requests,
                    serverCpuMs / 1000 / seconds, clientCpuMs / 1000 / seconds);
        }
    }

    private Load() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    static Result run(String name, HttpClient client, Server server, int connections, int total, IntFunction<HttpRequest> requestFor,
                      Reply reply) throws InterruptedException {
        long[] latency = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        int baseline = Sockets.established(server.port);
        AtomicInteger peak = new AtomicInteger();
        ExecutorService users = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "vu");
            t.setDaemon(true);
            return t;
        });
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(Sockets.established(server.port) - baseline, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "socket-count");
        watcher.setDaemon(true);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double serverCpu0 = server.cpuMillis();
        long clientCpu0 = os.getProcessCpuTime();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        watcher.start();
        for (int u = 0; u < connections; u++) {
            users.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    HttpRequest request = requestFor.apply(i);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        latency[i] = t1 - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            if (samples.size() < 5) samples.add(response.statusCode() + " " + response.body());
                        }
                        if (reply != null) reply.accept(i, response, t1);
                    } catch (Exception e) {
                        latency[i] = System.nanoTime() - t0;
                        errors.incrementAndGet();
                        if (samples.size() < 5) samples.add(e.toString());
                    }
                }
            });
        }
        users.shutdown();
        if (!users.awaitTermination(10, TimeUnit.MINUTES)) throw new IllegalStateException(name + " did not finish");
        double seconds = (System.nanoTime() - start) / 1e9;
        long endMillis = System.currentTimeMillis();
        double serverCpuMs = server.cpuMillis() - serverCpu0;
        double clientCpuMs = (os.getProcessCpuTime() - clientCpu0) / 1e6;
        watcher.interrupt();
        peak.accumulateAndGet(Sockets.established(server.port) - baseline, Math::max);
        Arrays.sort(latency);
        return new Result(name, connections, total, errors.get(), seconds, latency, peak.get(), samples, startMillis, endMillis, serverCpuMs, clientCpuMs);
    }
}
