package kioskvote.tally;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Poll;

/**
 * The tally of one poll: the figures, the base the percentages are taken of, one entry per question, and for
 * an election its result (ranking, elected, ties, what a second round would hold).
 */
public record PollTally(Poll poll, TallyCounts counts, long base, List<QuestionTally> questions,
                        Optional<ElectionResult> election) {
    public PollTally {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(counts, "counts");
        questions = List.copyOf(questions);
        if (base < 0) throw new IllegalArgumentException("base cannot be negative");
    }

    public PollTally(Poll poll, TallyCounts counts, long base, List<QuestionTally> questions) {
        this(poll, counts, base, questions, Optional.empty());
    }
}
