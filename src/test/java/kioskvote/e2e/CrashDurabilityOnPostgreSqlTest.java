package kioskvote.e2e;

import kioskvote.PostgresTest;

/** kill -9 of the station right after a burst of acknowledged ballots, with the data in PostgreSQL. */
@PostgresTest
class CrashDurabilityOnPostgreSqlTest extends CrashDurabilityTest {
    /** A fresh database on the test PostgreSQL server (skipped, with the reason, where there is none). */
    @Override
    String[] database() {
        return new String[] {"--db", PostgresCluster.shared().newDatabase()};
    }
}
