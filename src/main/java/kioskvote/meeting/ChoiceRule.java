package kioskvote.meeting;

/**
 * How many options a voter may mark on one question.
 * A submission marking more than {@code max} is refused at the door (it cannot happen on screen);
 * a submission marking fewer than {@code minValid} or more than {@code maxValid} is accepted but counts as
 * invalid for that question only (Reg 96, Art. 6.3: a subject left unrated makes the ballot invalid for that
 * subject; an election ballot keeping more names than seats is invalid).
 */
public record ChoiceRule(int minValid, int maxValid, int max) {
    public ChoiceRule {
        if (minValid < 0 || max < 1 || maxValid < 1 || minValid > maxValid || maxValid > max) {
            throw new IllegalArgumentException("choice rule needs 0 <= minValid <= maxValid <= max, maxValid >= 1");
        }
    }

    /** Valid up to the most that may be marked. */
    public ChoiceRule(int minValid, int max) {
        this(minValid, max, max);
    }

    public static ChoiceRule exactlyOne() {
        return new ChoiceRule(1, 1);
    }

    public boolean isValidCount(int marked) {
        return marked >= minValid && marked <= maxValid;
    }
}
