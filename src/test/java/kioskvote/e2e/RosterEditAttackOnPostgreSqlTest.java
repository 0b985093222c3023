package kioskvote.e2e;

import java.util.Optional;

import kioskvote.PostgresTest;

/** The same attacks with the station's data in PostgreSQL: its locks, and the characters it refuses to store. */
@PostgresTest
class RosterEditAttackOnPostgreSqlTest extends RosterEditAttackTest {
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
