package kioskvote.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kioskvote.meeting.Candidate;
import kioskvote.meeting.Election;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;

class PaperLinesTest {
    // Two slips' short codes (ShortCode.of of the secrets 0 and 1): a check character closes each group.
    static final Poll ELECTION = Poll.election("bau-cu", "Bầu", PercentBase.RECEIVED, new Election(2, List.of(
            new Candidate("c1", "A", "", ""), new Candidate("c2", "B", "", ""), new Candidate("c3", "C", "", ""))), false);

    @Test
    void aTellersLinesBecomeBallotsByTheNumbersOfTheForm() {
        List<PaperBallot> ballots = PaperLines.parse(ELECTION, "qb4cvv-hcdck4: 3 1\n\nBN3BQN-8MEP9R:\n");
        assertEquals(2, ballots.size());
        assertEquals(Map.of("election", List.of("c1", "c3")), ballots.get(0).marks());
        assertEquals(Map.of("election", List.of()), ballots.get(1).marks(), "every name crossed out");
        assertEquals("1 3", PaperLines.asTyped(ELECTION, ballots.get(0).marks()), "written back as typed, for the differences");
    }

    @Test
    void anUnreadableLineIsRefusedWithItsNumberAndTheRepeatedCodeToo() {
        PaperRejected noSuchName = assertThrows(PaperRejected.class, () -> PaperLines.parse(ELECTION, "QB4CVV-HCDCK4: 1\nBN3BQN-8MEP9R: 4"));
        assertEquals("bad_paper_line", noSuchName.code());
        assertEquals(2, noSuchName.args().get("line"));
        assertEquals("4", noSuchName.args().get("text"));
        assertEquals("repeated_code", assertThrows(PaperRejected.class,
                () -> PaperLines.parse(ELECTION, "QB4CVV-HCDCK4: 1\nqb4cvv-hcdck4: 2")).code());
    }

    @Test
    void twoEntriesDifferOnlyWhereABallotIsMissingOrMarkedOtherwise() {
        List<PaperBallot> first = List.of(new PaperBallot("A", Map.of("q", List.of("x"))), new PaperBallot("B", Map.of("q", List.of("y"))));
        List<PaperBallot> second = List.of(new PaperBallot("B", Map.of("q", List.of("x"))), new PaperBallot("A", Map.of("q", List.of("x"))),
                new PaperBallot("C", Map.of("q", List.of())));
        List<PaperDesk.Difference> differences = PaperDesk.differences(first, second);
        assertEquals(List.of("B", "C"), differences.stream().map(PaperDesk.Difference::code).toList());
        assertEquals(false, differences.get(1).inFirst());
    }
}
