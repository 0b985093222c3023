package kioskvote.e2e;

/** kill -9 of the station right after a burst of acknowledged ballots, with the data in PostgreSQL. */
class CrashDurabilityOnPostgreSqlTest extends CrashDurabilityTest {
    /** A fresh database on the test PostgreSQL server (skipped, with the reason, where there is none). */
    @Override
    String[] database() {
        return new String[] {"--db", PostgresCluster.shared().newDatabase()};
    }
}
