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

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    public Reply adminGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    public Reply post(String path, Object body) {
        return postRaw(path, write(body), false);
    }

    /**
     * An admin call. Opening a sealed poll answers where each key card is dealt; each card is then fetched once,
     * in an answer of its own, as its member would, and kept here (for every Api of the test JVM, since stations
     * sharing one database share polls) so that a test can count the poll after the close, as the committee would.
     */
    public Reply adminPost(String path, Object body) {
        Reply reply = postRaw(path, write(body), true);
        var opened = java.util.regex.Pattern.compile("/api/admin/polls/([^/]+)/open").matcher(path);
        if (opened.matches() && reply.status() == 200 && reply.json() != null && reply.json().has("cards")) {
            List<String> codes = new java.util.ArrayList<>();
            for (JsonNode card : reply.json().path("cards")) {
                Reply dealt = postRaw(card.path("deal").asText(), "", true);
                if (dealt.status() != 200) throw new AssertionError("card " + card.path("index") + " not dealt: " + dealt.body());
                codes.add(dealt.json().path("code").asText());
            }
            SHARES.put(opened.group(1), new Shares(codes, reply.json().path("box").path("threshold").asInt()));
        }
        return reply;
    }

    /** The shares of a sealed poll, as its opening answered them. */
    public record Shares(List<String> codes, int threshold) {
        public List<String> enough() {
            return codes.subList(0, threshold);
        }
    }

    private static final Map<String, Shares> SHARES = new java.util.concurrent.ConcurrentHashMap<>();

    public static Shares sharesOf(String pollId) {
        Shares shares = SHARES.get(pollId);
        if (shares == null) throw new AssertionError("poll " + pollId + " was not opened through this test's Api");
        return shares;
    }

    /** POST /api/admin/polls/{id}/unseal with the given share codes. */
    public Reply unseal(String pollId, List<String> codes) {
        return adminPost("/api/admin/polls/" + pollId + "/unseal", Map.of("shares", codes));
    }

    /**
     * Closes the poll and, if it is sealed, has the committee open its box with k shares: results,
     * receipts and minutes are then published. Answers the close's reply.
     */
    public Reply closeAndCount(String pollId) {
        Reply closed = adminPost("/api/admin/polls/" + pollId + "/close", Map.of());
        if (closed.status() == 200 && closed.json().path("sealed").asBoolean()) {
            Reply counted = unseal(pollId, sharesOf(pollId).enough());
            if (counted.status() != 200) throw new AssertionError("unsealing " + pollId + " failed: " + counted.body());
        }
        return closed;
    }

    /**
     * Closes and counts the poll, then the chair shows its results: from then on its results, ballots, receipt
     * codes and record are public (PollStatus.requirePublished). Answers the close's reply.
     */
    public Reply closeCountAndShow(String pollId) {
        Reply closed = closeAndCount(pollId);
        if (closed.status() != 200) return closed;
        Reply shown = adminPost("/api/admin/polls/" + pollId + "/show-results", Map.of());
        if (shown.status() != 200) throw new AssertionError("showing the results of " + pollId + " failed: " + shown.body());
        return closed;
    }

    public Reply postRaw(String path, String body, boolean admin) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), admin);
    }

    public Reply postWithPassphrase(String path, Object body, String attempt) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + attempt).POST(HttpRequest.BodyPublishers.ofString(write(body))), false);
    }

    /**
     * Casts as a voter's page does: a slip's secret (39 digits, or its URL) becomes its public key and the
     * signature of this cast (public/slip.js); anything else is sent as the slip key as is, unsigned.
     */
    public Reply cast(String pollId, String token, Map<String, List<String>> answers, String receipt) {
        String secret = kioskvote.token.TestSlips.secretOf(token);
        if (!secret.matches("[0-9]{39}")) {
            return post("/api/polls/" + pollId + "/ballots", Map.of("slipKey", token, "answers", answers, "receipt", receipt));
        }
        String signature = kioskvote.token.TestSlips.sign(secret, meetingId(), pollId, answers, receipt);
        return post("/api/polls/" + pollId + "/ballots", Map.of("slipKey", kioskvote.token.TestSlips.keyOf(secret),
                "signature", signature, "answers", answers, "receipt", receipt));
    }

    private String meetingId;

    /** The meeting's id (what a slip key signs with), read once from /api/meeting. */
    public String meetingId() {
        if (meetingId == null) {
            Reply meeting = get("/api/meeting");
            if (meeting.status() != 200) throw new IllegalStateException("GET /api/meeting answered " + meeting.status() + ": " + meeting.body());
            meetingId = meeting.json().path("id").asText(); // kept only when read: a cast is signed with it
        }
        return meetingId;
    }

    /** Issues slips through the admin API and returns their secrets (the digits after '#' in each slip URL). */
    public List<String> issueTokens(int count) {
        Reply reply = adminPost("/api/admin/slips", Map.of("count", count, "format", "json"));
        if (reply.status() != 200) throw new AssertionError("issuing slips failed: " + reply.body());
        List<String> tokens = new java.util.ArrayList<>();
        reply.json().path("slips").forEach(s -> {
            String url = s.path("url").asText();
            tokens.add(kioskvote.token.TestSlips.secretOf(url));
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
