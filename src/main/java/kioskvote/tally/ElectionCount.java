package kioskvote.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import kioskvote.meeting.Candidate;
import kioskvote.meeting.Election;
import kioskvote.tally.CandidateResult.Outcome;

/**
 * Who is elected (docs/rules.md, "Election"): a candidate needs more than half of the election's majority base,
 * the ballots received ({@code 2·votes > received}) or, with {@code majority_of: valid}, the valid ones; those who have it are ranked by votes and fill the seats in that order. When
 * candidates with equal votes straddle the last seats, none of them is elected: they are reported as tied,
 * never separated by ballot order, name or chance. Seats left (by a tie, or too few with more than half) and
 * the candidates still in the running make the second round.
 */
final class ElectionCount {
    private ElectionCount() {
    }

    static ElectionResult result(Election election, QuestionTally question, long received, long blank, long overLimit, long base) {
        List<Candidate> byVotes = new ArrayList<>(election.candidates());
        // Ballot order among equal votes only to print them; their outcome never depends on it.
        byVotes.sort(Comparator.comparingLong((Candidate c) -> -question.count(c.id())));
        long majorityBase = election.majorityOf() == Election.MajorityOf.VALID ? question.valid() : received;
        List<Candidate> withMajority = byVotes.stream().filter(c -> 2 * question.count(c.id()) > majorityBase).toList();
        int seats = election.seats();
        long lastSeatVotes = withMajority.size() > seats ? question.count(withMajority.get(seats - 1).id()) : -1;
        long above = withMajority.stream().filter(c -> question.count(c.id()) > lastSeatVotes).count();
        long atLast = withMajority.stream().filter(c -> question.count(c.id()) == lastSeatVotes).count();
        List<CandidateResult> ranked = new ArrayList<>();
        int elected = 0;
        List<Candidate> tied = new ArrayList<>();
        for (Candidate c : byVotes) {
            long votes = question.count(c.id());
            int rank = 1 + (int) byVotes.stream().filter(o -> question.count(o.id()) > votes).count();
            Outcome outcome;
            if (2 * votes <= majorityBase) {
                outcome = Outcome.NO_MAJORITY;
            } else if (withMajority.size() <= seats || votes > lastSeatVotes) {
                outcome = Outcome.ELECTED;
            } else if (votes == lastSeatVotes) {
                outcome = above + atLast > seats ? Outcome.TIED : Outcome.ELECTED;
            } else {
                outcome = Outcome.RANKED_OUT;
            }
            if (outcome == Outcome.ELECTED) elected++;
            if (outcome == Outcome.TIED) tied.add(c);
            ranked.add(new CandidateResult(c, votes, Percent.of(votes, base), Percent.of(votes, majorityBase), rank, outcome));
        }
        int remaining = seats - elected;
        List<Candidate> undecided = !tied.isEmpty() ? tied
                : remaining > 0 ? ranked.stream().filter(r -> r.outcome() != Outcome.ELECTED).map(CandidateResult::candidate).toList()
                : List.of();
        return new ElectionResult(seats, received, question.valid(), blank, overLimit, ranked, elected, remaining, undecided,
                !tied.isEmpty(), election.majorityOf(), majorityBase, election.tie());
    }
}
