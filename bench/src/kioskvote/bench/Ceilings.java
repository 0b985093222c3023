package kioskvote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import kioskvote.store.Database;

/** The crypto and storage ceilings, measured in this JVM with the station's own library versions and settings. */
final class Ceilings {
    private Ceilings() {
    }

    /** BouncyCastle Ed25519 verifications per second over `threads` threads, as TokenVerifier does one per cast. */
    static double ed25519VerifiesPerSecond(int threads, double seconds) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        var key = new Ed25519PrivateKeyParameters(random);
        byte[] message = new byte[60]; // meeting id + serial, about the size TokenVerifier signs
        random.nextBytes(message);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();
        var publicKey = key.generatePublicKey();
        return timed(threads, seconds, () -> {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicKey);
            verifier.update(message, 0, message.length);
            if (!verifier.verifySignature(signature)) throw new IllegalStateException("signature did not verify");
        });
    }

    /**
     * Durable single-row commits per second of an H2 file database opened with the station's URL
     * (Database.h2Url: WRITE_DELAY=0), each of `threads` writers on its own connection, autocommit.
     */
    static double h2CommitsPerSecond(Path dir, int threads, double seconds) throws Exception {
        Files.createDirectories(dir);
        String url = Database.h2Url(dir);
        try (Connection c = DriverManager.getConnection(url, "bench", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS commit_probe (id VARCHAR(32) PRIMARY KEY, v VARCHAR(200) NOT NULL)");
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < threads; i++) connections.add(DriverManager.getConnection(url, "bench", ""));
            ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
            var pool = new java.util.concurrent.ConcurrentLinkedQueue<>(connections);
            SecureRandom random = new SecureRandom();
            double rate = timed(threads, seconds, () -> {
                PreparedStatement insert = statements.get();
                if (insert == null) {
                    insert = pool.poll().prepareStatement("INSERT INTO commit_probe (id, v) VALUES (?, ?)");
                    statements.set(insert);
                }
                byte[] id = new byte[16];
                random.nextBytes(id);
                insert.setString(1, java.util.HexFormat.of().formatHex(id));
                insert.setString(2, "{\"s1\":[\"high\"],\"s2\":[\"medium\"],\"s3\":[\"low\"],\"s4\":[\"high\"]}");
                insert.executeUpdate();
            });
            for (Connection each : connections) each.close();
            c.createStatement().execute("SHUTDOWN");
            return rate;
        }
    }

    /**
     * The casting transaction alone: BallotBox's four statements through the station's own store
     * classes and connection pool (Database.open), on a fresh H2 file, without HTTP or signatures.
     * This is what storage allows a ballot, as opposed to a bare single-row commit.
     */
    static double castingTransactionsPerSecond(Path dir, int threads, double seconds) throws Exception {
        Files.createDirectories(dir);
        org.jdbi.v3.core.Jdbi jdbi = Database.open(Database.h2Url(dir));
        SecureRandom random = new SecureRandom();
        int issued = 100_000;
        List<String> serials = new ArrayList<>(issued);
        for (int i = 0; i < issued; i++) {
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            serials.add(java.util.HexFormat.of().formatHex(serial));
        }
        jdbi.useTransaction(h -> {
            var slips = new kioskvote.store.SlipDao(h);
            slips.insertBatch("probe", "probe", issued, "2026-12-10T08:30:00Z", false);
            List<kioskvote.store.SlipDao.NewToken> rows = new ArrayList<>();
            for (int i = 0; i < issued; i++) {
                rows.add(new kioskvote.store.SlipDao.NewToken(random.nextLong() & Long.MAX_VALUE, serials.get(i), "C" + i, "probe"));
            }
            slips.insertIssued(rows);
            var polls = new kioskvote.store.PollStateDao(h);
            polls.insertDraft("probe");
            polls.open("probe", "{}", "0", java.time.OffsetDateTime.parse("2026-12-10T08:30:00Z"));
        });
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        double rate = timed(threads, seconds, () -> {
            int i = next.getAndIncrement();
            String serial = serials.get(i);
            long[] id = {random.nextLong(), random.nextLong()};
            jdbi.useTransaction(h -> { // the statements of BallotBox.castVerified, in its order (a group of one)
                new kioskvote.store.SlipDao(h).findBySerial(serial).orElseThrow();
                var polls = new kioskvote.store.PollStateDao(h);
                if (!polls.lockIfOpen("probe")) throw new IllegalStateException("poll not open");
                polls.addCounts("probe", 1, 0, 0);
                var ballots = new kioskvote.store.BallotDao(h);
                ballots.spendToken(id[0] & Long.MAX_VALUE, "probe", serial);
                String secret = Bench.receipt(i);
                ballots.insertBallot(id[1] & Long.MAX_VALUE, "probe", kioskvote.ballot.ReceiptCode.codeOf(secret), kioskvote.ballot.ReceiptCode.proofOf(secret),
                        "{\"s1\":[\"high\"],\"s2\":[\"medium\"],\"s3\":[\"low\"],\"s4\":[\"high\"]}");
            });
        });
        try {
            jdbi.useHandle(h -> h.execute("SHUTDOWN"));
        } catch (RuntimeException closed) {
            // H2 closes the connection under the statement
        }
        return rate;
    }

    interface Op {
        void run() throws Exception;
    }

    /** Runs op in a loop on each thread: a quarter of the time to warm up, then counts for `seconds`. */
    private static double timed(int threads, double seconds, Op op) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        op.run();
                        if (counting.get()) done.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "ceiling");
            workers.add(t);
            t.start();
        }
        Thread.sleep((long) (seconds * 250));
        counting.set(true);
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long n = done.sum();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : workers) t.join();
        if (!failures.isEmpty()) throw new IllegalStateException("ceiling run failed", failures.get(0));
        return n / elapsed;
    }
}
