package kioskvote.tally;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Question;

/**
 * The tally of one question (for a confidence poll: one subject). {@code received = valid + invalid};
 * options are in the question's order; {@code passed} is present only for a motion with a majority rule, and
 * {@code majorityBase} is then the number its majority was taken of.
 */
public record QuestionTally(Question question, long received, long valid, long invalid, List<OptionCount> options,
                            List<ThresholdFlag> flags, Optional<Boolean> passed, Optional<Long> majorityBase) {
    public QuestionTally {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        flags = List.copyOf(flags);
        Objects.requireNonNull(passed, "passed");
        Objects.requireNonNull(majorityBase, "majorityBase");
        if (valid < 0 || invalid < 0 || valid + invalid != received) {
            throw new IllegalArgumentException("received must equal valid + invalid for question " + question.id());
        }
    }

    public QuestionTally(Question question, long received, long valid, long invalid, List<OptionCount> options,
                         List<ThresholdFlag> flags, Optional<Boolean> passed) {
        this(question, received, valid, invalid, options, flags, passed, Optional.empty());
    }

    public Optional<OptionCount> option(String optionId) {
        return options.stream().filter(o -> o.option().id().equals(optionId)).findFirst();
    }

    /** The count of an option, 0 if the question has no such option. */
    public long count(String optionId) {
        return option(optionId).map(OptionCount::count).orElse(0L);
    }
}
