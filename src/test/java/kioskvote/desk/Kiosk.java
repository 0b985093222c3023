package kioskvote.desk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kioskvote.kiosk.KioskRequestProof;
import kioskvote.kiosk.TestKioskKey;

/** An enrolled tablet kiosk, driven over HTTP as kiosk.js drives it: pick up the desk's ballot, cast, or abandon. */
final class Kiosk {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(session|receipt)\" value=\"([^\"]+)\"");

    record Ballot(String session, String receipt) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String origin;
    private final String cookie;
    private final String name;
    private final TestKioskKey key = new TestKioskKey();

    Kiosk(ThreePollMeeting m, String name) {
        this.origin = m.url();
        this.base = m.url() + "/kiosk/" + name;
        this.name = name;
        this.cookie = "kv_kiosk=" + key.enrol(m.station.kioskEnrolments(), name);
    }

    /** The ballot the desk sent, if one is waiting. */
    Optional<Ballot> pickUp() {
        HttpResponse<String> r = post("/desk", "");
        if (r.statusCode() == 204) return Optional.empty();
        if (r.statusCode() != 200) throw new AssertionError("pick-up: " + r.statusCode() + " " + r.body());
        String session = null;
        String receipt = null;
        Matcher m = HIDDEN.matcher(r.body());
        while (m.find()) {
            if (m.group(1).equals("session")) session = m.group(2);
            else receipt = m.group(2);
        }
        // A sealed poll's ballot has no receipt secret from the station (its page draws one): this client draws it.
        return Optional.of(new Ballot(session, receipt != null ? receipt : kioskvote.ballot.ReceiptCode.randomSecret(new java.security.SecureRandom())));
    }

    /** Casts "agree" on the motion; the answer's status. */
    int castAgree(Ballot ballot, String pollId) {
        return post("/cast", "session=" + enc(ballot.session()) + "&poll=" + enc(pollId) + "&receipt=" + enc(ballot.receipt())
                + "&q.motion=agree").statusCode();
    }

    void abandon(Ballot ballot) {
        post("/abandon", "session=" + enc(ballot.session()));
    }

    private HttpResponse<String> post(String path, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).header("Origin", origin)
                    .header(KioskRequestProof.HEADER, key.proof(name, URI.create(base + path).getPath(), form))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
