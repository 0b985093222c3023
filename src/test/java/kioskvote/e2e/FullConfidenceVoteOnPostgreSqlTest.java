package kioskvote.e2e;

import java.util.Optional;

import kioskvote.PostgresTest;

/** The demo conference and the motion, end to end, with the station's data in PostgreSQL instead of H2. */
@PostgresTest
class FullConfidenceVoteOnPostgreSqlTest extends FullConfidenceVoteTest {
    /** A fresh database on the test PostgreSQL server (skipped, with the reason, where there is none). */
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
