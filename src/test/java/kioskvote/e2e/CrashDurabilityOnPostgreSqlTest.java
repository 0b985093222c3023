package kioskvote.e2e;

import kioskvote.PostgresTest;

/** kill -9 of the station right after a burst of acknowledged ballots, with the data in PostgreSQL (the tag gives the station a fresh database on the test server). */
@PostgresTest
class CrashDurabilityOnPostgreSqlTest extends CrashDurabilityTest {
}
