package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;

/**
 * What each connection costs the station's memory: a room of phones and screens must fit in the launcher's heap
 * and under the resident-memory target (docs/performance.md).
 */
class ConnectionMemoryTest {
    @RegisterExtension
    static final StationExtension STATION = StationExtension.inProcess();

    /**
     * Jetty's header table would be 96 KB of heap on every connection that has sent a request, and its 32 KB response
     * buffer is held by every live screen for as long as it listens (HttpServerLimits).
     */
    @Test
    void aConnectionKeepsNoHeaderTableAndASmallResponseBuffer() {
        var connectors = STATION.connectors();
        assertFalse(connectors.isEmpty());
        for (var connector : connectors) {
            var http = connector.getConnectionFactory(HttpConnectionFactory.class);
            assertEquals(0, http.getHttpConfiguration().getHeaderCacheSize(), connector.toString());
            assertEquals(8 * 1024, http.getHttpConfiguration().getOutputBufferSize(), connector.toString());
        }
    }

    /** Javalin's own pool would start a thread per screen joining at once, and keep each a minute (Routes). */
    @Test
    void aHundredScreensJoiningAtOnceDoNotStartAThreadEach() throws Exception {
        StationExtension station = STATION;
        List<Socket> screens = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket screen = RawHttp.connect(station.url(), "127.0.0.1");
                screen.getOutputStream().write(RawHttp.head("GET", "/api/live", station.url(), "Accept: text/event-stream")
                        .getBytes(StandardCharsets.ISO_8859_1));
                screens.add(screen);
            }
            for (Socket screen : screens) { // each screen is sent the current status: it has joined
                var in = new BufferedReader(new InputStreamReader(screen.getInputStream(), StandardCharsets.UTF_8));
                boolean status = false;
                for (String line; !status && (line = in.readLine()) != null; ) status = line.equals("event: status");
                assertTrue(status, "a screen was not sent the status");
            }
            assertEquals(100, station.station().feed().listeners());
            List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
            assertEquals(0, names.stream().filter(n -> n.startsWith("JavalinDefaultAsyncThreadPool")).count(), names.toString());
            assertTrue(names.stream().filter(n -> n.startsWith("live-feed-join")).count() <= 2, names.toString());
        } finally {
            for (Socket screen : screens) screen.close();
        }
    }
}
