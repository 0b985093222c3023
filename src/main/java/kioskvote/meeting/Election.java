package kioskvote.meeting;

import java.util.List;
import java.util.Optional;

/**
 * What an election adds to its poll: the candidates, in ballot order, and the seats to fill
 * (docs/rules.md, "Election"). {@code round} is 1 for a poll of meeting.yaml and 2, 3… for a round created
 * from the one before ({@code fromPoll}).
 */
public record Election(int seats, List<Candidate> candidates, int round, Optional<String> fromPoll) {
    /** The id of the election's one question. */
    public static final String QUESTION_ID = "election";

    public Election {
        candidates = List.copyOf(candidates);
        java.util.Objects.requireNonNull(fromPoll, "fromPoll");
        if (seats < 1) throw new IllegalArgumentException("an election fills at least one seat");
        if (candidates.isEmpty()) throw new IllegalArgumentException("an election needs candidates");
        if (round < 1) throw new IllegalArgumentException("round counts from 1");
        if (candidates.stream().map(Candidate::id).distinct().count() != candidates.size()) {
            throw new IllegalArgumentException("a candidate id is repeated");
        }
    }

    public Election(int seats, List<Candidate> candidates) {
        this(seats, candidates, 1, Optional.empty());
    }

    public Optional<Candidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The ballot's rule: a voter keeps at most {@code seats} names; when candidates outnumber seats, keeping no
     * one is a blank ballot, invalid. Keeping more than {@code seats} is accepted (a teller enters such a paper
     * ballot as it is) and counted invalid; up to every name may be marked.
     */
    public ChoiceRule rule() {
        return new ChoiceRule(candidates.size() > seats ? 1 : 0, seats, candidates.size());
    }

    /** The question of an election ballot: every candidate an option (its label the name, in both languages). */
    public Question question(String title) {
        return new Question(QUESTION_ID, title, "",
                candidates.stream().map(c -> new Option(c.id(), c.name(), c.name())).toList(), rule());
    }
}
