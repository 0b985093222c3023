package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;

/**
 * A committee member reads the printed minutes' annex after a meeting day (slips issued, a staff secret set, a
 * present count, a poll opened, voted, counted and shown): in the Vietnamese minutes every event and every detail
 * is in Vietnamese — no stored event name ("poll-opened"), no "name=value" pair, no English note — and the English
 * minutes say the same in English. The audit chain itself keeps its stored text (the JSON shows it as hashed).
 */
class MinutesAnnexInWordsTest {
    private static final String MOTION = "bieu-quyet-quy-che";
    private static final Pattern ENTRY = Pattern.compile("<tr class=\"entry\">.*?</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern STORED_EVENT = Pattern.compile("^[a-z]+(-[a-z]+)+$");
    private static final Pattern PAIR = Pattern.compile("\\b[a-z][a-z0-9-]*=");

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();
    private Api api;

    @BeforeEach
    void start() {
        api = station.api();
    }

    @Test
    void theAnnexSaysEveryEventAndDetailInTheMinutesLanguage() {
        List<String> tokens = api.issueTokens(2);
        assertEquals(200, api.adminPost("/api/admin/staff/chair", Map.of("secret", "chair-pin-4821")).status());
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
        for (String token : tokens) {
            assertEquals(200, api.cast(MOTION, token, Map.of("motion", List.of("agree")), ReceiptCode.randomSecret(new SecureRandom())).status());
        }
        assertEquals(200, api.closeCountAndShow(MOTION).status());

        List<List<String>> vi = annex(api.adminGet("/api/admin/polls/" + MOTION + "/minutes?lang=vi").body());
        assertTrue(vi.size() >= 8, "a day's annex: " + vi.size() + " lines");
        for (List<String> row : vi) {
            String event = row.get(2);
            String detail = row.get(3);
            assertFalse(STORED_EVENT.matcher(event).matches(), "the event in words, not as stored: " + row);
            assertFalse(PAIR.matcher(detail).find(), "the detail in words, not name=value: " + row);
            for (String english : List.of("present:", "summoned", "printed once", "sealed", "received", "count:", "batch")) {
                assertFalse(detail.contains(english), "no English in the Vietnamese annex (" + english + "): " + row);
            }
        }
        assertTrue(vi.stream().anyMatch(r -> r.get(3).contains("có mặt: 30")), "the present count in words: " + vi);

        List<List<String>> en = annex(api.adminGet("/api/admin/polls/" + MOTION + "/minutes?lang=en").body());
        assertEquals(vi.size(), en.size(), "the same lines in both languages");
        assertTrue(en.stream().anyMatch(r -> r.get(3).contains("present: 30")), "the English annex in English words: " + en);
        for (List<String> row : en) assertFalse(PAIR.matcher(row.get(3)).find(), "no name=value in English either: " + row);

        String stored = api.adminGet("/api/admin/polls/" + MOTION + "/minutes.json").json().path("auditLog").toString();
        assertTrue(stored.contains("present=30"), "the chain's stored text is unchanged: " + stored);
    }

    /** The annex's lines as printed: sequence, time, event, detail (tags removed). */
    private static List<List<String>> annex(String page) {
        List<List<String>> rows = new ArrayList<>();
        Matcher entry = ENTRY.matcher(page);
        while (entry.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(entry.group());
            while (cell.find()) cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
            assertEquals(4, cells.size(), entry.group());
            rows.add(cells);
        }
        return rows;
    }
}
