package kioskvote.tally;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import kioskvote.ballot.Answers;
import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.Majority;
import kioskvote.meeting.MeetingFigures;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;

/**
 * Counts the ballots of a poll (Reg 96, Art. 6.3): per question, received / valid / invalid, the count
 * of each option and its percentage of the poll's base. Only sums are taken, so the result does not
 * depend on the order of the ballots.
 */
public final class Tally {
    private Tally() {
    }

    /**
     * @throws IllegalArgumentException if {@code counts.received()} is not the number of ballots
     */
    public static PollTally count(Poll poll, List<Answers> ballots, TallyCounts counts) {
        Objects.requireNonNull(ballots, "ballots");
        Counter counter = counter(poll);
        ballots.forEach(counter::add);
        return counter.finish(counts);
    }

    /** A count fed one ballot at a time, for a record too large to hold (kioskvote verify streams it). */
    public static Counter counter(Poll poll) {
        return new Counter(poll);
    }

    /** The running sums of {@link #count}: received, and per question the valid ballots and each option's marks. */
    public static final class Counter {
        private final Poll poll;
        private final List<Set<String>> optionIds = new ArrayList<>();
        private final List<Map<String, Long>> marks = new ArrayList<>();
        private final long[] valid;
        private long received;
        /** An election's ballots keeping no one while candidates outnumber seats, and keeping more than the seats. */
        private long blank;
        private long overLimit;

        private Counter(Poll poll) {
            this.poll = Objects.requireNonNull(poll, "poll");
            for (Question question : poll.questions()) {
                Map<String, Long> counts = new LinkedHashMap<>();
                question.options().forEach(o -> counts.put(o.id(), 0L));
                marks.add(counts);
                optionIds.add(counts.keySet());
            }
            valid = new long[poll.questions().size()];
        }

        public void add(Answers ballot) {
            received++;
            if (poll.election().isPresent()) {
                int kept = ballot.marked(kioskvote.meeting.Election.QUESTION_ID).size();
                if (kept > poll.election().get().seats()) overLimit++;
                else if (kept < poll.election().get().rule().minValid()) blank++;
            }
            for (int i = 0; i < valid.length; i++) {
                List<String> marked = ballot.marked(poll.questions().get(i).id());
                if (!isValidFor(poll.questions().get(i), optionIds.get(i), marked)) continue;
                valid[i]++;
                Map<String, Long> counts = marks.get(i);
                marked.forEach(optionId -> counts.merge(optionId, 1L, Long::sum));
            }
        }

        public long received() {
            return received;
        }

        /** @throws IllegalArgumentException if {@code counts.received()} is not the number of ballots added */
        public PollTally finish(TallyCounts counts) {
            Objects.requireNonNull(counts, "counts");
            if (counts.received() != received) {
                throw new IllegalArgumentException("counts.received (" + counts.received()
                        + ") must be the number of ballots (" + received + ")");
            }
            long base = switch (poll.base()) {
                case RECEIVED -> received;
                case ISSUED -> counts.figures().issued();
                case SUMMONED -> counts.figures().summoned();
            };
            List<QuestionTally> questions = new ArrayList<>();
            for (int i = 0; i < valid.length; i++) {
                questions.add(questionTally(poll, poll.questions().get(i), marks.get(i), valid[i], received, base, counts.figures()));
            }
            Optional<ElectionResult> election = poll.election()
                    .map(e -> ElectionCount.result(e, questions.get(0), received, blank, overLimit, base));
            return new PollTally(poll, counts, base, questions, election);
        }
    }

    private static QuestionTally questionTally(Poll poll, Question question, Map<String, Long> counts, long valid, long received,
                                               long base, MeetingFigures figures) {
        List<OptionCount> options = new ArrayList<>();
        for (Option option : question.options()) {
            long count = counts.get(option.id());
            options.add(new OptionCount(option, count, Percent.of(count, base)));
        }
        List<ThresholdFlag> flags = switch (poll.kind()) {
            case CONFIDENCE -> ThresholdFlag.forLowConfidence(counts.getOrDefault(BallotOptions.LOW, 0L), base).stream().toList();
            case CONFIDENCE_VOTE -> ThresholdFlag.forDistrust(counts.getOrDefault(BallotOptions.DISTRUST, 0L), base).stream().toList();
            default -> List.<ThresholdFlag>of();
        };
        Optional<Boolean> passed = Optional.empty();
        Optional<Long> majorityBase = Optional.empty();
        if (poll.motionRule().isPresent()) {
            Majority majority = poll.motionRule().get();
            if (question.option(majority.optionId()).isPresent()) {
                long of = majorityBase(majority, base, received, valid, figures, counts.getOrDefault(BallotOptions.ABSTAIN, 0L));
                majorityBase = Optional.of(of);
                // docs/rules.md, "Motions: the edges": nothing passes on a base of 0; below 0 there is no outcome
                passed = of < 0 ? Optional.empty() : Optional.of(of > 0 && majority.isMetBy(counts.get(majority.optionId()), of));
            }
        }
        return new QuestionTally(question, received, valid, received - valid, options, flags, passed, majorityBase);
    }

    /**
     * What a motion's majority is taken of (docs/rules.md, "Motions"): the configured base, or the poll's
     * percentage base; abstentions taken out of it when the body does not count them.
     */
    private static long majorityBase(Majority majority, long pollBase, long received, long valid, MeetingFigures figures, long abstain) {
        long of = majority.of().map(b -> switch (b) {
            case RECEIVED -> received;
            case VALID -> valid;
            case PRESENT -> figures.present();
            case ISSUED -> figures.issued();
            case SUMMONED -> figures.summoned();
        }).orElse(pollBase);
        // Not clamped at 0: a base below it means the figures do not add up, and the minutes say so.
        return majority.abstentionsCounted() ? of : of - abstain;
    }

    /**
     * Valid for this question: the number of marks satisfies the question's rule, every mark is an
     * option of the question and none is repeated. Anything else (no mark, for instance) is received
     * but invalid for this question only; unknown or repeated options are refused at the door, so
     * counting them invalid here is a safety net, never a silent drop.
     */
    private static boolean isValidFor(Question question, Set<String> optionIds, List<String> marked) {
        if (!question.rule().isValidCount(marked.size())) return false;
        // A hash lookup, not a search of the question's options: this runs per ballot per question,
        // and the search was a quarter of the time of a 100,000-ballot tally (JFR, docs/performance.md).
        if (marked.size() == 1) return optionIds.contains(marked.get(0));
        Set<String> seen = new HashSet<>();
        for (String optionId : marked) {
            if (!optionIds.contains(optionId) || !seen.add(optionId)) return false;
        }
        return true;
    }
}
