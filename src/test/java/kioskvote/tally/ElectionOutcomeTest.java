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
        int heading = rows.indexOf(List.of("Mã ứng cử viên", "Ứng cử viên", "Số phiếu", "Tỷ lệ %", "Thứ hạng", "Kết quả", "Kết quả bằng chữ"));
        assertTrue(heading > 0, "the ranked table, headed in the language of the minutes");
        assertEquals(List.of("c1", "Đặng Thu Hà", "24", "80.00", "1", "ELECTED", "Trúng cử"), rows.get(heading + 1));
        assertEquals(List.of("c3", "Ngô Thị Lệ", "17", "56.67", "3", "TIED", "Bằng phiếu ở vị trí cuối, chưa trúng cử; bầu vòng sau"),
                rows.get(heading + 3));
        assertEquals(List.of("c5", "'=Lý Thị Ngọc", "5", "16.67", "5", "NO_MAJORITY"), rows.get(heading + 5).subList(0, 6),
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
}
