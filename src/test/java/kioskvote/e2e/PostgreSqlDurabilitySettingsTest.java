package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.PostgresTest;
import kioskvote.StationExtension;
import kioskvote.store.Database;
import kioskvote.store.DurableStorage;

/**
 * On PostgreSQL a commit is reported once its WAL is on the disk: the station's connections set
 * synchronous_commit on even when the database's default is off, and a server running with fsync off
 * (as the test helper's servers do, for speed) is named at start.
 */
@PostgresTest
class PostgreSqlDurabilitySettingsTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void theStationsConnectionsCommitSynchronouslyEvenWhenTheDatabaseDefaultIsOff() throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        Jdbi jdbi = Database.open(url);
        for (int i = 0; i < 3; i++) { // every connection of the pool, not only the first
            assertEquals("on", jdbi.withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one()));
        }
        Optional<String> warning = DurableStorage.warning(jdbi);
        assertTrue(warning.isPresent() && warning.get().contains("fsync=off"), "the test server runs with fsync=off: " + warning);
    }

    @Test
    void aStationOnAServerWithoutFsyncSaysSoAtStart() throws Exception {
        station.start();
        assertTrue(station.output().stream().anyMatch(l -> l.startsWith("WARNING: the PostgreSQL server runs with fsync=off")),
                String.join("\n", station.output()));
    }
}
