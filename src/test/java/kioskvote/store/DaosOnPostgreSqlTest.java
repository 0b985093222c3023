package kioskvote.store;

import kioskvote.PostgresTest;
import kioskvote.e2e.PostgresCluster;

/** The DAOs on PostgreSQL, as stations sharing one database keep their data (skipped where there is no PostgreSQL). */
@PostgresTest
class DaosOnPostgreSqlTest extends DaoContract {
    @Override
    String newDatabaseUrl() {
        return PostgresCluster.shared().newDatabase();
    }
}
