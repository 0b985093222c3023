package kioskvote.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 */
public final class LiveFeed implements StationEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
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
        if (pending.compareAndSet(false, true)) {
            sender.execute(() -> {
                pending.set(false);
                String status = currentStatus();
                for (SseClient client : clients) send(client, status);
            });
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
