package kioskvote.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import kioskvote.PostgresTest;

/**
 * The box key swapped on PostgreSQL as its administrator would: UPDATE on the poll_state row (and the stored
 * commitment) through a connection of their own to the station's database, while the station runs.
 */
@PostgresTest
class BoxKeySwapOnPostgreSqlTest extends BoxKeySwapTest {
    @Override
    void asAdministrator(kioskvote.StationExtension station, Optional<String> url, AsAdministrator work) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.orElseThrow())) {
            work.run(c);
        }
    }
}
