package kioskvote.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for the station's API, as a script or another client would use it. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, JsonNode json, String body) {
        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String passphrase;

    public Api(String base, String passphrase) {
        this.base = base;
        this.passphrase = passphrase;
    }

    /** Signed in with the station's admin passphrase. */
    public Api(RunningStation station) {
        this(station.url(), station.passphrase());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    public Reply adminGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    public Reply post(String path, Object body) {
        return postRaw(path, write(body), false);
    }

    public Reply adminPost(String path, Object body) {
        return postRaw(path, write(body), true);
    }

    public Reply postRaw(String path, String body, boolean admin) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), admin);
    }

    public Reply postWithPassphrase(String path, Object body, String attempt) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + attempt).POST(HttpRequest.BodyPublishers.ofString(write(body))), false);
    }

    public Reply cast(String pollId, String token, Map<String, List<String>> answers, String receipt) {
        return post("/api/polls/" + pollId + "/ballots", Map.of("token", token, "answers", answers, "receipt", receipt));
    }

    /** Issues slips through the admin API and returns their tokens (the last path segment of each slip URL). */
    public List<String> issueTokens(int count) {
        Reply reply = adminPost("/api/admin/slips", Map.of("count", count, "format", "json"));
        if (reply.status() != 200) throw new AssertionError("issuing slips failed: " + reply.body());
        List<String> tokens = new java.util.ArrayList<>();
        reply.json().path("slips").forEach(s -> {
            String url = s.path("url").asText();
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        });
        return tokens;
    }

    private Reply send(HttpRequest.Builder request, boolean admin) {
        if (admin) request.header("Authorization", "Bearer " + passphrase);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) json = JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
