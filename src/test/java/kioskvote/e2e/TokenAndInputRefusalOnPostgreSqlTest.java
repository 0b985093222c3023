package kioskvote.e2e;

import kioskvote.PostgresTest;

/**
 * Every refusal of TokenAndInputRefusalTest (forged, reused, voided tokens, bad inputs, wrong states,
 * 200 concurrent uses of one token) with the station's data in PostgreSQL (the tag gives the station a fresh
 * database on the test server): the spent-token primary key and the poll row lock give the same answers there.
 */
@PostgresTest
class TokenAndInputRefusalOnPostgreSqlTest extends TokenAndInputRefusalTest {
}
