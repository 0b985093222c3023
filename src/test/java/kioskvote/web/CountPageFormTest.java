package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The count page as a browser without JavaScript sends it: a mistyped group answers the page again naming that
 * group beside its field, everything typed kept and nothing counted; the language switch answers the same page in
 * the other language with the cards kept; the key-card page's switch shows the same card again.
 */
class CountPageFormTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(CountPageFormTest::demoWithAKnownPassphrase);

    private static final String ORGANISER = "organiser-passphrase-1";
    private static final String POLL = "tin-nhiem";

    @Test
    void aMistypedGroupComesBackNamedBesideItsFieldWithEverythingTypedAndNothingCounted() throws Exception {
        String base = start();
        Api organiser = new Api(base, ORGANISER);
        assertEquals(200, organiser.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        assertEquals(200, organiser.adminPost("/api/admin/polls/" + POLL + "/close", Map.of()).status());
        List<String> cards = Api.sharesOf(POLL).codes();
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(303, post(laptop, base, "/admin", "passphrase=" + ORGANISER).statusCode());

        String[] second = cards.get(2).split("-");
        String typo = second[11].charAt(0) + (second[11].charAt(1) == 'A' ? "B" : "A") + second[11].substring(2);
        StringBuilder form = new StringBuilder("share1-g1=" + URLEncoder.encode(cards.get(0), StandardCharsets.UTF_8)); // pasted whole
        for (int g = 1; g <= 16; g++) form.append("&share2-g").append(g).append('=').append(g == 12 ? typo : second[g - 1].toLowerCase());
        HttpResponse<String> answer = post(laptop, base, "/admin/polls/" + POLL + "/count?lang=en", form.toString());
        assertEquals(400, answer.statusCode());
        String page = answer.body();
        assertTrue(page.contains("<p class=\"field-error\" id=\"share2-g12-error\">Group 12 of card 2: check it against the card and type it again.</p>"), page);
        assertTrue(page.matches("(?s).*id=\"share2-g12\" name=\"share2-g12\" value=\"" + typo + "\"[^>]*aria-invalid=\"true\" aria-describedby=\"share2-g12-error\" autofocus.*"),
                "the field keeps its text, is marked, named by the message and has the focus");
        for (int g = 1; g <= 16; g++) {
            assertTrue(page.contains("name=\"share1-g" + g + "\" value=\"" + cards.get(0).split("-")[g - 1] + "\""), "card 1 spread over its groups: " + g);
        }
        assertEquals("counting", organiser.get("/api/polls/" + POLL).json().path("phase").asText(), "nothing counted");

        HttpResponse<String> relang = post(laptop, base, "/admin/polls/" + POLL + "/count?lang=vi", form + "&relang=1");
        assertEquals(200, relang.statusCode());
        assertTrue(relang.body().contains("<html lang=\"vi\">") && relang.body().contains("value=\"" + typo + "\""), "the same cards, in Vietnamese");
        assertEquals("counting", organiser.get("/api/polls/" + POLL).json().path("phase").asText(), "the switch counts nothing");

        String fixed = form.toString().replace("share2-g12=" + typo, "share2-g12=" + second[11]);
        HttpResponse<String> counted = post(laptop, base, "/admin/polls/" + POLL + "/count", fixed);
        assertEquals(303, counted.statusCode(), counted.body());
        assertEquals("closed", organiser.get("/api/polls/" + POLL).json().path("phase").asText());
    }

    @Test
    void theKeyCardsLanguageSwitchShowsTheSameCardAgain() throws Exception {
        String base = start();
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(303, post(laptop, base, "/admin", "passphrase=" + ORGANISER).statusCode());
        String first = post(laptop, base, "/admin/polls/" + POLL + "/open?lang=vi", "confirmBelowQuorum=yes").body();
        assertTrue(first.contains("id=\"share-1\"") && first.contains("<html lang=\"vi\">"));
        String again = post(laptop, base, "/admin/polls/" + POLL + "/cards/next?lang=en", "dealt=0").body();
        assertTrue(again.contains("<html lang=\"en\">") && again.contains("id=\"share-1\""), "card 1 again, in English");
        assertEquals(shareCode(first), shareCode(again));
        assertTrue(post(laptop, base, "/admin/polls/" + POLL + "/cards/next", "dealt=1").body().contains("id=\"share-2\""), "then card 2");
    }

    private static String shareCode(String page) {
        int from = page.indexOf("<li>", page.indexOf("<ol class=\"share-code\""));
        return page.substring(from, page.indexOf("</ol>", from));
    }

    private String start() {
        return station.url();
    }

    /** The demo meeting with the organiser's passphrase set in meeting.yaml. */
    static void demoWithAKnownPassphrase(Path config) throws Exception {
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
    }

    private static HttpResponse<String> post(HttpClient client, String base, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
