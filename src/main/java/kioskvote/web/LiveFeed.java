package kioskvote.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;

import kioskvote.meeting.StationEvents;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollStatus;

/**
 * Server-sent events for the chair's screen and kiosks: turnout and poll state, never a choice.
 * Casting only raises a flag; one background thread sends the latest statuses to every listener, so
 * a burst of ballots costs one update per listener, not one per ballot, and no cast waits on a screen.
 * With nobody listening nothing is read, and screens get at most one update per {@link #MIN_INTERVAL_MS}:
 * under load the status queries and the writes to every screen took a sixth of the casting CPU (JFR,
 * docs/performance.md), for updates no eye can tell apart. An update is encoded once and the same bytes are
 * written to every screen: Javalin's {@code sendEvent} re-reads and re-encodes the text for each screen (a
 * reader, a writer and two 8 KB buffers a time), which with 500 screens was a third of the server's CPU while
 * casting (JFR, docs/performance.md).
 * <p>
 * Stations sharing one PostgreSQL database (docs/scaling.md) do not hear each other's casts, so a feed
 * made by {@link #watchingOtherStations()} also reads the statuses every {@link #OTHER_STATIONS_POLL_MS}
 * while someone is listening, and sends them when they differ from what it sent last: a screen on any
 * station shows the turnout of all of them within that bound plus one query.
 */
public final class LiveFeed implements StationEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    static final long MIN_INTERVAL_MS = 100;
    static final long OTHER_STATIONS_POLL_MS = 250;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveFeed.class);

    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastBroadcastNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS);
    private volatile PollStatuses desk;
    private volatile String lastSent; // written on the sender thread only
    private volatile boolean databaseTroubleLogged;

    /** A feed for the only station on its database: every change it must report happens here. */
    public LiveFeed() {
    }

    /** A feed for a station that shares its database: also notices casts, closes and slips on the other stations. */
    public static LiveFeed watchingOtherStations() {
        LiveFeed feed = new LiveFeed();
        feed.sender.scheduleWithFixedDelay(feed::sendIfChangedElsewhere, OTHER_STATIONS_POLL_MS, OTHER_STATIONS_POLL_MS,
                TimeUnit.MILLISECONDS);
        return feed;
    }

    /**
     * Where Javalin runs a joining screen's set-up (its first status): two threads, however many screens join
     * at once. The set-up is one short write; afterwards a screen holds no thread.
     */
    static ExecutorService joiningPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "live-feed-join");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public void attach(PollStatuses desk) {
        this.desk = desk;
    }

    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, statusEvent(currentStatus()));
    }

    public int listeners() {
        return clients.size();
    }

    @Override
    public void turnoutChanged(String pollId) {
        scheduleBroadcast();
    }

    @Override
    public void pollStateChanged(String pollId) {
        scheduleBroadcast();
    }

    private void scheduleBroadcast() {
        if (clients.isEmpty()) return; // a screen that joins later is sent the current status then
        if (pending.compareAndSet(false, true)) {
            long wait = lastBroadcastNanos + TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS) - System.nanoTime();
            sender.schedule(() -> {
                pending.set(false);
                lastBroadcastNanos = System.nanoTime();
                broadcast(readStatus());
            }, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void sendIfChangedElsewhere() {
        if (clients.isEmpty() || pending.get()) return; // nobody to tell, or a broadcast is coming anyway
        String status = readStatus();
        if (status != null && !status.equals(lastSent)) broadcast(status);
    }

    private void broadcast(String status) {
        if (status == null) return;
        lastSent = status;
        byte[] event = statusEvent(status);
        for (SseClient client : clients) send(client, event);
    }

    /** A "status" event as server-sent events put it on the wire; the status is JSON on one line (Jackson escapes line breaks). */
    private static byte[] statusEvent(String status) {
        return ("event: status\ndata: " + status + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The statuses, or null while the database cannot be read: screens keep the last figures until it is back. */
    private String readStatus() {
        try {
            String status = currentStatus();
            databaseTroubleLogged = false;
            return status;
        } catch (RuntimeException e) {
            if (!databaseTroubleLogged) LOG.warn("live feed: cannot read the statuses, screens keep the last figures: {}", e.toString());
            databaseTroubleLogged = true;
            return null;
        }
    }

    private String currentStatus() {
        List<PollStatus> statuses = desk == null ? List.of() : desk.statuses();
        try {
            return JSON.writeValueAsString(PollStatusJson.Polls.of(statuses));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statuses are plain data", e);
        }
    }

    /** Writes one event to one screen; a screen that has gone away is closed and forgotten. */
    private void send(SseClient client, byte[] event) {
        try {
            synchronized (client) { // a joining screen's first status and a broadcast come from two threads
                if (client.terminated()) throw new IOException("screen closed");
                var response = client.ctx().res();
                response.getOutputStream().write(event);
                response.flushBuffer();
            }
        } catch (IOException | RuntimeException e) {
            clients.remove(client);
            client.close();
        }
    }
}
