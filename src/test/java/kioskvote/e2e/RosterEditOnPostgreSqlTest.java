package kioskvote.e2e;

import kioskvote.PostgresTest;

/** Roster people added, corrected and removed with the station's data in PostgreSQL (the tag gives each station a fresh database on the test server): the same SQL must hold there too. */
@PostgresTest
class RosterEditOnPostgreSqlTest extends RosterEditTest {
}
