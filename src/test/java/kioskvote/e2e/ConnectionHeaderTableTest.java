package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetty's header table would be 96 KB of heap on every connection that has sent a request: with a room of phones
 * connected it filled a quarter of the station's heap and drove the collector into full collections (HttpServerLimits).
 */
class ConnectionHeaderTableTest {
    @TempDir
    Path data;

    @Test
    void aConnectionKeepsNoHeaderTable() {
        InProcessStation station = InProcessStation.start(FullConfidenceVoteTest.DEMO, data);
        try {
            var connectors = station.connectors();
            assertFalse(connectors.isEmpty());
            for (var connector : connectors) {
                var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                assertEquals(0, http.getHttpConfiguration().getHeaderCacheSize(), connector.toString());
            }
        } finally {
            station.close();
        }
    }
}
