package kioskvote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.h2.tools.Server;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group commit's force on both kinds of H2 connection: the embedded file, and a file behind an H2 server. */
class DurableStorageTest {
    @TempDir
    Path dir;

    @Test
    void anEmbeddedFileIsForcedThroughItsStore() {
        Jdbi jdbi = Database.open(Database.h2Url(dir));
        try {
            forceACommit(jdbi);
        } finally {
            Database.close(jdbi);
        }
    }

    @Test
    void aFileBehindAnH2ServerIsForcedThroughSql() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        try {
            Jdbi jdbi = Database.open("jdbc:h2:tcp://localhost:" + server.getPort() + "/station;WRITE_DELAY=0");
            try {
                forceACommit(jdbi);
            } finally {
                Database.close(jdbi);
            }
        } finally {
            server.stop();
        }
    }

    private static void forceACommit(Jdbi jdbi) {
        DurableStorage storage = DurableStorage.of(jdbi);
        Runnable[] force = new Runnable[1];
        jdbi.useTransaction(h -> {
            force[0] = storage.forceAfterCommit(h);
            new AuditDao(h).append(new AuditDao.AuditRow(1, "t1", "station-created", "meeting=m", "0", "h1"));
        });
        force[0].run(); // after the commit, as the cast writer runs it
        assertEquals(1, jdbi.withHandle(h -> new AuditDao(h).all()).size());
    }
}
