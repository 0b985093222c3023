package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.store.BallotDao;
import kioskvote.store.Database;
import kioskvote.token.TokenRejected;

/** Group commit: casts written together in one transaction, a refused one rolled back alone. Real H2 file. */
class CastWriterTest {
    @TempDir
    Path data;
    Jdbi jdbi;
    CastWriter writer;
    final AtomicLong ids = new AtomicLong(1_000_000);

    @BeforeEach
    void openDatabase() {
        jdbi = Database.open(Database.h2Url(data));
        writer = new CastWriter(jdbi);
    }

    @AfterEach
    void closeDatabase() {
        Database.close(jdbi);
    }

    @Test
    void aWrittenCastIsCommittedWhenWriteReturns() {
        writer.write(h -> insertBallot(h, "AAAA-0001"));
        assertEquals(1, count());
    }

    @Test
    void aRefusedCastIsRolledBackAloneAndItsRefusalReachesItsCaller() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            List<Callable<String>> casts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String receipt = "AAAA-%04d".formatted(i);
                boolean refused = i % 4 == 0;
                casts.add(() -> {
                    try {
                        writer.write(h -> {
                            insertBallot(h, receipt);
                            if (refused) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED); // after its insert
                        });
                        return "stored";
                    } catch (TokenRejected e) {
                        return "refused";
                    }
                });
            }
            outcomes.addAll(pool.invokeAll(casts));
        } finally {
            pool.shutdownNow();
        }
        long refusals = 0;
        for (Future<String> outcome : outcomes) if (outcome.get().equals("refused")) refusals++;
        assertEquals(10, refusals);
        assertEquals(30, count(), "each refused cast's insert was undone, every other one kept");
    }

    @Test
    void aFailingStatementIsThrownToItsCaller() {
        writer.write(h -> insertBallot(h, "AAAA-0001"));
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> writer.write(h -> new BallotDao(h).insertBallot(ids.incrementAndGet(), "tin-nhiem", "AAAA-0001", "p", "{}")));
        assertEquals(true, Database.isUniqueViolation(failure), failure.toString());
        assertEquals(1, count());
    }

    /** More casts at once than one group holds (256): the rest go in the next groups, and every voter is answered. */
    @Test
    void moreCastsAtOnceThanOneGroupHoldsAreAllWritten() throws Exception {
        int casts = 400;
        ExecutorService pool = Executors.newFixedThreadPool(casts);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<?>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < casts; i++) {
                String receipt = "BBBB-%04d".formatted(i);
                outcomes.add(pool.submit(() -> {
                    go.await();
                    writer.write(h -> insertBallot(h, receipt));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> outcome : outcomes) outcome.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(casts, count());
    }

    private void insertBallot(org.jdbi.v3.core.Handle h, String receipt) {
        new BallotDao(h).insertBallot(ids.incrementAndGet(), "tin-nhiem", receipt, "proof", "{}");
    }

    private long count() {
        return jdbi.withHandle(h -> new BallotDao(h).countBallots("tin-nhiem"));
    }
}
