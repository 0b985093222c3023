package kioskvote.e2e;

/** The roster and the desk with the station's data in PostgreSQL: the same SQL must hold there too. */
class RosterOnPostgreSqlTest extends RosterTest {
    @Override
    String[] database() {
        return new String[] {"--db", PostgresCluster.shared().newDatabase()};
    }
}
