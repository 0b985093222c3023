package kioskvote.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.Waiting;

/** The chair's screen as a program sees it: the latest status event of GET /api/live (server-sent events). */
final class ChairFeed implements AutoCloseable {
    private final AtomicReference<JsonNode> latest = new AtomicReference<>();
    private final InputStream body;

    ChairFeed(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/live")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) throw new IllegalStateException("live feed answered " + response.statusCode());
        body = response.body();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data:")) latest.set(Api.JSON.readTree(line.substring(5).trim()));
                }
            } catch (IOException closed) {
                // the feed or the station went away
            }
        }, "chair-feed");
        reader.setDaemon(true);
        reader.start();
        Waiting.until(java.time.Duration.ofSeconds(30), () -> latest.get() != null);
    }

    /** The poll's latest status on this screen. */
    JsonNode poll(String pollId) {
        for (JsonNode poll : latest.get().path("polls")) if (poll.path("pollId").asText().equals(pollId)) return poll;
        throw new AssertionError("no poll " + pollId + " on the screen: " + latest.get());
    }

    int cast(String pollId) {
        return poll(pollId).path("cast").asInt();
    }

    String state(String pollId) {
        return poll(pollId).path("state").asText();
    }

    /** Milliseconds until the screen shows at least {@code cast} ballots (fails after the limit). */
    long millisUntilCast(String pollId, int cast, long limitMillis) throws InterruptedException {
        long start = System.nanoTime();
        Waiting.until(java.time.Duration.ofMillis(limitMillis), () -> cast(pollId) >= cast);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
