package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * The committee's cards are dealt one per screen on the laptop: no answer ever holds two cards, a reload never
 * skips one, and the cards dealt open the box at the count.
 */
class CardDealingTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().meetingFiles(CardDealingTest::demoWithAKnownPassphrase);

    private static final String ORGANISER = "organiser-passphrase-1";
    /** A card's code as the page shows it: its 16 numbered groups in a list. */
    private static final Pattern CARD_CODE = Pattern.compile("<ol class=\"share-code\"[^>]*>(.*?)</ol>", Pattern.DOTALL);
    private static final Pattern GROUP = Pattern.compile("<code>([^<]+)</code>");

    @Test
    void eachScreenShowsOneCardAndTheDealtCardsOpenTheBox() throws Exception {
        String base = start();
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(303, post(laptop, base, "/admin", "passphrase=" + ORGANISER).statusCode());

        HttpResponse<String> screen = post(laptop, base, "/admin/polls/tin-nhiem/open", "confirmBelowQuorum=yes");
        List<String> dealt = new ArrayList<>();
        for (int card = 1; card <= 3; card++) {
            assertEquals(200, screen.statusCode(), screen.body());
            List<String> codes = codes(screen.body());
            assertEquals(1, codes.size(), "one card on screen " + card);
            assertTrue(screen.body().contains("id=\"share-" + card + "\""), "card " + card + " in its turn");
            assertFalse(dealt.contains(codes.get(0)), "a card dealt is not shown again");
            dealt.add(codes.get(0));
            if (card == 1) { // the confirmation of card 1 sent twice (a reload): card 2 both times, none skipped
                HttpResponse<String> once = post(laptop, base, "/admin/polls/tin-nhiem/cards/next", "dealt=1");
                HttpResponse<String> twice = post(laptop, base, "/admin/polls/tin-nhiem/cards/next", "dealt=1");
                assertEquals(codes(once.body()), codes(twice.body()));
                screen = twice;
            } else {
                screen = post(laptop, base, "/admin/polls/tin-nhiem/cards/next", "dealt=" + card);
            }
        }
        assertEquals(303, screen.statusCode(), "after the last card, back to the dashboard");
        assertEquals("/admin?done=cards-dealt", screen.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> after = post(laptop, base, "/admin/polls/tin-nhiem/cards/next", "dealt=3");
        assertEquals(303, after.statusCode(), "no card is left to show");
        assertTrue(codes(after.body()).isEmpty());

        Api organiser = new Api(base, ORGANISER);
        assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
        Api.Reply counted = organiser.unseal("tin-nhiem", List.of(dealt.get(0), dealt.get(2)));
        assertEquals(200, counted.status(), "two of the cards dealt open the box: " + counted.body());
    }

    @Test
    void theApiDealsEachCardOnceInAnAnswerOfItsOwnAndTheOpeningAnswersNone() throws Exception {
        String base = start();
        Api organiser = new Api(base, ORGANISER);
        HttpClient tool = HttpClient.newHttpClient();
        assertEquals(200, organiser.adminPost("/api/admin/present", Map.of("present", 40)).status());
        HttpResponse<String> opened = bearer(tool, base, "/api/admin/polls/tin-nhiem/open", "{}");
        assertEquals(200, opened.statusCode(), opened.body());
        var answer = Api.JSON.readTree(opened.body());
        assertEquals(3, answer.path("cards").size());
        assertFalse(opened.body().contains("\"code\""), "the opening's answer holds no card: " + opened.body());
        List<String> dealt = new ArrayList<>();
        for (var card : answer.path("cards")) {
            HttpResponse<String> one = bearer(tool, base, card.path("deal").asText(), "");
            assertEquals(200, one.statusCode(), one.body());
            var json = Api.JSON.readTree(one.body());
            assertEquals(card.path("index").asInt(), json.path("index").asInt());
            assertEquals(card.path("member").asText(), json.path("member").asText());
            assertEquals("no-store", one.headers().firstValue("Cache-Control").orElse(""));
            dealt.add(json.path("code").asText());
            HttpResponse<String> again = bearer(tool, base, card.path("deal").asText(), "");
            assertEquals(410, again.statusCode(), "a card is dealt once: " + again.body());
            assertEquals("card_dealt", Api.JSON.readTree(again.body()).path("error").path("code").asText());
            assertFalse(again.body().contains(dealt.get(dealt.size() - 1)));
        }
        assertEquals(3, dealt.stream().distinct().count());
        assertEquals(410, bearer(tool, base, "/api/admin/polls/tin-nhiem/cards/x", "").statusCode());
        assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
        Api.Reply counted = organiser.unseal("tin-nhiem", List.of(dealt.get(1), dealt.get(2)));
        assertEquals(200, counted.status(), "two of the cards dealt open the box: " + counted.body());
    }

    @Test
    void theCountPagesFormTakesTheCardsTypedAndARefusedCardIsNamed() throws Exception {
        String base = start();
        Api organiser = new Api(base, ORGANISER);
        assertEquals(200, organiser.adminPost("/api/admin/present", Map.of("present", 40)).status());
        assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/open", Map.of()).status());
        List<String> cards = Api.sharesOf("tin-nhiem").codes();
        assertEquals(200, organiser.adminPost("/api/admin/polls/tin-nhiem/close", Map.of()).status());
        HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals(303, post(laptop, base, "/admin", "passphrase=" + ORGANISER).statusCode());
        HttpResponse<String> refused = post(laptop, base, "/admin/polls/tin-nhiem/count", "share1=" + cards.get(0) + "&share2=" + cards.get(0));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("id=\"share2-error\""), "the card given twice is named beside its field: " + refused.body());
        HttpResponse<String> counted = post(laptop, base, "/admin/polls/tin-nhiem/count",
                "share1=" + cards.get(2).toLowerCase(java.util.Locale.ROOT) + "&share2=" + cards.get(0).replace("-", "+") + "&share3=");
        assertEquals(303, counted.statusCode(), counted.body());
        assertTrue(counted.headers().firstValue("Location").orElseThrow().startsWith("/admin?done=counted"));
    }

    private static HttpResponse<String> bearer(HttpClient client, String base, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ORGANISER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String start() {
        return station.url();
    }

    /** The demo meeting with the organiser's passphrase set in meeting.yaml. */
    static void demoWithAKnownPassphrase(Path config) throws Exception {
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
    }

    private static List<String> codes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = CARD_CODE.matcher(html);
        while (m.find()) codes.add(String.join("-", GROUP.matcher(m.group(1)).results().map(g -> g.group(1)).toList()));
        return codes;
    }

    private static HttpResponse<String> post(HttpClient client, String base, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
