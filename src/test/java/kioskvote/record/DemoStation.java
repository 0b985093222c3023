package kioskvote.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.javalin.Javalin;

import kioskvote.App;
import kioskvote.ballot.ReceiptCode;
import kioskvote.config.MeetingLoader;
import kioskvote.e2e.Api;
import kioskvote.store.Database;
import kioskvote.token.MeetingKey;

/** The demo meeting on an in-process station (temporary H2 file, free port): what the record tests vote on. */
public final class DemoStation implements AutoCloseable {
    public static final Path DEMO = Path.of("kiosk-config/demo");
    private static final SecureRandom RANDOM = new SecureRandom();

    public final Path data;
    public final App.Station station;
    public final Javalin app;
    public final Api api;
    public final String url;

    public DemoStation(Path data) {
        this.data = data;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var settings = new App.Settings(MeetingLoader.load(DEMO), data, data, Database.h2Url(data), "http://127.0.0.1:7070");
        station = App.open(settings, Clock.systemDefaultZone(), RANDOM, new PrintStream(printed, true, StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("Admin passphrase \\(shown once, write it down\\): (\\S+)").matcher(printed.toString(StandardCharsets.UTF_8));
        String passphrase = m.find() ? m.group(1) : null;
        app = App.serve(station, 0);
        url = "http://127.0.0.1:" + app.port();
        api = new Api(url, passphrase);
    }

    MeetingKey key() {
        return MeetingKey.loadOrCreate(data, RANDOM);
    }

    /** A receipt secret as a voter's page chooses it. */
    static String secret() {
        return ReceiptCode.randomSecret(RANDOM);
    }

    /** Voter i's marks on the demo's confidence poll: varied, with a blank now and then. */
    public static Map<String, List<String>> ballotOf(int i) {
        String[] levels = {"high", "medium", "low"};
        Map<String, List<String>> marks = new TreeMap<>();
        for (int s = 1; s <= 4; s++) marks.put("s" + s, (i + s) % 7 == 0 ? List.of() : List.of(levels[(i * s + s) % 3]));
        return marks;
    }

    /** Casts; fails the test unless the station accepts. Returns the receipt code. */
    public String cast(String pollId, String token, Map<String, List<String>> marks) {
        String secret = secret();
        Api.Reply reply = api.cast(pollId, token, marks, secret);
        if (reply.status() != 200) throw new AssertionError("cast refused: " + reply.body());
        return ReceiptCode.codeOf(secret);
    }

    /** Downloads a poll's record to {@code file}. */
    public Path download(String pollId, Path file) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/polls/" + pollId + "/record")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new AssertionError("record: " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
            Files.write(file, response.body());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        Database.close(station.jdbi()); // releases the H2 file
    }
}
