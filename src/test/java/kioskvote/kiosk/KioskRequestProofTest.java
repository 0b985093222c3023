package kioskvote.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.audit.AuditLog;
import kioskvote.store.Database;

/** The kiosk's signed requests, attacked as a sniffer would: replayed, altered, stale, or signed by another key. */
class KioskRequestProofTest {
    private static final String PATH = "/kiosk/phong-1/start";

    @TempDir
    Path data;
    private Jdbi jdbi;
    private KioskEnrolments kiosks;
    private final TestKioskKey key = new TestKioskKey();

    @BeforeEach
    void enrol() {
        jdbi = Database.open(Database.h2Url(data));
        kiosks = new KioskEnrolments(Clock.systemUTC(), new SecureRandom(), jdbi, new AuditLog(Clock.systemUTC()));
        key.enrol(kiosks, "phong-1");
    }

    @AfterEach
    void close() {
        Database.close(jdbi);
    }

    private void send(String body, String proof) {
        kiosks.requestProof().require("phong-1", "POST", PATH, body.getBytes(StandardCharsets.UTF_8), proof);
    }

    private static void refused(Runnable request) {
        KioskRejected e = assertThrows(KioskRejected.class, request::run);
        assertEquals("kiosk_proof_bad", e.code());
    }

    @Test
    void aSignedRequestPassesOnceAndItsReplayIsRefused() {
        String proof = key.proof("phong-1", PATH, "code=A");
        send("code=A", proof);
        refused(() -> send("code=A", proof));
    }

    @Test
    void requestsSentTogetherMayArriveOutOfOrderButNoneTwice() {
        List<String> proofs = new ArrayList<>();
        for (int i = 0; i < 5; i++) proofs.add(key.proof("phong-1", PATH, "code=A"));
        send("code=A", proofs.get(4));
        send("code=A", proofs.get(1));
        send("code=A", proofs.get(3));
        refused(() -> send("code=A", proofs.get(1)));
    }

    @Test
    void anAlteredBodyPathOrKioskOrAnotherKeyOrAStaleTimeIsRefused() {
        refused(() -> send("code=B", key.proof("phong-1", PATH, "code=A")));
        refused(() -> send("code=A", key.proof("phong-1", "/kiosk/phong-1/desk", "code=A")));
        refused(() -> send("code=A", key.proof("phong-2", PATH, "code=A")));
        refused(() -> send("code=A", new TestKioskKey().proof("phong-1", PATH, "code=A")));
        refused(() -> send("code=A", key.proof("phong-1", PATH, "code=A".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() - 180_000)));
        refused(() -> send("code=A", null));
        refused(() -> send("code=A", "1.2.zz"));
    }

    @Test
    void aRequestSignedBeforeTheStationStartedIsRefusedAfterTheRestart() {
        String early = key.proof("phong-1", PATH, "code=A".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() - 1_000);
        KioskEnrolments restarted = new KioskEnrolments(Clock.systemUTC(), new SecureRandom(), jdbi, new AuditLog(Clock.systemUTC()));
        refused(() -> restarted.requestProof().require("phong-1", "POST", PATH, "code=A".getBytes(StandardCharsets.UTF_8), early));
        restarted.requestProof().require("phong-1", "POST", PATH, "code=A".getBytes(StandardCharsets.UTF_8), key.proof("phong-1", PATH, "code=A"));
    }

    @Test
    void enrollingTheNameAgainRetiresTheOldKey() {
        kiosks.enrol("phong-1"); // another tablet, enrolled without registering this key
        refused(() -> send("code=A", key.proof("phong-1", PATH, "code=A")));
    }
}
