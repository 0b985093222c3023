package kioskvote.e2e;

import java.util.Optional;

import kioskvote.PostgresTest;

/** The roster and the desk with the station's data in PostgreSQL: the same SQL must hold there too. */
@PostgresTest
class RosterOnPostgreSqlTest extends RosterTest {
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
