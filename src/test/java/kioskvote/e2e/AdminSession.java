package kioskvote.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A signed-in admin page session as a browser holds it (the cookie), for tests that post forms with chosen headers. */
final class AdminSession {
    private AdminSession() {
    }

    /** Signs in with a secret (organiser, chair or clerk) through the sign-in form; the session cookie as "kv_admin=…". */
    static String cookie(String stationUrl, String secret) throws Exception {
        HttpResponse<String> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stationUrl + "/admin"))
                .header("Origin", stationUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("passphrase=" + URLEncoder.encode(secret, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kv_admin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError(signedIn.body()));
    }

    /** A POST with this body type, cookie and extra headers (Origin, Referer…), nothing added by the test's Api. */
    static HttpResponse<String> post(String stationUrl, String path, String type, String body, String cookie,
                                     Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stationUrl + path)).header("Content-Type", type)
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
