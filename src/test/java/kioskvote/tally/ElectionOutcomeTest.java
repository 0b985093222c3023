package kioskvote.tally;

import static kioskvote.tally.Fixtures.concat;
import static kioskvote.tally.Fixtures.times;
import static kioskvote.tally.KindsTallyTest.keeping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kioskvote.ballot.Answers;
import kioskvote.meeting.Candidate;
import kioskvote.meeting.Election;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.text.Language;

/** An election's outcome as the minutes' exports state it (docs/rules.md, "Worked example: election"), figures by hand. */
class ElectionOutcomeTest {
    static final List<Candidate> FIVE = List.of(new Candidate("c1", "Đặng Thu Hà", "Chuyên viên", "Phòng Quản lý xây dựng"),
            new Candidate("c2", "Bùi Quốc Huy", "Phó Trưởng phòng", "Văn phòng Sở"),
            new Candidate("c3", "Ngô Thị Lệ", "Chuyên viên chính", "Thanh tra Sở"),
            new Candidate("c4", "Trịnh Văn Minh", "Kỹ sư", "Trung tâm Kiểm định"),
            new Candidate("c5", "=Lý Thị Ngọc", "Kế toán viên", "Phòng Kế hoạch – Tài chính"));

    /** docs/rules.md's 30 ballots: A 24, B 20, C 17, D 17, E 5; one over the limit, one blank (valid 28). */
    static List<Answers> workedExample() {
        return concat(times(10, keeping("c1", "c2", "c3")), times(7, keeping("c1", "c2", "c4")), times(3, keeping("c1", "c3", "c4")),
                times(4, keeping("c1", "c4", "c5")), times(3, keeping("c2", "c3", "c4")), times(1, keeping("c3", "c5")),
                times(1, keeping("c1", "c2", "c3", "c4")), times(1, keeping()));
    }

    static PollTally count(Election election, List<Answers> ballots) {
        Poll poll = Poll.election("bau-cu", "Bầu Ban Chấp hành Công đoàn", PercentBase.RECEIVED, election, false);
        return Tally.count(poll, ballots, new TallyCounts(40, 35, ballots.size(), ballots.size(), 0));
    }

    @Test
    void theMinutesCsvSaysWhoIsElectedWhoIsTiedTheSeatsLeftAndTheNextRound() {
        PollTally tally = count(new Election(3, FIVE), workedExample());
        List<List<String>> rows = MinutesCsv.rows(Fixtures.minutes(tally, Language.VI));
        assertTrue(rows.contains(List.of("seats", "3")), rows.toString());
        assertTrue(rows.contains(List.of("valid_ballots", "28")));
        assertTrue(rows.contains(List.of("blank_ballots", "1")));
        assertTrue(rows.contains(List.of("over_limit_ballots", "1")));
        assertTrue(rows.contains(List.of("elected", "Đặng Thu Hà; Bùi Quốc Huy")));
        assertTrue(rows.contains(List.of("elected_ids", "c1;c2")));
        assertTrue(rows.contains(List.of("tie", "true")));
        assertTrue(rows.contains(List.of("tied", "Ngô Thị Lệ; Trịnh Văn Minh")));
        assertTrue(rows.contains(List.of("remaining_seats", "1")));
        assertTrue(rows.contains(List.of("next_round_ids", "c3;c4")));
        assertTrue(rows.contains(List.of("majority_of", "received")) && rows.contains(List.of("majority_base", "30"))
                && rows.contains(List.of("tie_rule", "next_round")), rows.toString());
        int heading = rows.indexOf(List.of("Mã ứng cử viên", "Ứng cử viên", "Số phiếu", "Tỷ lệ %", "Tỷ lệ % so với cơ số tính quá nửa", "Thứ hạng",
                "Kết quả", "Kết quả bằng chữ"));
        assertTrue(heading > 0, "the ranked table, headed in the language of the minutes");
        assertEquals(List.of("c1", "Đặng Thu Hà", "24", "80.00", "80.00", "1", "ELECTED", "Trúng cử"), rows.get(heading + 1));
        assertEquals(List.of("c3", "Ngô Thị Lệ", "17", "56.67", "56.67", "3", "TIED", "Bằng phiếu ở vị trí cuối, chưa trúng cử; bầu vòng sau"),
                rows.get(heading + 3));
        assertEquals(List.of("c5", "'=Lý Thị Ngọc", "5", "16.67", "16.67", "5", "NO_MAJORITY"), rows.get(heading + 5).subList(0, 7),
                "a name is kept from being read as a formula");
    }

    @Test
    void withoutATieTheNextRoundHoldsEveryoneNotElected() {
        // 10 ballots, 2 seats: A 8, B 4, C 3 (B and C not more than half of 10): A elected, one seat left, B and C next
        List<Answers> ballots = concat(times(3, keeping("c1", "c2")), times(3, keeping("c1", "c3")), times(2, keeping("c1")),
                times(1, keeping("c2")), times(1, keeping()));
        PollTally tally = count(new Election(2, FIVE.subList(0, 3)), ballots);
        List<List<String>> rows = MinutesCsv.rows(Fixtures.minutes(tally, Language.EN));
        assertTrue(rows.contains(List.of("elected_ids", "c1")), rows.toString());
        assertTrue(rows.contains(List.of("tie", "false")));
        assertTrue(rows.contains(List.of("tied", "")));
        assertTrue(rows.contains(List.of("remaining_seats", "1")));
        assertTrue(rows.contains(List.of("next_round_ids", "c2;c3")));
    }

    /** 2 candidates for 1 seat, 10 ballots: 5 keep A, 3 keep B, 2 keep no one (blank, since 2 > 1): valid 8. */
    static List<Answers> fiveThreeTwoBlank() {
        return concat(times(5, keeping("c1")), times(3, keeping("c2")), times(2, keeping()));
    }

    @Test
    void onReceivedBallotsHalfIsNotEnoughButOnValidBallotsItIsMoreThanHalf() {
        // received: 2·5 = 10 > 10 is false, nobody elected; valid: 10 > 8, A elected with 62,50 % of the valid ballots
        PollTally received = count(new Election(1, FIVE.subList(0, 2)), fiveThreeTwoBlank());
        assertEquals(CandidateResult.Outcome.NO_MAJORITY, received.election().orElseThrow().of("c1").outcome());
        Election onValid = new Election(1, FIVE.subList(0, 2), 1, java.util.Optional.empty(), Election.MajorityOf.VALID, Election.TieRule.NEXT_ROUND);
        ElectionResult valid = count(onValid, fiveThreeTwoBlank()).election().orElseThrow();
        assertEquals(8, valid.majorityBase());
        assertEquals(CandidateResult.Outcome.ELECTED, valid.of("c1").outcome());
        assertEquals(new java.math.BigDecimal("50.00"), valid.of("c1").percent(), "of the poll's base, ballots received");
        assertEquals(new java.math.BigDecimal("62.50"), valid.of("c1").majorityPercent(), "of the base that elected A");
        assertEquals(CandidateResult.Outcome.NO_MAJORITY, valid.of("c2").outcome());
        MinutesWords en = new MinutesWords(Language.EN);
        assertEquals("Elect 1 of 2. Elected with more than half of the valid ballots (8: 5 votes or more), in order of votes.", en.electionRule(valid, 2));
        assertEquals("Not elected (not more than half of the valid ballots)", en.outcome(valid.of("c2").outcome(), valid.majorityOf()));
        assertTrue(MinutesWords.showsMajorityPercent(PercentBase.RECEIVED, valid), "the minutes show 62,50 % beside 50,00 %");
    }

    @Test
    void everyCandidateShownElectedHasMoreThanHalfOfTheStatedBaseWhateverThePollsPercentageBase() {
        // base: summoned (40) for the percentages, majority of 30 received: A's 24 is 60 % of 40 and 80 % of 30
        Poll poll = Poll.election("bau-cu", "Bầu", PercentBase.SUMMONED, new Election(3, FIVE), false);
        List<Answers> ballots = workedExample();
        ElectionResult result = Tally.count(poll, ballots, new TallyCounts(60, 35, 30, 30, 0)).election().orElseThrow();
        assertTrue(MinutesWords.showsMajorityPercent(PercentBase.SUMMONED, result));
        for (CandidateResult r : result.withOutcome(CandidateResult.Outcome.ELECTED)) {
            assertTrue(r.majorityPercent().compareTo(new java.math.BigDecimal("50")) > 0, r.toString());
        }
        assertEquals(new java.math.BigDecimal("33.33"), result.of("c2").percent(), "20 of 60 summoned: under 50 % ...");
        assertEquals(new java.math.BigDecimal("66.67"), result.of("c2").majorityPercent(), "... so 20 of 30 received is shown beside it");
    }

    @Test
    void aTieTheMeetingSettlesIsStatedSoAndItsCandidatesStillNamed() {
        Election meetingDecides = new Election(3, FIVE, 1, java.util.Optional.empty(), Election.MajorityOf.RECEIVED, Election.TieRule.MEETING_DECIDES);
        ElectionResult result = count(meetingDecides, workedExample()).election().orElseThrow();
        assertTrue(result.tie());
        assertEquals(List.of("c3", "c4"), result.undecided().stream().map(Candidate::id).toList(), "the station still breaks no tie");
        assertTrue(new MinutesWords(Language.EN).tieRule(result).orElseThrow().startsWith("The meeting settles this tie by its own rule"));
        assertTrue(new MinutesWords(Language.VI).tieRule(result).orElseThrow().startsWith("Hội nghị tự quyết định"));
        assertTrue(new MinutesWords(Language.EN).tieRule(count(new Election(3, FIVE), workedExample()).election().orElseThrow()).isEmpty(),
                "a next round is said by the seats-left line");
        assertTrue(MinutesCsv.rows(Fixtures.minutes(count(meetingDecides, workedExample()), Language.EN)).contains(List.of("tie_rule", "meeting_decides")));
    }

    @Test
    void aNextRoundKeepsTheRulesAndTheDefinitionCarriesThemOnlyWhenNotTheDefault() {
        Election first = new Election(3, FIVE, 1, java.util.Optional.empty(), Election.MajorityOf.VALID, Election.TieRule.MEETING_DECIDES);
        Election next = first.nextRound(1, FIVE.subList(2, 4), "bau-cu");
        assertEquals(Election.MajorityOf.VALID, next.majorityOf());
        assertEquals(Election.TieRule.MEETING_DECIDES, next.tie());
        Poll poll = Poll.election("bau-cu", "Bầu", PercentBase.RECEIVED, first, false);
        assertEquals(poll, kioskvote.meeting.PollDefinition.parse(kioskvote.meeting.PollDefinition.canonicalJson(poll)));
        String plain = kioskvote.meeting.PollDefinition.canonicalJson(Poll.election("bau-cu", "Bầu", PercentBase.RECEIVED, new Election(3, FIVE), false));
        assertTrue(!plain.contains("majorityOf") && !plain.contains("\"tie\""), "an election without them hashes as before: " + plain);
    }
}
