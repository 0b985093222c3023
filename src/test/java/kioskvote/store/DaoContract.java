package kioskvote.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kioskvote.meeting.HandOutKind;
import kioskvote.meeting.PollState;
import kioskvote.store.AuditDao.AuditRow;
import kioskvote.store.KioskDao.DeliveryRow;
import kioskvote.store.KioskDao.EnrolmentRow;
import kioskvote.store.SlipDao.IssuedRow;
import kioskvote.store.SlipDao.NewToken;
import kioskvote.store.StationDao.StationRow;

/**
 * What each DAO promises, against a freshly migrated database: the same statements must hold on the
 * embedded H2 file and on PostgreSQL ({@link DaosOnH2Test}, {@link DaosOnPostgreSqlTest}).
 */
abstract class DaoContract {
    Jdbi jdbi;

    /** A JDBC URL of an empty database of the kind under test. */
    abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void openMigratedDatabase() throws Exception {
        jdbi = Database.open(newDatabaseUrl());
    }

    @AfterEach
    void closeDatabase() {
        if (jdbi != null) Database.close(jdbi);
    }

    // --- StationDao

    @Test
    void theStationRowIsAbsentUntilInsertedThenHoldsPresenceKeyAndPassphraseHash() {
        jdbi.useHandle(h -> {
            StationDao station = new StationDao(h);
            assertEquals(Optional.empty(), station.find());
            assertEquals(Optional.empty(), station.keyFingerprint());
            station.insert(new StationRow("meeting-1", 0, "", "from-config"));
            station.setPresent(31);
            station.setKeyFingerprint("AB12 CD34");
            station.setAdminHash("salt", "hash");
            assertEquals(Optional.of(new StationRow("meeting-1", 31, "salt", "hash")), station.find());
            assertEquals(Optional.of("AB12 CD34"), station.keyFingerprint());
        });
    }

    // --- PollStateDao

    @Test
    void aPollRowGoesFromDraftToOpenToClosedOnlyInThatOrder() {
        jdbi.useHandle(h -> {
            PollStateDao polls = new PollStateDao(h);
            polls.insertDraft("p1");
            assertEquals(PollState.DRAFT, polls.find("p1").orElseThrow().state());
            assertFalse(polls.close("p1", at("2026-12-10T09:00Z")), "a draft does not close");
            assertTrue(polls.open("p1", "{\"id\":\"p1\"}", "hash-1", at("2026-12-10T08:30Z")));
            assertFalse(polls.open("p1", "{\"id\":\"changed\"}", "hash-2", at("2026-12-10T08:31Z")), "an open poll does not open again");
            var open = polls.find("p1").orElseThrow();
            assertEquals(PollState.OPEN, open.state());
            assertEquals(Optional.of("{\"id\":\"p1\"}"), open.definitionJson(), "the definition stays as frozen at the first open");
            assertEquals(Optional.of("hash-1"), open.definitionHash());
            assertEquals(Optional.of(at("2026-12-10T08:30Z")), open.openedAt());
            assertTrue(polls.close("p1", at("2026-12-10T09:00Z")));
            assertFalse(polls.close("p1", at("2026-12-10T09:01Z")));
            assertEquals(Optional.of(at("2026-12-10T09:00Z")), polls.find("p1").orElseThrow().closedAt());
            assertEquals(Optional.empty(), polls.find("p2"));
        });
    }

    @Test
    void aStoredTimeKeepsTheStationsOffsetAndTheTextItWasAlwaysStoredAs() {
        jdbi.useHandle(h -> {
            PollStateDao polls = new PollStateDao(h);
            polls.insertDraft("p1");
            polls.open("p1", "{}", "hash", at("2026-12-10T08:30:15+07:00"));
            polls.close("p1", at("2026-12-10T09:00+07:00"));
            var closed = polls.find("p1").orElseThrow();
            assertEquals(Optional.of(at("2026-12-10T08:30:15+07:00")), closed.openedAt());
            assertEquals("+07:00", closed.closedAt().orElseThrow().getOffset().getId(), "the minutes print the hour in this offset");
            assertEquals(List.of("2026-12-10T08:30:15+07:00", "2026-12-10T09:00+07:00"),
                    h.createQuery("SELECT opened_at, closed_at FROM poll_state WHERE poll_id = 'p1'")
                            .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).one(),
                    "the columns hold the text earlier stations wrote and read");
        });
    }

    private static java.time.OffsetDateTime at(String iso) {
        return java.time.OffsetDateTime.parse(iso);
    }

    @Test
    void aCastIsCountedOnlyWhileThePollIsOpen() {
        jdbi.useHandle(h -> {
            PollStateDao polls = new PollStateDao(h);
            polls.insertDraft("p1");
            assertFalse(polls.lockIfOpen("p1"));
            polls.open("p1", "{}", "hash", at("2026-12-10T08:00Z"));
            assertTrue(polls.lockIfOpen("p1"));
            polls.addCounts("p1", 2, 1, 1);
            polls.close("p1", at("2026-12-10T08:00Z"));
            assertFalse(polls.lockIfOpen("p1"));
            assertEquals(2, polls.find("p1").orElseThrow().castCount());
            assertEquals(1, polls.sealingCounts("p1").onDevices());
        });
    }

    // --- BallotDao

    @Test
    void aTokenIsSpentOncePerPollAndTheSecondSpendIsAUniqueViolation() {
        jdbi.useHandle(h -> {
            BallotDao ballots = new BallotDao(h);
            assertFalse(ballots.isSpent("p1", "serial-1"));
            ballots.spendToken(101, "p1", "serial-1");
            assertTrue(ballots.isSpent("p1", "serial-1"));
            ballots.spendToken(102, "p2", "serial-1"); // the same slip in another poll
            assertFalse(ballots.isSpent("p3", "serial-1"));
        });
        StatementException again = assertThrows(StatementException.class,
                () -> jdbi.useHandle(h -> new BallotDao(h).spendToken(103, "p1", "serial-1")));
        assertTrue(Database.isUniqueViolation(again), again.toString());
    }

    @Test
    void ballotsAreFoundByReceiptAndListedByReceiptCodeNotByCastingOrder() {
        jdbi.useHandle(h -> {
            BallotDao ballots = new BallotDao(h);
            ballots.insertBallot(900, "p1", "ZZZZ-0001", "proof-z", "{\"s1\":[\"low\"]}");
            ballots.insertBallot(100, "p1", "AAAA-0001", "proof-a", "{\"s1\":[\"high\"]}");
            ballots.insertBallot(500, "p2", "MMMM-0001", "proof-m", "{\"motion\":[\"agree\"]}");
            assertEquals(List.of("AAAA-0001", "ZZZZ-0001"), ballots.receiptCodes("p1"));
            assertEquals(2, ballots.countBallots("p1"));
            assertEquals(Optional.of("proof-z"), ballots.proofForReceipt("p1", "ZZZZ-0001"));
            assertEquals(Optional.empty(), ballots.proofForReceipt("p2", "ZZZZ-0001"));
            assertEquals(List.of("{\"motion\":[\"agree\"]}"), ballots.answers("p2"));
            ballots.restampAtClose("p1");
            assertEquals(2, ballots.countBallots("p1"), "rewriting at the close keeps every row");
        });
        StatementException sameReceipt = assertThrows(StatementException.class,
                () -> jdbi.useHandle(h -> new BallotDao(h).insertBallot(901, "p1", "AAAA-0001", "other", "{}")));
        assertTrue(Database.isUniqueViolation(sameReceipt));
    }

    @Test
    void readableBallotsAreCountedByContentAcrossCastAndCountedBallots() {
        jdbi.useHandle(h -> {
            BallotDao ballots = new BallotDao(h);
            ballots.insertBallot(11, "p3", "AAAA-0003", "proof-1", "{\"s1\":[\"high\"]}");
            ballots.insertBallot(12, "p3", "BBBB-0003", "proof-2", "{\"s1\":[\"low\"]}");
            ballots.insertCountedBallot(13, "p3", "CCCC-0003", "{\"s1\":[\"high\"]}");
            ballots.insertCountedBallot(14, "p4", "DDDD-0003", "{\"s1\":[\"high\"]}");
            var counts = ballots.answerCounts("p3").stream()
                    .collect(java.util.stream.Collectors.toMap(BallotDao.AnswersCount::answersJson, BallotDao.AnswersCount::count));
            assertEquals(java.util.Map.of("{\"s1\":[\"high\"]}", 2L, "{\"s1\":[\"low\"]}", 1L), counts);
            assertEquals(List.of(), ballots.answerCounts("nobody"));
        });
    }

    // --- SlipDao

    @Test
    void issuedSlipsAreFoundBySerialAndCodeHashAndVoidedOnce() {
        jdbi.useHandle(h -> {
            SlipDao slips = new SlipDao(h);
            slips.insertBatch("b1", "Đợt 1", 2, "2026-12-10T08:00Z", false);
            slips.insertIssued(List.of(new NewToken(7_000_001L, "s-1", "mac-1", "b1"), new NewToken(3_000_002L, "s-2", "mac-2", "b1")));
            assertEquals(Optional.of(new IssuedRow("s-1", "b1", false)), slips.findBySerial("s-1"));
            assertEquals(Optional.of(new IssuedRow("s-2", "b1", false)), slips.findByCodeMac("mac-2"));
            assertEquals(Optional.empty(), slips.findByCodeMac("mac-3"));
            assertEquals(1, slips.voidBySerial("s-1"));
            assertEquals(0, slips.voidBySerial("s-1"), "voiding twice changes nothing");
            assertTrue(slips.findByCodeMacForUpdate("mac-1").orElseThrow().voided());
            assertEquals(1, slips.voidBySerial("s-2"));
            assertEquals(2, slips.countIssued());
            assertEquals(2, slips.countVoided());
        });
        StatementException sameCode = assertThrows(StatementException.class, () -> jdbi.useHandle(h ->
                new SlipDao(h).insertIssued(List.of(new NewToken(9L, "s-9", "mac-1", "b1")))));
        assertTrue(Database.isUniqueViolation(sameCode), "a code hash is unique");
    }

    @Test
    void aPoolBatchIsNotCountedAsIssuedNorListedUntilItsTokensAreDrawn() {
        jdbi.useHandle(h -> {
            SlipDao slips = new SlipDao(h);
            slips.insertBatch("pool-1", "pool", 3, "t", true);
            slips.insertIssued(List.of(new NewToken(11L, "s-1", "mac-1", "pool-1"), new NewToken(12L, "s-2", "mac-2", "pool-1"),
                    new NewToken(13L, "s-3", "mac-3", "pool-1")));
            assertEquals(0, slips.countIssued());
            assertEquals(List.of(), slips.batches());
            slips.countIntoStandingBatch("desk-draws", "Bàn đón tiếp", "t");
            assertEquals(1, slips.countIssued(), "one drawn at the desk");
        });
    }

    @Test
    void voidingTheRestOfARunSparesTheSlipsThatVoted() {
        jdbi.useHandle(h -> {
            SlipDao slips = new SlipDao(h);
            slips.insertBatch("b1", "Đợt 1", 3, "t", false);
            slips.insertIssued(List.of(new NewToken(1L, "s-1", "mac-1", "b1"), new NewToken(2L, "s-2", "mac-2", "b1"),
                    new NewToken(3L, "s-3", "mac-3", "b1")));
            slips.voidBySerial("s-3");
            new BallotDao(h).spendToken(1, "p1", "s-1");
            assertEquals(1, slips.voidUnusedOfBatch("b1"), "s-1 voted and s-3 was voided already");
            assertFalse(slips.findBySerial("s-1").orElseThrow().voided());
            assertEquals(List.of(new SlipDao.BatchRow("b1", "Đợt 1", 3, "t", 2)), slips.batches());
        });
    }

    @Test
    void theDesksStandingBatchIsCreatedOnFirstUseAndCountedAfter() {
        jdbi.useHandle(h -> {
            SlipDao slips = new SlipDao(h);
            slips.countIntoStandingBatch("desk", "Bàn đón tiếp", "t");
            slips.countIntoStandingBatch("desk", "Bàn đón tiếp", "t");
            assertEquals(List.of(new SlipDao.BatchRow("desk", "Bàn đón tiếp", 2, "t", 0)), slips.batches());
        });
    }

    // --- RosterDao

    @Test
    void peopleAreFoundByEveryWordOfTheirSearchKeyAndAPercentSignIsLiteral() {
        jdbi.useHandle(h -> {
            RosterDao roster = new RosterDao(h);
            roster.insertPerson("p1", "Nguyễn Văn An", "Phòng Tổ chức", "nguyen van an phong to chuc");
            roster.insertPerson("p2", "Nguyễn Văn An", "Ban Quản lý", "nguyen van an ban quan ly");
            roster.insertPerson("p3", "Trần Thị Bình", "100% Phòng", "tran thi binh 100% phong");
            assertTrue(roster.exists("Nguyễn Văn An", "Ban Quản lý"));
            assertFalse(roster.exists("Nguyễn Văn An", "Thanh tra"));
            assertEquals(List.of("p2", "p1"), roster.search(List.of("an", "nguyen"), 10).stream().map(RosterDao.PersonRow::personId).toList());
            assertEquals(List.of("p3"), roster.search(List.of("100%"), 10).stream().map(RosterDao.PersonRow::personId).toList());
            assertEquals(List.of(), roster.search(List.of("1_0"), 10), "an underscore is not a wildcard");
            assertEquals(1, roster.search(List.of("nguyen"), 1).size(), "the limit holds");
            roster.setPresent("p1", true);
            assertEquals(3, roster.countPeople());
            assertEquals(1, roster.countPresent());
            assertTrue(roster.findForUpdate("p1").orElseThrow().present());
        });
    }

    @Test
    void aPersonHoldsOneBallotForTheMeetingAndAKioskVisitIsOnePerKeyAndReleasedByItsHandle() {
        jdbi.useHandle(h -> {
            RosterDao roster = new RosterDao(h);
            roster.insertPerson("p1", "Trần Thị Bình", "Phòng Kế hoạch", "tran thi binh");
            assertEquals(Optional.empty(), roster.heldKind("p1"));
            roster.insertHolder(8_123_456_789L, "p1", HandOutKind.KIOSK);
            assertEquals(Optional.of(HandOutKind.KIOSK), roster.heldKind("p1"));
            assertEquals(1, roster.countHandedOut());
            roster.insertKioskVisit(42L, "visit-p1-poll1");
            assertTrue(roster.hasKioskVisit("visit-p1-poll1"));
            assertEquals(1, roster.deleteKioskVisit(42L));
            assertEquals(0, roster.deleteKioskVisit(42L), "a handle releases once");
            roster.insertKioskVisit(43L, "visit-p1-poll1");
        });
        StatementException second = assertThrows(StatementException.class,
                () -> jdbi.useHandle(h -> new RosterDao(h).insertHolder(1L, "p1", HandOutKind.QR)));
        assertTrue(Database.isUniqueViolation(second), "one holder row per person");
        StatementException sameVisit = assertThrows(StatementException.class,
                () -> jdbi.useHandle(h -> new RosterDao(h).insertKioskVisit(44L, "visit-p1-poll1")));
        assertTrue(Database.isUniqueViolation(sameVisit), "one kiosk ballot per person and poll");
    }

    @Test
    void aPersonIsCorrectedUnderTheSameIdAndRemovedOnlyWithoutABallotHolderRow() {
        jdbi.useHandle(h -> {
            RosterDao roster = new RosterDao(h);
            roster.insertPerson("p1", "Vũ Thị Lan", "Phòng Kế hoạch", "vu thi lan");
            roster.insertPerson("p2", "Lương Văn Tâm", "Thanh tra Sở", "luong van tam");
            assertEquals(Optional.of("p1"), roster.idOf("Vũ Thị Lan", "Phòng Kế hoạch"));
            assertEquals(Optional.empty(), roster.idOf("Vũ Thị Lan", "Thanh tra Sở"));
            roster.insertHolder(77L, "p1", HandOutKind.SLIP);
            assertEquals(1, roster.updatePerson("p1", "Võ Thị Lan", "Phòng Kế hoạch", "vo thi lan"));
            assertEquals(List.of("p1"), roster.search(List.of("vo", "lan"), 10).stream().map(RosterDao.PersonRow::personId).toList());
            assertEquals(List.of(), roster.search(List.of("vu"), 10));
            assertEquals(Optional.of(HandOutKind.SLIP), roster.heldKind("p1"), "the holder row still belongs to the corrected person");
            assertEquals(0, roster.updatePerson("nobody", "Hà Văn Bảo", "", "ha van bao"));
            assertEquals(1, roster.deletePerson("p2"));
            assertEquals(0, roster.deletePerson("p2"));
            assertEquals(1, roster.countPeople());
        });
        StatementException taken = assertThrows(StatementException.class, () -> jdbi.useHandle(h -> {
            RosterDao roster = new RosterDao(h);
            roster.insertPerson("p3", "Hà Văn Bảo", "Phòng Kế hoạch", "ha van bao");
            roster.updatePerson("p3", "Võ Thị Lan", "Phòng Kế hoạch", "vo thi lan");
        }));
        assertTrue(Database.isUniqueViolation(taken), "name and unit stay unique under a correction");
        assertThrows(StatementException.class, () -> jdbi.useHandle(h -> new RosterDao(h).deletePerson("p1")),
                "a person holding a ballot cannot be deleted, even by a caller that forgot to check");
        assertEquals(Optional.of(HandOutKind.SLIP), jdbi.withHandle(h -> new RosterDao(h).heldKind("p1")));
    }

    // --- AuditDao

    @Test
    void auditEntriesAreReadBackInSequenceAndTheLastIsTheNewest() {
        jdbi.useTransaction(h -> {
            AuditDao audit = new AuditDao(h);
            assertEquals(Optional.empty(), audit.last());
            audit.append(new AuditRow(1, "t1", "station-created", "meeting=m", "0", "h1"));
            audit.append(new AuditRow(2, "t2", "poll-opened", "poll=p", "h1", "h2"));
            assertEquals(2, audit.last().orElseThrow().seq());
            assertEquals(List.of("station-created", "poll-opened"), audit.all().stream().map(AuditRow::event).toList());
        });
    }

    // --- KioskDao

    @Test
    void aKioskNameHoldsOneSecretHashWhichEnrollingAgainReplacesAndWithdrawingDeletes() {
        jdbi.useTransaction(h -> {
            KioskDao kiosks = new KioskDao(h);
            assertEquals(Optional.empty(), kiosks.findEnrolment("phong-1"));
            kiosks.putEnrolment(new EnrolmentRow("phong-1", "a".repeat(64)));
            kiosks.putEnrolment(new EnrolmentRow("phong-2", "b".repeat(64)));
            kiosks.putEnrolment(new EnrolmentRow("phong-1", "c".repeat(64)));
            assertEquals(Optional.of(new EnrolmentRow("phong-1", "c".repeat(64))), kiosks.findEnrolment("phong-1"), "the new tablet's hash");
            assertEquals(List.of("phong-1", "phong-2"), kiosks.enrolledNames());
            assertEquals(1, kiosks.deleteEnrolment("phong-1"));
            assertEquals(0, kiosks.deleteEnrolment("phong-1"), "withdrawn once");
            assertEquals(List.of("phong-2"), kiosks.enrolledNames());
        });
    }

    @Test
    void aKioskDeliveryBelongsToAVisitAndIsClaimedByOneDeleteOnly() {
        jdbi.useTransaction(h -> {
            new RosterDao(h).insertKioskVisit(7L, "visit-a");
            new RosterDao(h).insertKioskVisit(8L, "visit-b");
            KioskDao kiosks = new KioskDao(h);
            kiosks.insertDelivery(new DeliveryRow(7L, "phong-1", "poll1", "boot-old"));
            kiosks.insertDelivery(new DeliveryRow(8L, "phong-1", "poll1", "boot-now"));
            assertEquals(List.of(new DeliveryRow(7L, "phong-1", "poll1", "boot-old")), kiosks.deliveriesFor("phong-1", Optional.of("boot-now")),
                    "only another run's deliveries are lost ones");
            assertEquals(2, kiosks.deliveriesFor("phong-1", Optional.empty()).size());
            assertEquals(List.of(), kiosks.deliveriesFor("phong-2", Optional.empty()));
            assertEquals(1, kiosks.deleteDelivery(7L));
            assertEquals(0, kiosks.deleteDelivery(7L), "a second pick-up finds nothing to claim");
            assertEquals(List.of(new DeliveryRow(8L, "phong-1", "poll1", "boot-now")), kiosks.deliveries());
        });
        assertThrows(StatementException.class, () -> jdbi.useHandle(h -> new KioskDao(h).insertDelivery(new DeliveryRow(99L, "phong-1", "poll1", "b"))),
                "a delivery without its visit");
    }

    // --- CommitmentDao

    @Test
    void aCommitmentKeepsEveryTokenHashOfALargeMeetingInAscendingOrder() {
        List<String> hashes = java.util.stream.IntStream.range(0, 2_345).mapToObj(i -> "%064x".formatted(i)).toList();
        jdbi.useTransaction(h -> new CommitmentDao(h).insert("p1", "header", hashes.size(), "sha", hashes));
        List<String> read = new java.util.ArrayList<>();
        jdbi.useHandle(h -> new CommitmentDao(h).forEachToken("p1", read::add));
        assertEquals(hashes, read);
        int count = jdbi.withHandle(h -> new CommitmentDao(h).find("p1").orElseThrow().tokenCount());
        assertEquals(2_345, count);
    }

    // --- the smaller DAOs: every row read back as it was written, on both databases

    @Test
    void theEditedMeetingItsPollsAndItsNextRoundsReadBackAsWritten() {
        jdbi.useHandle(h -> {
            MeetingSetupDao setups = new MeetingSetupDao(h);
            assertEquals(Optional.empty(), setups.find());
            setups.insert(new MeetingSetupDao.SetupRow("meeting-1", "{}", "sha-1", at("2026-12-10T08:00+07:00")));
            setups.update("{\"title\":\"Hội nghị\"}", at("2026-12-10T08:05:30+07:00"));
            assertEquals(Optional.of(new MeetingSetupDao.SetupRow("meeting-1", "{\"title\":\"Hội nghị\"}", "sha-1",
                    at("2026-12-10T08:05:30+07:00"))), setups.find());
            setups.replacePolls(List.of(new MeetingSetupDao.PollRow("b", 1, "{\"id\":\"b\"}"), new MeetingSetupDao.PollRow("a", 2, "{}")));
            setups.appendPoll("b-2", "{\"id\":\"b-2\"}");
            assertEquals(List.of(new MeetingSetupDao.PollRow("b", 1, "{\"id\":\"b\"}"), new MeetingSetupDao.PollRow("a", 2, "{}"),
                    new MeetingSetupDao.PollRow("b-2", 3, "{\"id\":\"b-2\"}")), setups.polls());
            assertEquals(Optional.of("{\"id\":\"b-2\"}"), setups.pollDefinition("b-2"));

            PollDefinitionDao definitions = new PollDefinitionDao(h);
            var round = new PollDefinitionDao.DefinitionRow("b-2", "b", "{\"id\":\"b-2\"}", at("2026-12-10T10:00+07:00"));
            definitions.insert(round);
            assertEquals(List.of(round), definitions.all());
            assertTrue(definitions.existsFrom("b"));
            definitions.delete("b-2");
            assertFalse(definitions.existsFrom("b"));
        });
    }

    @Test
    void staffSecretsKioskKeysPaperBatchesAndSealedBallotsReadBackAsWritten() {
        jdbi.useHandle(h -> {
            StaffCredentialDao staff = new StaffCredentialDao(h);
            staff.put(new StaffCredentialDao.CredentialRow("desk", "s1", "h1"));
            staff.put(new StaffCredentialDao.CredentialRow("chair", "s2", "h2"));
            staff.put(new StaffCredentialDao.CredentialRow("desk", "s3", "h3"));
            staff.remove("chair");
            assertEquals(List.of(new StaffCredentialDao.CredentialRow("desk", "s3", "h3")), staff.all());

            new KioskDao(h).putEnrolment(new EnrolmentRow("phong-1", "secret-hash-1"));
            KioskKeyDao keys = new KioskKeyDao(h);
            keys.put(new KioskKeyDao.KeyRow("phong-1", "secret-hash-1", "public-key-1"));
            assertEquals(Optional.of(new KioskKeyDao.KeyRow("phong-1", "secret-hash-1", "public-key-1")), keys.findCurrent("phong-1"));
            new KioskDao(h).putEnrolment(new EnrolmentRow("phong-1", "secret-hash-2"));
            assertEquals(Optional.empty(), keys.findCurrent("phong-1"), "a tablet enrolled again retires the earlier key");

            PaperBatchDao paper = new PaperBatchDao(h);
            paper.insert("p1", "to-1", 12, at("2026-12-10T09:30+07:00"));
            paper.insert("p1", "to-2", 3, at("2026-12-10T09:40+07:00"));
            assertTrue(paper.exists("p1", "to-1"));
            assertFalse(paper.exists("p2", "to-1"));
            assertEquals(15, paper.countBallots("p1"));

            SealedBallotDao sealed = new SealedBallotDao(h);
            sealed.insert(41L, "p1", "proof-1", "c2VhbGVk");
            assertTrue(sealed.hasRetryProof("p1", "proof-1"));
            assertFalse(sealed.hasRetryProof("p2", "proof-1"));
            assertEquals(List.of(new SealedBallotDao.SealedRow(41L, "c2VhbGVk")), sealed.all("p1"));
            assertEquals(1, sealed.count("p1"));
            assertEquals(1, sealed.deleteAll("p1"));
            assertEquals(0, sealed.count("p1"));
        });
    }
}
