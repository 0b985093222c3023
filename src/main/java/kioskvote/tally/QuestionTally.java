package kioskvote.tally;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.Question;

/**
 * The tally of one question (for a confidence poll: one subject). {@code received = valid + invalid};
 * options are in the question's order; {@code passed} is present only for a motion with an outcome, and
 * {@code majorityBase} is then the number its majority was taken of. A motion whose base is below zero (more
 * abstentions taken out than the base holds) has its base and no {@code passed}: see {@link #outcome()}.
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
        if (passed.isPresent() && majorityBase.isPresent() && majorityBase.get() <= 0 && passed.get()) {
            throw new IllegalArgumentException("a motion never passes on a base of " + majorityBase.get());
        }
    }

    /**
     * A motion's outcome (docs/rules.md, "Motions: the edges"): passed or not, not passed because no votes were
     * counted (a base of 0), or none because the base is below zero; empty for other polls.
     */
    public Optional<MotionOutcome> outcome() {
        if (majorityBase.isEmpty()) return Optional.empty();
        long base = majorityBase.get();
        if (base < 0) return Optional.of(MotionOutcome.BASE_NEGATIVE);
        if (base == 0) return Optional.of(MotionOutcome.NO_VOTES_COUNTED);
        return passed.map(p -> p ? MotionOutcome.PASSED : MotionOutcome.NOT_PASSED);
    }

    /** The outcomes of a motion, by the words the minutes use for each. */
    public enum MotionOutcome {
        PASSED, NOT_PASSED,
        /** The base of the majority is 0 (nobody voted, or every vote an abstention not counted): not passed. */
        NO_VOTES_COUNTED,
        /** More abstentions taken out than the base holds: the figures do not add up, and no outcome is written. */
        BASE_NEGATIVE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
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
