package kioskvote.tally;

import java.util.ArrayList;
import java.util.List;

import kioskvote.meeting.Candidate;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * An election's outcome in the minutes' CSV (docs/rules.md, "Election"), as the JSON has it: in the
 * {@code field,value} block the seats, who is elected, who is tied, the seats left and the next round's
 * candidates; after the question × option table, the candidates ranked with their rank and outcome.
 */
final class ElectionCsv {
    /** Columns of the ranked table, by id; their headings are the bundles' {@code minutes.csv.<column>}. */
    static final List<String> COLUMNS = List.of("candidate_id", "candidate", "votes", "percent", "majority_percent", "rank", "outcome",
            "outcome_text");

    private ElectionCsv() {
    }

    /** The field rows of the outcome; names are separated by "; " and the ids follow in their own rows for scripts. */
    static List<List<String>> fields(ElectionResult election) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("seats", Integer.toString(election.seats())));
        rows.add(List.of("majority_of", election.majorityOf().code()));
        rows.add(List.of("majority_base", Long.toString(election.majorityBase())));
        rows.add(List.of("tie_rule", election.tieRule().code()));
        rows.add(List.of("valid_ballots", Long.toString(election.valid())));
        rows.add(List.of("blank_ballots", Long.toString(election.blank())));
        rows.add(List.of("over_limit_ballots", Long.toString(election.overLimit())));
        List<Candidate> elected = election.withOutcome(CandidateResult.Outcome.ELECTED).stream().map(CandidateResult::candidate).toList();
        List<Candidate> tied = election.withOutcome(CandidateResult.Outcome.TIED).stream().map(CandidateResult::candidate).toList();
        rows.add(List.of("elected", names(elected)));
        rows.add(List.of("elected_ids", ids(elected)));
        rows.add(List.of("tie", Boolean.toString(election.tie())));
        rows.add(List.of("tied", names(tied)));
        rows.add(List.of("tied_ids", ids(tied)));
        rows.add(List.of("remaining_seats", Integer.toString(election.remainingSeats())));
        rows.add(List.of("next_round", names(election.undecided())));
        rows.add(List.of("next_round_ids", ids(election.undecided())));
        return rows;
    }

    /** The ranked table: a heading row in {@code language}, then one row per candidate in order of votes. */
    static List<List<String>> ranked(ElectionResult election, Language language) {
        Texts texts = Texts.of(language);
        MinutesWords words = new MinutesWords(language);
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(c -> texts.get("minutes.csv." + c)).toList());
        for (CandidateResult r : election.ranked()) {
            rows.add(List.of(r.candidate().id(), MinutesCsv.text(r.candidate().name()), Long.toString(r.votes()),
                    Percent.plain(r.percent()), Percent.plain(r.majorityPercent()), Integer.toString(r.rank()), r.outcome().name(),
                    words.outcome(r.outcome(), election.majorityOf())));
        }
        return rows;
    }

    private static String names(List<Candidate> candidates) {
        return MinutesCsv.text(String.join("; ", candidates.stream().map(Candidate::name).toList()));
    }

    private static String ids(List<Candidate> candidates) {
        return String.join(";", candidates.stream().map(Candidate::id).toList());
    }
}
