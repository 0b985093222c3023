package kioskvote.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.App;
import kioskvote.DirectStation;
import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.ReceiptCode;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.PollState;
import kioskvote.store.AuditDao;
import kioskvote.store.PollStateDao;
import kioskvote.text.Language;
import kioskvote.text.Refusal;
import kioskvote.text.Refused;

/**
 * A poll's life called directly (no HTTP) on a real H2 file: draft → open → closed, the 2/3 quorum
 * confirmation, refusals of a second open or close, and the definition frozen (and its hash kept) at the open.
 */
class PollLifecycleTest {
    static final String POLL = "tin-nhiem";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path data;
    DirectStation fixture;
    PollLifecycle polls;

    @BeforeEach
    void openStation() {
        fixture = DirectStation.open(data);
        polls = fixture.station().polls();
    }

    @AfterEach
    void closeDatabase() {
        if (fixture != null) fixture.close();
    }

    @Test
    void everyPollStartsAsADraftWithNoDefinitionFrozen() {
        for (PollStatus status : polls.statuses()) {
            assertEquals(PollState.DRAFT, status.state(), status.pollId());
            assertEquals(Optional.empty(), status.definitionHash());
            assertEquals(Optional.empty(), status.openedAt());
            assertEquals(0, status.cast());
        }
        assertEquals(List.of("tin-nhiem", "bieu-quyet-quy-che"), polls.statuses().stream().map(PollStatus::pollId).toList());
    }

    @Test
    void belowTwoThirdsPresentTheOpenAsksForConfirmationAndChangesNothing() {
        polls.setPresent(26); // 26 of 40: 3 × 26 = 78 < 80
        PollRejected warning = assertThrows(PollRejected.class, () -> polls.open(POLL, false));
        assertEquals(PollRejected.Code.QUORUM_NOT_MET.code(), warning.code());
        assertEquals(Map.of("present", 26, "summoned", 40), warning.args());
        assertEquals(PollState.DRAFT, polls.status(POLL).state());
        assertEquals(PollState.OPEN, polls.open(POLL, true).state(), "the chair confirmed");
    }

    @Test
    void atExactlyTwoThirdsPresentThePollOpensWithoutConfirmation() {
        polls.setPresent(27); // 3 × 27 = 81 ≥ 80; the rule is "at least two thirds"
        assertTrue(polls.status(POLL).quorumMet());
        assertEquals(PollState.OPEN, polls.open(POLL, false).state());
    }

    @Test
    void openingFreezesTheDefinitionAndRecordsItsHash() {
        polls.setPresent(40);
        PollStatus opened = polls.open(POLL, false);
        Poll poll = fixture.station().meeting().poll(POLL).orElseThrow();
        assertEquals(Optional.of(PollDefinition.hash(poll)), opened.definitionHash());
        assertEquals(64, opened.definitionHash().orElseThrow().length());
        assertTrue(opened.openedAt().isPresent());
        var row = fixture.station().jdbi().withHandle(h -> new PollStateDao(h).find(POLL)).orElseThrow();
        assertEquals(Optional.of(PollDefinition.canonicalJson(poll)), row.definitionJson());
        assertTrue(lastAuditEvent("poll-opened").detail().contains("definition-sha256=" + PollDefinition.hash(poll)),
                lastAuditEvent("poll-opened").detail());
        assertEquals("poll-committed", lastAuditEvent().event(), "the commitment follows the opening (docs/record.md)");
    }

    @Test
    void aStationRestartedWithAChangedDefinitionOfAnOpenedPollIsRefused() throws Exception {
        polls.setPresent(40);
        polls.open(POLL, false);
        fixture.close();
        fixture = null;
        Path changed = Files.createDirectories(data.resolve("changed-config"));
        Files.writeString(changed.resolve("meeting.yaml"), Files.readString(DirectStation.DEMO.resolve("meeting.yaml"))
                .replace("position: Giám đốc Sở", "position: Giám đốc"));
        App.StartupRefused refused = assertThrows(App.StartupRefused.class, () -> DirectStation.open(changed, data, Optional.empty()));
        assertTrue(refused.getMessage().contains("poll \"tin-nhiem\" was opened with another definition"), refused.getMessage());
    }

    @Test
    void aPollOpensOnceAndClosesOnce() {
        polls.setPresent(40);
        assertRejected(PollRejected.Code.POLL_ALREADY_CLOSED, () -> polls.close(POLL)); // a draft cannot be closed
        polls.open(POLL, false);
        assertRejected(PollRejected.Code.POLL_NOT_DRAFT, () -> polls.open(POLL, true));
        assertEquals(PollState.CLOSED, polls.close(POLL).state());
        assertRejected(PollRejected.Code.POLL_ALREADY_CLOSED, () -> polls.close(POLL));
        assertRejected(PollRejected.Code.POLL_NOT_DRAFT, () -> polls.open(POLL, true));
        assertTrue(polls.status(POLL).closedAt().isPresent());
        assertEquals(PollState.DRAFT, polls.status("bieu-quyet-quy-che").state(), "the other poll is untouched");
    }

    @Test
    void resultsReceiptsAndBallotsAreRefusedUntilTheClose() {
        polls.setPresent(40);
        polls.open(POLL, false);
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> polls.receipts(POLL));
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> polls.ballots(POLL));
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> polls.minutes(POLL, Language.VI));
    }

    @Test
    void afterTheCloseTheMinutesCountTheBallotsAndCarryTheFrozenHashAndAnIntactAuditLog() {
        polls.setPresent(40);
        polls.open(POLL, false);
        for (String token : fixture.issueTokens(2)) {
            fixture.station().ballotBox().cast(POLL, token, Map.of("s1", List.of("high")), ReceiptCode.randomSecret(RANDOM));
        }
        polls.close(POLL);
        var minutes = polls.minutes(POLL, Language.EN);
        assertEquals(2, minutes.tally().counts().received());
        assertEquals(polls.status(POLL).definitionHash().orElseThrow(), minutes.pollDefinitionHash());
        assertEquals(2, polls.receipts(POLL).size());
        assertEquals(2, polls.ballots(POLL).size());
        var log = fixture.station().jdbi().withHandle(h -> new AuditDao(h).all());
        assertTrue(AuditLog.verifyChain(log));
        assertEquals(AuditLog.head(log), minutes.auditHeadHash());
        assertEquals("poll=tin-nhiem received=2", lastAuditEvent("poll-closed").detail());
        assertEquals("record-head", log.get(log.size() - 1).event(), "the record's head is fixed in the closing transaction");
        assertTrue(log.get(log.size() - 1).detail().startsWith("poll=tin-nhiem ballots=2 head="), log.get(log.size() - 1).detail());
    }

    @Test
    void aPresentCountAboveTheSummonedOrBelowZeroIsRefused() {
        assertRejected(PollRejected.Code.BAD_COUNT, () -> polls.setPresent(41));
        assertRejected(PollRejected.Code.BAD_COUNT, () -> polls.setPresent(-1));
        polls.setPresent(40);
        assertEquals(40, polls.status(POLL).present());
    }

    @Test
    void anUnknownPollIsRefused() {
        assertRejected(BallotRejected.Code.UNKNOWN_POLL, () -> polls.open("no-such-poll", true));
        assertRejected(BallotRejected.Code.UNKNOWN_POLL, () -> polls.status("no-such-poll"));
    }

    private AuditDao.AuditRow lastAuditEvent() {
        var rows = fixture.station().jdbi().withHandle(h -> new AuditDao(h).all());
        return rows.get(rows.size() - 1);
    }

    private AuditDao.AuditRow lastAuditEvent(String event) {
        var rows = fixture.station().jdbi().withHandle(h -> new AuditDao(h).all());
        return rows.stream().filter(r -> r.event().equals(event)).reduce((a, b) -> b).orElseThrow();
    }

    /** The action is refused with this code (and so changes nothing). */
    static void assertRejected(Refusal.Code code, Runnable action) {
        assertEquals(code.code(), assertThrows(Refused.class, action::run).code());
    }
}
