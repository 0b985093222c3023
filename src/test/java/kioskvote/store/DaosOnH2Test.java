package kioskvote.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The DAOs on the embedded H2 file, as one station keeps its data. */
class DaosOnH2Test extends DaoContract {
    @TempDir
    Path data;

    @Override
    String newDatabaseUrl() {
        return Database.h2Url(data);
    }
}
