package kioskvote.tally;

import java.util.List;

import kioskvote.meeting.Candidate;
import kioskvote.meeting.Election;

/**
 * The result of an election (docs/rules.md, "Election"): valid ballots, blank ones (no name kept while
 * candidates outnumber seats) and ballots over the limit (more names kept than seats), the candidates ranked
 * by votes with their outcome, the seats filled and left, and the candidates a second round would hold; what the
 * majority was taken of ({@code majorityOf}, the number {@code majorityBase}) and how a tie is settled.
 */
public record ElectionResult(int seats, long received, long valid, long blank, long overLimit,
                             List<CandidateResult> ranked, int elected, int remainingSeats, List<Candidate> undecided,
                             boolean tie, Election.MajorityOf majorityOf, long majorityBase, Election.TieRule tieRule) {
    public ElectionResult {
        java.util.Objects.requireNonNull(majorityOf, "majorityOf");
        java.util.Objects.requireNonNull(tieRule, "tieRule");
        ranked = List.copyOf(ranked);
        undecided = List.copyOf(undecided);
        if (elected + remainingSeats != seats) throw new IllegalArgumentException("elected + remaining must be the seats");
        if (valid + blank + overLimit > received) throw new IllegalArgumentException("more sorted ballots than received");
    }

    public CandidateResult of(String candidateId) {
        return ranked.stream().filter(r -> r.candidate().id().equals(candidateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no candidate " + candidateId));
    }

    public List<CandidateResult> withOutcome(CandidateResult.Outcome outcome) {
        return ranked.stream().filter(r -> r.outcome() == outcome).toList();
    }
}
