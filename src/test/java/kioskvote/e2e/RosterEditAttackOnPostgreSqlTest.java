package kioskvote.e2e;

import java.util.Optional;

/** The same attacks with the station's data in PostgreSQL: its locks, and the characters it refuses to store. */
class RosterEditAttackOnPostgreSqlTest extends RosterEditAttackTest {
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
