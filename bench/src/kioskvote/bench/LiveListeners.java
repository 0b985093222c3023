package kioskvote.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N chair/kiosk screens on GET /api/live (server-sent events). Each records when it saw the turnout
 * of one poll rise, so the delay from a cast's acknowledgement to its arrival on every screen can be
 * computed afterwards.
 */
final class LiveListeners implements AutoCloseable {
    private final List<Screen> screens = new ArrayList<>();

    /** One screen: arrival times (nanoTime) of each rise of the poll's cast count. */
    static final class Screen implements Flow.Subscriber<String> {
        private final Pattern cast;
        private long[] times = new long[256];
        private int[] counts = new int[256];
        private int n;
        private volatile int last = -1;
        private volatile Flow.Subscription subscription;

        Screen(String pollId) {
            this.cast = Pattern.compile("\"pollId\":\"" + Pattern.quote(pollId) + "\"[^}]*?\"cast\":(\\d+)");
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (!line.startsWith("data:")) return;
            Matcher m = cast.matcher(line);
            if (!m.find()) return;
            int count = Integer.parseInt(m.group(1));
            synchronized (this) {
                if (count <= last) return;
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                    counts = Arrays.copyOf(counts, n * 2);
                }
                times[n] = now;
                counts[n] = count;
                n++;
                last = count;
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }

        int lastCount() {
            return last;
        }

        /** When this screen first showed a count of at least `count`, or -1 if it never did. */
        synchronized long firstAtLeast(int count) {
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (counts[mid] >= count) hi = mid;
                else lo = mid + 1;
            }
            return lo == n ? -1 : times[lo];
        }

        void cancel() {
            if (subscription != null) subscription.cancel();
        }
    }

    LiveListeners(String baseUrl, String pollId, int count) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/live")).header("Accept", "text/event-stream").build();
        for (int i = 0; i < count; i++) {
            Screen screen = new Screen(pollId);
            screens.add(screen);
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(screen));
        }
    }

    /** Waits until every screen has shown at least `count` (their first event carries the current turnout). */
    boolean awaitAll(int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (screens.stream().allMatch(s -> s.lastCount() >= count)) return true;
            Thread.sleep(10);
        }
        return false;
    }

    int screensAtLeast(int count) {
        return (int) screens.stream().filter(s -> s.lastCount() >= count).count();
    }

    /**
     * Delays, in nanoseconds, from each acknowledgement to each screen. An acknowledged ballot was
     * committed as at most the `startedBefore`-th cast of the run (nothing started later can have
     * committed before it), so a screen showing base + startedBefore certainly includes it: the
     * delay is therefore an upper bound. A screen that showed it before the ack counts 0.
     * Misses (never shown) are returned as -1.
     */
    long[] delays(long[] ackNanos, int[] startedBefore, int base) {
        long[] out = new long[screens.size() * ackNanos.length];
        int k = 0;
        for (Screen screen : screens) {
            for (int i = 0; i < ackNanos.length; i++) {
                long seen = screen.firstAtLeast(base + startedBefore[i]);
                out[k++] = seen < 0 ? -1 : Math.max(0, seen - ackNanos[i]);
            }
        }
        return out;
    }

    @Override
    public void close() {
        screens.forEach(Screen::cancel);
    }
}
