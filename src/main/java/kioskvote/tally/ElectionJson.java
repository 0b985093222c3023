package kioskvote.tally;

import java.util.List;

import kioskvote.meeting.Candidate;
import kioskvote.text.Language;

/**
 * An election's result in the minutes' JSON: ballots sorted, candidates ranked with their outcome, seats left, and the
 * candidates a next round would be between ({@code undecided}, their ids).
 */
public record ElectionJson(int seats, long received, long valid, long blank, long overLimit, int elected, int remainingSeats,
                           boolean tie, String majorityOf, long majorityBase, String tieRule, List<RankedJson> ranked,
                           List<String> undecided) {

    static ElectionJson of(ElectionResult election, Language language) {
        MinutesWords words = new MinutesWords(language);
        return new ElectionJson(election.seats(), election.received(), election.valid(), election.blank(), election.overLimit(),
                election.elected(), election.remainingSeats(), election.tie(), election.majorityOf().name(),
                election.majorityBase(), election.tieRule().name(),
                election.ranked().stream().map(r -> RankedJson.of(r, words.outcome(r.outcome(), election.majorityOf()))).toList(),
                election.undecided().stream().map(Candidate::id).toList());
    }

    /** A candidate's votes, percentages (strings) and outcome, with the outcome in the minutes' words. */
    public record RankedJson(String id, String name, String position, String unit, long votes, String percent,
                             String majorityPercent, int rank, String outcome, String outcomeText) {
        static RankedJson of(CandidateResult r, String outcomeText) {
            return new RankedJson(r.candidate().id(), r.candidate().name(), r.candidate().position(), r.candidate().unit(),
                    r.votes(), Percent.plain(r.percent()), Percent.plain(r.majorityPercent()), r.rank(), r.outcome().name(),
                    outcomeText);
        }
    }
}
