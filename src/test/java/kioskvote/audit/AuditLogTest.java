package kioskvote.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.store.AuditDao;
import kioskvote.store.AuditDao.AuditRow;
import kioskvote.store.Database;

/** The hash-chained audit log on a real H2 file: appended entries chain, and an edited or removed one is found. */
class AuditLogTest {
    static final Instant MEETING_START = Instant.parse("2026-12-10T08:30:00Z");

    @TempDir
    Path data;
    Jdbi jdbi;

    @BeforeEach
    void openDatabase() {
        jdbi = Database.open(Database.h2Url(data));
    }

    @AfterEach
    void closeDatabase() {
        Database.close(jdbi);
    }

    @Test
    void theChainHashIsTheSha256OfThePreviousHashAndTheEntryComputedByHand() {
        // sha256("000…0\n1\n2026-12-10T08:30Z\nstation-created\nmeeting=so-xay-dung-2026"), computed with another tool
        assertEquals("6732880ad8ffa205470e2e18dc672d936ca4115ac1e9ac0405f9a510f2eb8145",
                AuditLog.chainHash(AuditLog.GENESIS, 1, "2026-12-10T08:30Z", "station-created", "meeting=so-xay-dung-2026"));
    }

    @Test
    void appendedEntriesChainFromTheGenesisHashAndVerify() {
        append("station-created", "meeting=so-xay-dung-2026", 0);
        append("poll-opened", "poll=tin-nhiem", 1);
        List<AuditRow> rows = all();
        assertEquals(List.of(1L, 2L), rows.stream().map(AuditRow::seq).toList());
        assertEquals(AuditLog.GENESIS, rows.get(0).prevHash());
        assertEquals("6732880ad8ffa205470e2e18dc672d936ca4115ac1e9ac0405f9a510f2eb8145", rows.get(0).hash());
        assertEquals(rows.get(0).hash(), rows.get(1).prevHash());
        assertEquals("3e492ceb5a75b6665e5c6394662a2e2ebd3f602870c6875c932a062436f835e3", rows.get(1).hash());
        assertTrue(AuditLog.verifyChain(rows));
        assertEquals(rows.get(1).hash(), AuditLog.head(rows));
    }

    @Test
    void anEmptyLogVerifiesAndItsHeadIsTheGenesisHash() {
        assertTrue(AuditLog.verifyChain(List.of()));
        assertEquals(AuditLog.GENESIS, AuditLog.head(List.of()));
    }

    @Test
    void anEntryEditedInTheDatabaseIsDetectedAndNamed() {
        for (int i = 0; i < 5; i++) append("slips-issued", "batch=" + i + " count=10", i);
        String headBefore = AuditLog.head(all());
        jdbi.useHandle(h -> h.execute("UPDATE audit_event SET detail = 'batch=3 count=1' WHERE seq = 4"));
        List<AuditRow> edited = all();
        assertFalse(AuditLog.verifyChain(edited));
        assertEquals(Optional.of(4L), firstBrokenEntry(edited), "the edited entry is the first that fails");
        assertEquals(headBefore, AuditLog.head(edited), "the head still reads the same: only verification shows the edit");
    }

    @Test
    void anEntryEditedTogetherWithItsOwnHashBreaksTheNextLink() {
        for (int i = 0; i < 4; i++) append("slips-issued", "batch=" + i, i);
        AuditRow second = all().get(1);
        String forged = AuditLog.chainHash(second.prevHash(), second.seq(), second.at(), second.event(), "batch=forged");
        jdbi.useHandle(h -> h.execute("UPDATE audit_event SET detail = 'batch=forged', hash = ? WHERE seq = 2", forged));
        assertEquals(Optional.of(3L), firstBrokenEntry(all()), "entry 3 no longer chains onto entry 2");
    }

    @Test
    void aRemovedEntryIsDetected() {
        for (int i = 0; i < 4; i++) append("slips-issued", "batch=" + i, i);
        jdbi.useHandle(h -> h.execute("DELETE FROM audit_event WHERE seq = 2"));
        assertEquals(Optional.of(3L), firstBrokenEntry(all()));
    }

    @Test
    void anEntryRecordsTheClockTimeToTheSecond() {
        AuditLog log = new AuditLog(Clock.fixed(MEETING_START.plusMillis(1_750), ZoneOffset.UTC));
        AuditRow row = jdbi.inTransaction(h -> log.append(h, "present-set", "present=40"));
        assertEquals("2026-12-10T08:30:01Z", row.at());
        assertNotEquals(AuditLog.GENESIS, row.hash());
    }

    /** The entry at which verification first fails, as someone checking the minutes would report it. */
    static Optional<Long> firstBrokenEntry(List<AuditRow> rows) {
        for (int n = 1; n <= rows.size(); n++) {
            if (!AuditLog.verifyChain(rows.subList(0, n))) return Optional.of(rows.get(n - 1).seq());
        }
        return Optional.empty();
    }

    private void append(String event, String detail, int minutesIn) {
        AuditLog log = new AuditLog(Clock.fixed(MEETING_START.plus(Duration.ofMinutes(minutesIn)), ZoneOffset.UTC));
        jdbi.useTransaction(h -> log.append(h, event, detail));
    }

    private List<AuditRow> all() {
        return jdbi.withHandle(h -> new AuditDao(h).all());
    }
}
