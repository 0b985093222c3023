package kioskvote.e2e;

import kioskvote.PostgresTest;

/** The demo conference and the motion, end to end, with the station's data in PostgreSQL instead of H2 (the tag gives the station a fresh database on the test server). */
@PostgresTest
class FullConfidenceVoteOnPostgreSqlTest extends FullConfidenceVoteTest {
}
