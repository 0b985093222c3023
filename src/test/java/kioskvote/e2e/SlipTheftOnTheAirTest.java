package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.token.TestSlips;

/**
 * The theft of a slip on the air, as an attacker on the meeting's Wi-Fi would try it: a logging proxy records
 * every request the voter's phone sends (what a browser running public/slip.js sends: the slip's secret stays in
 * the URL's fragment), and a second client replays all of it, and every cast it can build from it, through the
 * API and the form, before the voter casts. Nothing it sends casts a ballot; the voter's own cast is then
 * counted; replaying the voter's cast afterwards only repeats that same ballot. And a voter whose slip someone
 * did use first is told so, never that their ballot was recorded.
 */
class SlipTheftOnTheAirTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> MARKS = TokenAndInputRefusalTest.FULL_BALLOT;

    /** One request as the proxy saw it. */
    record Seen(String method, String path, String contentType, String body) {
    }

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    Api api;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<Seen> proxyLog = new ArrayList<>();

    @BeforeEach
    void startStationWithAnOpenPoll() {
        api = station.api();
        api.adminPost("/api/admin/present", Map.of("present", 30));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
    }

    @Test
    void whatTheAirCarriedBeforeTheCastCastsNothingAndTheVoterIsCounted() throws Exception {
        String secret = api.issueTokens(1).get(0);
        String key = TestSlips.keyOf(secret);
        // The voter's phone, through the proxy: the slip's URL without its fragment, the ballot, the review, a check.
        assertEquals(200, voter("GET", "/V", null, null).statusCode());
        HttpResponse<String> ballot = voter("GET", "/v/" + key, null, null);
        assertEquals(200, ballot.statusCode(), ballot.body());
        Matcher receiptField = Pattern.compile("name=\"receipt\" value=\"([^\"]+)\"").matcher(ballot.body());
        assertTrue(receiptField.find());
        String receipt = receiptField.group(1);
        String form = form(receipt);
        assertEquals(200, voter("POST", "/v/" + key + "/review", "application/x-www-form-urlencoded", form).statusCode());
        assertEquals(200, voter("POST", "/api/polls/" + POLL + "/token-check", "application/json",
                Api.JSON.writeValueAsString(Map.of("slipKey", key))).statusCode());
        for (Seen seen : proxyLog) assertFalse((seen.path() + seen.body()).contains(secret), "the slip's secret on the air");

        // The thief: every request replayed, then every cast that can be built from what was seen.
        int tried = 0;
        List<String> answers = new ArrayList<>();
        for (Seen seen : List.copyOf(proxyLog)) {
            answers.add(send(seen).statusCode() + " " + seen.method() + " " + seen.path());
            tried++;
        }
        for (Seen seen : List.copyOf(proxyLog)) {
            if (seen.body() == null) continue;
            for (String signature : List.of("", "0".repeat(128), TestSlips.sign(api.issueTokens(1).get(0), api.meetingId(), POLL, MARKS, receipt))) {
                Map<String, List<String>> fields = fields(seen.body().startsWith("{") ? form : seen.body());
                String asForm = seen.body().startsWith("{") ? form : seen.body();
                HttpResponse<String> byForm = send(new Seen("POST", "/v/" + key + "/cast", "application/x-www-form-urlencoded",
                        asForm + (signature.isEmpty() ? "" : "&signature=" + signature)));
                answers.add(byForm.statusCode() + " form cast");
                assertTrue(byForm.statusCode() == 403, byForm.statusCode() + " " + byForm.body());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("slipKey", key);
                if (!signature.isEmpty()) json.put("signature", signature);
                json.put("answers", marksOf(fields));
                json.put("receipt", fields.get("receipt").get(0));
                HttpResponse<String> byApi = send(new Seen("POST", "/api/polls/" + POLL + "/ballots", "application/json",
                        Api.JSON.writeValueAsString(json)));
                answers.add(byApi.statusCode() + " API cast");
                assertTrue(byApi.statusCode() == 403, byApi.statusCode() + " " + byApi.body());
                tried += 2;
            }
        }
        assertEquals(0, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "a cast from what the air carried:\n" + answers);
        System.out.println("requests on the air before the cast: " + proxyLog.size() + "; replays and casts built from them: " + tried
                + "; ballots cast: 0\n  " + String.join("\n  ", answers));

        // The voter casts, signed by the page.
        String signature = TestSlips.sign(secret, api.meetingId(), POLL, MARKS, receipt);
        HttpResponse<String> cast = voter("POST", "/v/" + key + "/cast", "application/x-www-form-urlencoded", form + "&signature=" + signature);
        assertEquals(303, cast.statusCode(), cast.body());
        String receiptPage = cast.headers().firstValue("Location").orElseThrow();
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt());
        // Now the air carried the signed cast too: replayed, it is that same ballot again, not a second one.
        HttpResponse<String> replayed = send(proxyLog.get(proxyLog.size() - 1));
        assertEquals(303, replayed.statusCode());
        assertEquals(receiptPage, replayed.headers().firstValue("Location").orElseThrow());
        assertEquals(1, api.get("/api/polls/" + POLL).json().path("cast").asInt());
    }

    @Test
    void aVoterWhoseSlipSomeoneUsedIsToldSoAndNeverThatTheBallotWasRecorded() throws Exception {
        String secret = api.issueTokens(1).get(0);
        String key = TestSlips.keyOf(secret);
        // Someone who had the slip in hand (it was never on the air) votes with it first.
        assertEquals(200, api.cast(POLL, secret, Map.of("s1", List.of("low")), Receipts.random()).status());
        String receipt = Receipts.random();
        String signature = TestSlips.sign(secret, api.meetingId(), POLL, MARKS, receipt);
        for (String lang : List.of("vi", "en")) {
            HttpResponse<String> page = voter("POST", "/v/" + key + "/cast?lang=" + lang, "application/x-www-form-urlencoded",
                    form(receipt) + "&signature=" + signature);
            assertEquals(409, page.statusCode());
            String text = page.body();
            assertTrue(text.contains(lang.equals("vi") ? "Phiếu này đã được dùng để bỏ phiếu — hãy đến bàn Ban kiểm phiếu"
                    : "Someone used this slip to vote — go to the counting committee"), text);
            assertFalse(text.contains("ballot was recorded") || text.contains("phiếu đã được ghi nhận") || text.contains("đã được ghi nhận;"),
                    "the page says the ballot was recorded:\n" + text);
        }
        Api.Reply byApi = api.cast(POLL, secret, MARKS, receipt);
        assertEquals(409, byApi.status());
        assertEquals("Someone used this slip to vote — go to the counting committee's desk.",
                byApi.json().path("error").path("message").path("en").asText());
    }

    private String form(String receipt) {
        StringBuilder form = new StringBuilder("poll=" + POLL + "&receipt=" + enc(receipt));
        MARKS.forEach((q, options) -> options.forEach(o -> form.append("&q.").append(q).append('=').append(enc(o))));
        return form.toString();
    }

    private static Map<String, List<String>> fields(String form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Map<String, List<String>> marksOf(Map<String, List<String>> fields) {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("q.")) marks.put(name.substring(2), values);
        });
        return marks;
    }

    private HttpResponse<String> voter(String method, String path, String contentType, String body) throws Exception {
        Seen seen = new Seen(method, path, contentType, body);
        proxyLog.add(seen);
        return send(seen);
    }

    private HttpResponse<String> send(Seen seen) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(station.url() + seen.path()));
        if (seen.body() == null) request.GET();
        else request.header("Content-Type", seen.contentType()).POST(HttpRequest.BodyPublishers.ofString(seen.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
