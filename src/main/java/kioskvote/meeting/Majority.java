package kioskvote.meeting;

import java.util.Objects;
import java.util.Optional;

/**
 * When a motion passes (docs/rules.md, "Motions"): the count of {@code optionId} must be more than
 * ({@code orMore}: at least) numerator/denominator of a base. The base is {@code of} (received, valid,
 * present, issued or summoned; absent: the poll's percentage base); when abstentions are not counted they
 * are taken out of it. Compared in integer arithmetic.
 */
public record Majority(String optionId, boolean orMore, int numerator, int denominator, Optional<VoteBase> of,
                       boolean abstentionsCounted) {
    public Majority {
        Objects.requireNonNull(optionId, "optionId");
        Objects.requireNonNull(of, "of");
        if (numerator < 1 || denominator < 1 || numerator >= denominator) {
            throw new IllegalArgumentException("majority must be a fraction between 0 and 1");
        }
    }

    /**
     * The rule of a motion whose meeting.yaml names none: more than 1/2 of the poll's base (ballots received unless
     * {@code base:} says otherwise), abstentions counted (docs/rules.md, "Motions"). Stated as the default on the
     * ballot and in the minutes.
     */
    public static final Majority DEFAULT = new Majority(BallotOptions.AGREE, 1, 2);

    /** More than n/d of the poll's percentage base, abstentions counted (the station's first rule). */
    public Majority(String optionId, int numerator, int denominator) {
        this(optionId, false, numerator, denominator, Optional.empty(), true);
    }

    public boolean isMetBy(long count, long base) {
        return orMore ? count * denominator >= base * numerator : count * denominator > base * numerator;
    }

    /** "more than 1/2", "2/3 or more": the words of meeting.yaml's passes_with. */
    public String rule() {
        return orMore ? numerator + "/" + denominator + " or more" : "more than " + numerator + "/" + denominator;
    }

    /** True when this is the station's first rule: more than n/d of the poll's base, abstentions counted. */
    public boolean isPlain() {
        return !orMore && of.isEmpty() && abstentionsCounted;
    }

    /** What a motion's majority is taken of. */
    public enum VoteBase {
        RECEIVED, VALID, PRESENT, ISSUED, SUMMONED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
