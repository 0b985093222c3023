package kioskvote.meeting;

/**
 * How many options a voter may mark on one question.
 * A submission marking more than {@code max} is refused at the door (it cannot happen on screen);
 * a submission marking fewer than {@code minValid} is accepted but counts as invalid for that
 * question only (Reg 96, Art. 6.3: a subject left unrated makes the ballot invalid for that subject).
 */
public record ChoiceRule(int minValid, int max) {
    public ChoiceRule {
        if (minValid < 0 || max < 1 || minValid > max) {
            throw new IllegalArgumentException("choice rule needs 0 <= minValid <= max, max >= 1");
        }
    }

    public static ChoiceRule exactlyOne() {
        return new ChoiceRule(1, 1);
    }

    public boolean isValidCount(int marked) {
        return marked >= minValid && marked <= max;
    }
}
