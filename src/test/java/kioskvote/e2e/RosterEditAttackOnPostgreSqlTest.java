package kioskvote.e2e;

import kioskvote.PostgresTest;

/** The same attacks with the station's data in PostgreSQL (the tag gives each station a fresh database on the test server): its locks, and the characters it refuses to store. */
@PostgresTest
class RosterEditAttackOnPostgreSqlTest extends RosterEditAttackTest {
}
