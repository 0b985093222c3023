package kioskvote.tally;

import java.util.List;
import java.util.Objects;

import kioskvote.meeting.Poll;

/** The tally of one poll: the figures, the base the percentages are taken of, and one entry per question. */
public record PollTally(Poll poll, TallyCounts counts, long base, List<QuestionTally> questions) {
    public PollTally {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(counts, "counts");
        questions = List.copyOf(questions);
        if (base < 0) throw new IllegalArgumentException("base cannot be negative");
    }
}
