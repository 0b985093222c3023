package kioskvote.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.sse.SseClient;
import kioskvote.ballot.StationEvents;
import kioskvote.meeting.PollDesk;
import kioskvote.meeting.PollStatus;

/**
 * Server-sent events for the chair's screen and kiosks: turnout and poll state, never a choice.
 * Casting only raises a flag; one background thread sends the latest statuses to every listener, so
 * a burst of ballots costs one update per listener, not one per ballot, and no cast waits on a screen.
 * With nobody listening nothing is read, and screens get at most one update per {@link #MIN_INTERVAL_MS}:
 * under load the status queries and the writes to every screen took a sixth of the casting CPU (JFR,
 * docs/performance.md), for updates no eye can tell apart.
 */
public final class LiveFeed implements StationEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    static final long MIN_INTERVAL_MS = 100;

    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastBroadcastNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MS);
    private volatile PollDesk desk;

    public void attach(PollDesk desk) {
        this.desk = desk;
    }

    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, currentStatus());
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
                String status = currentStatus();
                for (SseClient client : clients) send(client, status);
            }, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private String currentStatus() {
        List<PollStatus> statuses = desk == null ? List.of() : desk.statuses();
        try {
            return JSON.writeValueAsString(Map.of("polls", statuses.stream().map(StatusJson::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statuses are plain data", e);
        }
    }

    private void send(SseClient client, String status) {
        try {
            client.sendEvent("status", status);
        } catch (RuntimeException e) {
            clients.remove(client);
        }
    }
}
