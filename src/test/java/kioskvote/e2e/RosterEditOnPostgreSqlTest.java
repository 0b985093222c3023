package kioskvote.e2e;

import java.util.Optional;

import kioskvote.PostgresTest;

/** Roster people added, corrected and removed with the station's data in PostgreSQL: the same SQL must hold there too. */
@PostgresTest
class RosterEditOnPostgreSqlTest extends RosterEditTest {
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
