package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.store.Database;

/**
 * The order behind "acknowledged": a cast's commit is written to the database file and the file is forced to the
 * disk (FileChannel.force) before CastWriter.write returns, which is when the voter is answered. Counted by an H2
 * file system wrapper around the station's own H2 file (the same URL options as Database.h2Url).
 */
class AcknowledgedMeansForcedTest {
    @TempDir
    Path dir;
    Jdbi jdbi;

    @BeforeEach
    void openTheStationDatabaseThroughTheCountingFileSystem() {
        ForceCountingFiles.install();
        String url = Database.h2Url(dir).replace("jdbc:h2:file:", "jdbc:h2:forcecount:");
        assertTrue(url.startsWith("jdbc:h2:forcecount:/") && url.contains("WRITE_DELAY=0"), url);
        jdbi = Database.open(url);
        jdbi.useHandle(h -> h.execute("CREATE TABLE probe (id INT PRIMARY KEY)"));
    }

    @Test
    void aPlainCommitReachesTheFileButNotTheDiskWhichIsWhyTheWriterForces() {
        long forces = ForceCountingFiles.FORCES.get();
        long writes = ForceCountingFiles.WRITES.get();
        for (int i = 0; i < 50; i++) {
            int id = 10_000 + i;
            jdbi.useHandle(h -> h.execute("INSERT INTO probe VALUES (?)", id));
        }
        assertTrue(ForceCountingFiles.WRITES.get() - writes >= 50, "WRITE_DELAY=0 writes each commit to the file");
        assertEquals(forces, ForceCountingFiles.FORCES.get(), "and forces none of them: H2 leaves that to the operating system");
    }

    @Test
    void everyCastIsWrittenAndForcedToTheDiskBeforeItsVoterIsAnswered() {
        CastWriter writer = new CastWriter(jdbi);
        for (int i = 0; i < 30; i++) {
            int id = i;
            long writes = ForceCountingFiles.WRITES.get();
            long forces = ForceCountingFiles.FORCES.get();
            writer.write(h -> h.execute("INSERT INTO probe VALUES (?)", id));
            // the moment the voter would be answered:
            assertTrue(ForceCountingFiles.WRITES.get() > writes, "cast " + i + " was not written to the file");
            assertTrue(ForceCountingFiles.FORCES.get() > forces, "cast " + i + " was answered before any force");
            assertTrue(ForceCountingFiles.everythingWrittenIsForced(), "cast " + i + " was answered with unforced writes");
        }
    }

    @Test
    void aBurstOfCastsSharesItsForcesAndEachAnswerFollowsOne() throws Exception {
        CastWriter writer = new CastWriter(jdbi);
        int casts = 200;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        long forcesBefore = ForceCountingFiles.FORCES.get();
        List<Future<Boolean>> answeredAfterAForce = new ArrayList<>();
        for (int i = 0; i < casts; i++) {
            int id = 1_000 + i;
            answeredAfterAForce.add(pool.submit(() -> {
                go.await();
                long forces = ForceCountingFiles.FORCES.get();
                writer.write(h -> h.execute("INSERT INTO probe VALUES (?)", id));
                return ForceCountingFiles.FORCES.get() > forces;
            }));
        }
        go.countDown();
        for (Future<Boolean> f : answeredAfterAForce) assertTrue(f.get(60, TimeUnit.SECONDS), "a voter was answered before a force");
        pool.shutdown();
        long forces = ForceCountingFiles.FORCES.get() - forcesBefore;
        System.out.printf("%d concurrent casts: %d forces (group commit)%n", casts, forces);
        assertTrue(forces >= 1 && forces < casts, forces + " forces for " + casts + " casts");
        int stored = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM probe WHERE id >= 1000").mapTo(Integer.class).one());
        assertEquals(casts, stored);
    }

    /**
     * The group commit's point: casts that arrive while a group is being forced are not committed one by one beside
     * it (each commit costs H2 about as much for one cast as for thirty) but wait, and go together in the next group.
     */
    @Test
    void castsThatArriveWhileAGroupIsBeingForcedGoTogetherInTheNextGroup() throws Exception {
        CastWriter writer = new CastWriter(jdbi);
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ForceCountingFiles.beforeForce = () -> {
            if (forcing.getCount() == 0) return; // only the first force is held
            forcing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            Future<?> first = pool.submit(() -> writer.write(h -> h.execute("INSERT INTO probe VALUES (?)", 5_000)));
            assertTrue(forcing.await(60, TimeUnit.SECONDS), "the first group reached its force");
            List<Future<?>> later = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int id = 5_000 + i;
                later.add(pool.submit(() -> writer.write(h -> h.execute("INSERT INTO probe VALUES (?)", id))));
            }
            while (writer.waitingCount() < 20) { // all twenty wait: none is committed while the first group is forced
                assertEquals(0, stored(5_001, 5_020), "a cast was committed while the previous group was being forced");
                Thread.onSpinWait();
            }
            long forcesBefore = ForceCountingFiles.FORCES.get();
            release.countDown();
            first.get(60, TimeUnit.SECONDS);
            for (Future<?> f : later) f.get(60, TimeUnit.SECONDS);
            assertEquals(2, ForceCountingFiles.FORCES.get() - forcesBefore, "the held force, then one force for the group of twenty");
        } finally {
            ForceCountingFiles.beforeForce = () -> { };
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(21, stored(5_000, 5_020));
    }

    private int stored(int from, int to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM probe WHERE id BETWEEN ? AND ?")
                .bind(0, from).bind(1, to).mapTo(Integer.class).one());
    }
}
