package kioskvote.e2e;

import kioskvote.PostgresTest;

/** The roster and the desk with the station's data in PostgreSQL (the tag gives each station a fresh database on the test server): the same SQL must hold there too. */
@PostgresTest
class RosterOnPostgreSqlTest extends RosterTest {
}
