package kioskvote.meeting;

/**
 * When a motion passes: the count of {@code optionId} must be more than numerator/denominator of the
 * poll's percentage base (e.g. more than 1/2 of ballots received). Compared in integer arithmetic.
 */
public record Majority(String optionId, int numerator, int denominator) {
    public Majority {
        if (numerator < 1 || denominator < 1 || numerator >= denominator) {
            throw new IllegalArgumentException("majority must be a fraction between 0 and 1");
        }
    }

    public boolean isMetBy(long count, long base) {
        return count * denominator > base * numerator;
    }
}
