package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.ProcessTest;
import kioskvote.StationExtension;
import kioskvote.Waiting;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.token.TestSlips;
import kioskvote.token.Token;

/**
 * Printed slips come from the reserve minted in the background (docs/security.md, "Slips"): a run printed from it
 * and answered, then the station killed at once, still votes after the restart, each slip once, at a phone (its QR
 * code) or at a kiosk (its typed short code), and is counted as issued; the reserve's other tokens, lost with the
 * process, are not.
 */
@ProcessTest
class PrintedSlipsFromTheReserveTest {
    static final String POLL = "tin-nhiem";
    static final Map<String, List<String>> ALL_HIGH = Map.of("s1", List.of("high"), "s2", List.of("high"), "s3", List.of("high"), "s4", List.of("high"));

    @RegisterExtension
    final StationExtension station = StationExtension.process();

    @Test
    void aRunFromTheReserveVotesOnceAtAPhoneAndAtAKioskAfterAKillRightAfterItsAnswer() throws Exception {
        String passphrase = station.passphrase();
        Api api = new Api(station.url(), passphrase);
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of("confirmBelowQuorum", true)).status());
        awaitIdle(station.pid()); // the desk pool and the printable reserve minted: the run below hashes nothing
        List<String> slips = api.issueTokens(6);
        station.kill9(); // right after the answer

        station.restart();
        String url = station.url();
        api = new Api(url, passphrase);
        Tablet kiosk = Tablet.enrol(url, passphrase, "phong-1");
        for (String phone : slips.subList(0, 3)) {
            assertEquals(200, api.cast(POLL, phone, ALL_HIGH, receipt()).status(), "its QR code votes at a phone");
            assertEquals("token_already_used", api.cast(POLL, phone, Map.of("s1", List.of("low")), receipt()).errorCode());
        }
        for (String typed : slips.subList(3, 6)) {
            String code = Token.decode(TestSlips.secretOf(typed)).shortCode();
            var cast = kiosk.cast(url, kiosk.start(url, code), POLL, ALL_HIGH);
            assertEquals(200, cast.statusCode(), "its short code votes at a kiosk: " + cast.body());
            assertEquals("token_already_used", api.cast(POLL, typed, ALL_HIGH, receipt()).errorCode(), "and only once");
        }
        var status = api.get("/api/polls/" + POLL).json();
        assertEquals(6, status.path("cast").asInt());
        assertEquals(6, status.path("issued").asInt(), "the run counts as issued, the reserve left in memory does not");
    }

    private static String receipt() {
        return ReceiptCode.randomSecret(new java.security.SecureRandom());
    }

    /** Until the station process used under 5 % of a core for a whole second: its background minting is over. */
    private static void awaitIdle(long pid) throws InterruptedException {
        double[] last = {cpuMillis(pid)};
        long[] since = {System.nanoTime()};
        Waiting.until(Duration.ofSeconds(240), () -> {
            if (System.nanoTime() - since[0] < 1_000_000_000L) return false;
            double now = cpuMillis(pid);
            boolean idle = now - last[0] < 50;
            last[0] = now;
            since[0] = System.nanoTime();
            return idle;
        });
    }

    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
