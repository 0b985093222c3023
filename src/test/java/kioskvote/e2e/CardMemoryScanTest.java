package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.ProcessTest;
import kioskvote.StationExtension;

/**
 * Reads the running station's memory (/proc/PID/mem, every readable region: heap, Jetty's native buffers,
 * stacks) for the committee's cards, as someone with a debugger, a core dump or the swap file of the laptop would:
 * after the cards of two polls are dealt (one per screen on the laptop, and one per answer through the API), after
 * 300 casts, and after both counts (one through the API's JSON, one through the count page's form). Each card is
 * looked for as its code in Latin-1/UTF-8 (a String, a response or request buffer) and in UTF-16 (a char array,
 * a StringBuilder), and as its 32 share bytes. The control: while card 3 waits to be dealt the station holds it,
 * and the scan finds it. The figures are printed (target/surefire-reports) and stated in docs/security.md.
 */
@ProcessTest
class CardMemoryScanTest {
    private static final String POLL_A = "tin-nhiem";
    private static final String POLL_B = "bieu-quyet-quy-che";
    /** A card's code as the page shows it: its 16 numbered groups in a list. */
    private static final Pattern CARD_CODE = Pattern.compile("<ol class=\"share-code\"[^>]*>(.*?)</ol>", Pattern.DOTALL);
    private static final Pattern GROUP = Pattern.compile("<code>([^<]+)</code>");

    /** The demo meeting without its roster; a process of its own, as its memory is what is read. */
    @RegisterExtension
    final StationExtension station = StationExtension.process().meetingFiles(config ->
            Files.writeString(config.resolve("meeting.yaml"), Files.readString(FullConfidenceVoteTest.DEMO.resolve("meeting.yaml"))));

    @Test
    void theRunningStationsMemoryIsScannedForEveryCardAfterTheOpenAfterCastingAndAfterTheCount() throws Exception {
        {
            String base = station.url();
            HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            assertEquals(303, post(laptop, base, "/admin", "passphrase=" + station.passphrase()).statusCode());
            Api api = new Api(base, station.passphrase());
            assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 40)).status());

            // Poll A: its cards dealt one per screen on the laptop. While card 3 waits, its share bytes are in memory:
            // the scan must find them (it can see a card), and then nothing once card 3 is dealt.
            List<String> cards = new ArrayList<>();
            int waiting = -1;
            HttpResponse<String> screen = post(laptop, base, "/admin/polls/" + POLL_A + "/open", "confirmBelowQuorum=yes");
            while (screen.statusCode() == 200) {
                Matcher m = CARD_CODE.matcher(screen.body());
                assertTrue(m.find(), screen.body());
                cards.add(String.join("-", GROUP.matcher(m.group(1)).results().map(g -> g.group(1)).toList()));
                if (cards.size() == 3) {
                    System.out.println("while card 3 waits to be dealt:");
                    waiting = scan(station.pid(), List.of(cards.get(2)));
                }
                screen = post(laptop, base, "/admin/polls/" + POLL_A + "/cards/next", "dealt=" + cards.size());
            }
            assertEquals(3, cards.size());
            screen = null;
            // Poll B: its cards dealt through the API, one answer per card.
            assertEquals(200, api.adminPost("/api/admin/polls/" + POLL_B + "/open", Map.of()).status());
            List<String> all = new ArrayList<>(cards);
            all.addAll(Api.sharesOf(POLL_B).codes());
            assertEquals(6, all.size());

            Map<String, Integer> found = new LinkedHashMap<>();
            System.out.println("after the open:");
            found.put("after the open", scan(station.pid(), all));

            List<String> tokens = api.issueTokens(300);
            for (String token : tokens) {
                assertEquals(200, api.cast(POLL_A, token, TokenAndInputRefusalTest.FULL_BALLOT, Receipts.random()).status());
            }
            System.out.println("after 300 casts:");
            found.put("after 300 casts", scan(station.pid(), all));

            // A counted through the API (JSON), B through the count page's form.
            assertEquals(200, api.adminPost("/api/admin/polls/" + POLL_A + "/close", Map.of()).status());
            Api.Reply counted = api.unseal(POLL_A, List.of(cards.get(0), cards.get(2)));
            assertEquals(200, counted.status(), counted.body());
            assertEquals(200, api.adminPost("/api/admin/polls/" + POLL_B + "/close", Map.of()).status());
            HttpResponse<String> countedB = post(laptop, base, "/admin/polls/" + POLL_B + "/count", groups(1, all.get(4)) + "&" + groups(2, all.get(3)));
            assertEquals(303, countedB.statusCode(), countedB.body());
            System.out.println("after the count:");
            found.put("after the count", scan(station.pid(), all));

            System.out.println("card 3 of " + POLL_A + " found while it waited: " + waiting + " (share bytes; the control)");
            System.out.println("card codes and share bytes found in the station's memory (6 cards, after a full GC): " + found);
            assertTrue(waiting > 0, "the scan finds a card the station holds: " + waiting);
            found.forEach((when, copies) -> assertEquals(0, copies, "copies of the cards " + when + ": " + found));
        }
    }

    /** Full GC first (what is unreachable may still be in memory: that is the point), then every readable region. */
    private static int scan(long pid, List<String> codes) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        assertEquals(0, gc.waitFor());
        List<byte[]> needles = new ArrayList<>();
        for (String code : codes) {
            needles.add(code.getBytes(StandardCharsets.ISO_8859_1));
            needles.add(code.getBytes(StandardCharsets.UTF_16LE));
            needles.add(shareBytes(code));
        }
        int found = 0;
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                String[] f = line.split("\\s+");
                if (f[1].charAt(0) != 'r' || line.contains("[vvar]") || line.contains("[vsyscall]")) continue;
                String[] range = f[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                long end = Long.parseUnsignedLong(range[1], 16);
                int here = scanRegion(mem, start, end, needles);
                if (here > 0) System.out.println("  " + here + " in " + line.strip()); // where: the heap, an anonymous native region, a stack
                found += here;
            }
        }
        return found;
    }

    private static int scanRegion(RandomAccessFile mem, long start, long end, List<byte[]> needles) {
        int found = 0;
        int overlap = 256;
        byte[] buffer = new byte[1 << 20];
        for (long at = start; at < end; at += buffer.length - overlap) {
            int length = (int) Math.min(buffer.length, end - at);
            try {
                mem.seek(at);
                mem.readFully(buffer, 0, length);
            } catch (IOException unreadable) {
                continue; // a guard page or a region unmapped meanwhile
            }
            String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            for (byte[] needle : needles) {
                String n = new String(needle, StandardCharsets.ISO_8859_1);
                for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
                    if (at == start || i + n.length() > overlap) { // a match within the overlap was counted in the chunk before
                        found++;
                        System.out.println("    card " + (needles.indexOf(needle) / 3 + 1) + List.of(" latin-1", " utf-16", " share bytes").get(needles.indexOf(needle) % 3)
                                + " at 0x" + Long.toHexString(at + i) + ": …" + printable(text, i - 80, i) + "⟦code⟧" + printable(text, i + n.length(), i + n.length() + 60) + "…");
                    }
                }
            }
            if (length < buffer.length) break;
        }
        return found;
    }

    /** The card's 32 share bytes, as the code carries them (seal/ShareCode: Crockford base32, a check symbol per group of four). */
    static byte[] shareBytes(String code) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        String symbols = code.replace("-", "");
        byte[] payload = new byte[40];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < symbols.length(); i++) {
            if (i % 5 == 4) continue; // the group's check symbol
            buffer = (buffer << 5) | alphabet.indexOf(symbols.charAt(i));
            bits += 5;
            if (bits >= 8) {
                payload[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOfRange(payload, 6, 38); // after the box fingerprint, the threshold and the index
    }

    private static String printable(String text, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(text.length(), to); i++) {
            char c = text.charAt(i);
            out.append(c >= 32 && c < 127 ? c : '.');
        }
        return out.toString();
    }

    private static HttpResponse<String> post(HttpClient client, String base, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A card as the count page's form sends it: its 16 groups, field share{card}-g{group} each. */
    private static String groups(int card, String code) {
        String[] parts = code.split("-");
        StringBuilder form = new StringBuilder();
        for (int g = 0; g < parts.length; g++) form.append(g == 0 ? "" : "&").append("share").append(card).append("-g").append(g + 1).append('=').append(parts[g]);
        return form.toString();
    }
}
