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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.App;
import kioskvote.StationExtension;
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

    @RegisterExtension
    final StationExtension fixture = StationExtension.direct();
    PollLifecycle polls;
    PollStatuses statuses;
    PollResults results;
    BoxOpening boxes;

    @BeforeEach
    void openStation() {
        polls = fixture.station().polls();
        statuses = fixture.station().pollStatuses();
        results = fixture.station().results();
        boxes = fixture.station().boxOpening();
    }

    @Test
    void everyPollStartsAsADraftWithNoDefinitionFrozen() {
        for (PollStatus status : statuses.statuses()) {
            assertEquals(PollState.DRAFT, status.state(), status.pollId());
            assertEquals(Optional.empty(), status.definitionHash());
            assertEquals(Optional.empty(), status.openedAt());
            assertEquals(0, status.cast());
        }
        assertEquals(List.of("tin-nhiem", "bieu-quyet-quy-che", "bo-phieu-tin-nhiem", "bau-cu-bch-cong-doan", "bo-phieu-thu"),
                statuses.statuses().stream().map(PollStatus::pollId).toList());
    }

    @Test
    void belowTwoThirdsPresentTheOpenAsksForConfirmationAndChangesNothing() {
        polls.setPresent(26); // 26 of 40: 3 × 26 = 78 < 80
        PollRejected warning = assertThrows(PollRejected.class, () -> polls.open(POLL, false));
        assertEquals(PollRejected.Code.QUORUM_NOT_MET.code(), warning.code());
        assertEquals(Map.of("present", 26, "summoned", 40), warning.args());
        assertEquals(PollState.DRAFT, statuses.status(POLL).state());
        assertEquals(PollState.OPEN, polls.open(POLL, true).status().state(), "the chair confirmed");
    }

    @Test
    void atExactlyTwoThirdsPresentThePollOpensWithoutConfirmation() {
        polls.setPresent(27); // 3 × 27 = 81 ≥ 80; the rule is "at least two thirds"
        assertTrue(statuses.status(POLL).figures().quorumMet());
        assertEquals(PollState.OPEN, polls.open(POLL, false).status().state());
    }

    @Test
    void openingFreezesTheDefinitionAndRecordsItsHash() {
        polls.setPresent(40);
        PollStatus opened = polls.open(POLL, false).status();
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
        fixture.stop();
        Path meetingYaml = fixture.configDir().resolve("meeting.yaml");
        Files.writeString(meetingYaml, Files.readString(meetingYaml).replace("position: Giám đốc Sở", "position: Giám đốc"));
        App.StartupRefused refused = assertThrows(App.StartupRefused.class, fixture::start);
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
        assertTrue(statuses.status(POLL).closedAt().isPresent());
        assertEquals(PollState.DRAFT, statuses.status("bieu-quyet-quy-che").state(), "the other poll is untouched");
    }

    @Test
    void resultsReceiptsAndBallotsAreRefusedUntilTheClose() {
        polls.setPresent(40);
        polls.open(POLL, false);
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> results.receipts(POLL));
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> results.ballots(POLL));
        assertRejected(PollRejected.Code.RESULTS_NOT_READY, () -> results.minutes(POLL, Language.VI));
    }

    @Test
    void afterTheCloseTheMinutesCountTheBallotsAndCarryTheFrozenHashAndAnIntactAuditLog() {
        polls.setPresent(40);
        OpenedPoll opened = polls.open(POLL, false);
        for (String token : fixture.issueTokens(2)) {
            fixture.station().ballotBox().cast(POLL, token, Map.of("s1", List.of("high")), ReceiptCode.randomSecret(RANDOM));
        }
        polls.close(POLL);
        assertRejected(PollRejected.Code.AWAITING_COUNT, () -> results.minutes(POLL, Language.VI)); // sealed: the committee counts first
        boxes.count(POLL, opened.shares().orElseThrow().cards().stream().limit(2).map(c -> c.share().code()).toList());
        var minutes = results.minutes(POLL, Language.EN);
        assertEquals(2, minutes.tally().counts().received());
        assertEquals(statuses.status(POLL).definitionHash().orElseThrow(), minutes.pollDefinitionHash());
        assertEquals(2, results.receipts(POLL).size());
        assertEquals(2, results.ballots(POLL).size());
        var log = fixture.station().jdbi().withHandle(h -> new AuditDao(h).all());
        assertTrue(AuditLog.verifyChain(log));
        assertEquals(AuditLog.head(log), minutes.auditHeadHash());
        assertEquals("poll=tin-nhiem received=2", lastAuditEvent("poll-closed").detail());
        assertEquals("poll-counted", log.get(log.size() - 1).event());
        assertTrue(lastAuditEvent("record-head").detail().startsWith("poll=tin-nhiem ballots=2 head="),
                "the record's head is fixed in the counting transaction");
    }

    @Test
    void aCountedPollKeepsTheFiguresOfItsCountWhilePresenceAndSlipsChangeForTheNextPoll() {
        polls.setPresent(30);
        fixture.issueTokens(3);
        OpenedPoll opened = polls.open(POLL, false);
        fixture.station().ballotBox().cast(POLL, fixture.issueTokens(1).get(0), Map.of("s1", List.of("high")), ReceiptCode.randomSecret(RANDOM));
        polls.close(POLL);
        polls.setPresent(35); // late arrivals, between the close and the count: the count fixes the figures
        boxes.count(POLL, opened.shares().orElseThrow().cards().stream().limit(2).map(c -> c.share().code()).toList());
        PollStatus atCount = statuses.status(POLL);
        assertEquals(35, atCount.figures().present());
        assertEquals(4, atCount.figures().issued());

        polls.setPresent(38); // later in the day: more people, more slips, for the next poll
        fixture.issueTokens(5);
        assertEquals(38, statuses.status("bieu-quyet-quy-che").figures().present(), "the next poll sees the figures of now");
        assertEquals(9, statuses.status("bieu-quyet-quy-che").figures().issued());
        PollStatus later = statuses.status(POLL);
        assertEquals(35, later.figures().present(), "the counted poll keeps the figures of its count");
        assertEquals(4, later.figures().issued());
        var counts = results.minutes(POLL, Language.VI).tally().counts();
        assertEquals(35, counts.figures().present());
        assertEquals(4, counts.figures().issued());
        assertEquals(40, counts.figures().summoned());
    }

    @Test
    void aPresentCountAboveTheSummonedOrBelowZeroIsRefused() {
        assertRejected(PollRejected.Code.BAD_COUNT, () -> polls.setPresent(41));
        assertRejected(PollRejected.Code.BAD_COUNT, () -> polls.setPresent(-1));
        polls.setPresent(40);
        assertEquals(40, statuses.status(POLL).figures().present());
    }

    @Test
    void anUnknownPollIsRefused() {
        assertRejected(BallotRejected.Code.UNKNOWN_POLL, () -> polls.open("no-such-poll", true));
        assertRejected(BallotRejected.Code.UNKNOWN_POLL, () -> statuses.status("no-such-poll"));
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
