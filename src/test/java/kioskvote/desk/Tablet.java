package kioskvote.desk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kioskvote.kiosk.KioskRequestProof;
import kioskvote.kiosk.TestKioskKey;

/**
 * A tablet enrolled as a kiosk the way the organiser does it (signed in on the tablet, "enrol this tablet"
 * on the desk page), then driven over plain HTTP with the cookie it received. The station's address is
 * given on every call, so the same tablet keeps talking to a station started again on another port.
 */
final class Tablet {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(session|receipt)\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("kv_kiosk=([^;]+)");

    record Ballot(String session, String receipt) {
    }

    final String name;
    final String secret;
    private final TestKioskKey key;
    private final HttpClient http = HttpClient.newHttpClient();

    private Tablet(String name, String secret, TestKioskKey key) {
        this.name = name;
        this.secret = secret;
        this.key = key;
    }

    /**
     * Signs the organiser in on a fresh browser and enrols it as kiosk {@code name}: the desk page sends it to the
     * kiosk page with a one-time code in the fragment, which the page sends with its new key (public/kiosk-key.js).
     */
    static Tablet enrol(String base, String passphrase, String name) {
        HttpClient browser = organiser(base, passphrase);
        HttpResponse<String> desk = form(browser, base, "/admin/kiosks/enrol", "name=" + name);
        String location = desk.headers().firstValue("Location").orElse("");
        if (desk.statusCode() != 303 || !location.contains("#enrol=")) throw new AssertionError("enrolment: " + desk.statusCode() + " " + location);
        TestKioskKey key = new TestKioskKey();
        HttpResponse<String> enrol = form(browser, base, "/kiosk/" + name + "/enrol",
                "code=" + location.substring(location.indexOf("#enrol=") + 7) + "&key=" + key.publicHex());
        if (enrol.statusCode() != 303) throw new AssertionError("enrolment: " + enrol.statusCode() + " " + enrol.body());
        String setCookie = enrol.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kv_kiosk=")).findFirst().orElseThrow();
        Matcher m = COOKIE.matcher(setCookie);
        if (!m.find()) throw new AssertionError(setCookie);
        return new Tablet(name, m.group(1), key);
    }

    /** A client that presents a cookie value it did not receive from the station (a guess, or a value read elsewhere). */
    static Tablet forged(String name, String cookieValue) {
        return new Tablet(name, cookieValue, new TestKioskKey());
    }

    /** A browser with the admin session cookie of whoever signs in with {@code secret} (organiser, chair or clerk). */
    static HttpClient organiser(String base, String secret) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signIn = form(browser, base, "/admin", "passphrase=" + enc(secret));
        if (signIn.statusCode() >= 400) throw new AssertionError("sign-in: " + signIn.statusCode() + " " + signIn.body());
        return browser;
    }

    /** A form POST from the station's own page (same Origin), without following the redirect. */
    static HttpResponse<String> form(HttpClient client, String base, String path, String body) {
        return send(client, HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET /kiosk/NAME: 200 for the enrolled tablet, 403 otherwise. */
    int welcome(String base) {
        return send(http, HttpRequest.newBuilder(URI.create(base + "/kiosk/" + name)).header("Cookie", "kv_kiosk=" + secret).GET()).statusCode();
    }

    /** The desk's ballot, if one waits; the status of the pick-up otherwise (204 none, 403 not enrolled). */
    HttpResponse<String> pickUpRaw(String base) {
        return post(base, "/desk", "");
    }

    Optional<Ballot> pickUp(String base) {
        HttpResponse<String> r = pickUpRaw(base);
        if (r.statusCode() == 204) return Optional.empty();
        if (r.statusCode() != 200) throw new AssertionError("pick-up: " + r.statusCode() + " " + r.body());
        return Optional.of(ballot(r.body()));
    }

    /** A slip scanned or typed at the kiosk: the ballot page's session. */
    Ballot start(String base, String code) {
        HttpResponse<String> r = post(base, "/start", "code=" + enc(code));
        if (r.statusCode() != 200) throw new AssertionError("start: " + r.statusCode() + " " + r.body());
        return ballot(r.body());
    }

    /** Casts the marks; the answer (200 with the receipt page, or the refusal). */
    HttpResponse<String> cast(String base, Ballot ballot, String pollId, Map<String, List<String>> marks) {
        StringBuilder form = new StringBuilder("session=" + enc(ballot.session()) + "&poll=" + enc(pollId) + "&receipt=" + enc(ballot.receipt()));
        marks.forEach((q, choices) -> choices.forEach(c -> form.append("&q.").append(enc(q)).append('=').append(enc(c))));
        return post(base, "/cast", form.toString());
    }

    private HttpResponse<String> post(String base, String path, String form) {
        return send(http, HttpRequest.newBuilder(URI.create(base + "/kiosk/" + name + path)).header("Cookie", "kv_kiosk=" + secret)
                .header("Origin", base).header(KioskRequestProof.HEADER, key.proof(name, "/kiosk/" + name + path, form)).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static Ballot ballot(String html) {
        String session = null;
        String receipt = null;
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (m.group(1).equals("session")) session = m.group(2);
            else receipt = m.group(2);
        }
        if (session == null) throw new AssertionError("no ballot in the page: " + html);
        // A sealed poll's ballot has no receipt secret from the station (its page draws one): this client draws it.
        if (receipt == null) receipt = kioskvote.ballot.ReceiptCode.randomSecret(new java.security.SecureRandom());
        return new Ballot(session, receipt);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
