package kioskvote.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kioskvote.App;
import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;
import kioskvote.token.MeetingKey;

/** The demo meeting on a {@link StationExtension} station in this JVM (temporary H2 file, free port): what the record tests vote on. */
public final class DemoStation implements AutoCloseable {
    public static final Path DEMO = Path.of("kiosk-config/demo");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StationExtension extension;
    public final Path data;
    public final App.Station station;
    public final Api api;
    public final String url;

    private DemoStation(StationExtension extension) {
        this.extension = extension;
        this.data = extension.dataDir();
        this.station = extension.station();
        this.url = extension.url();
        this.api = extension.api();
    }

    /** The demo meeting on the extension's station (its meeting is the demo's by default), started if it is not running. */
    public static DemoStation on(StationExtension extension) {
        return new DemoStation(extension.isAlive() ? extension : extension.start());
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

    /** Stops the station (HTTP, and the database: the H2 file is released). */
    @Override
    public void close() {
        extension.stop();
    }
}
