package kioskvote.e2e;

import java.util.Optional;

import kioskvote.PostgresTest;

/**
 * Every refusal of TokenAndInputRefusalTest (forged, reused, voided tokens, bad inputs, wrong states,
 * 200 concurrent uses of one token) with the station's data in PostgreSQL: the spent-token primary key
 * and the poll row lock give the same answers there.
 */
@PostgresTest
class TokenAndInputRefusalOnPostgreSqlTest extends TokenAndInputRefusalTest {
    /** A fresh database on the test PostgreSQL server (skipped, with the reason, where there is none). */
    @Override
    Optional<String> database() {
        return Optional.of(PostgresCluster.shared().newDatabase());
    }
}
