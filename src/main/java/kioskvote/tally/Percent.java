package kioskvote.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import kioskvote.text.Language;

/**
 * Percentages of the minutes: two decimals, rounded half-up (the written rule for elections:
 * 22,566% → 22,57%), Vietnamese decimal comma on vi pages, decimal point on en.
 */
public final class Percent {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** {@code count / base × 100}, two decimals, half-up; 0.00 when the base is 0. */
    public static BigDecimal of(long count, long base) {
        if (count < 0 || base < 0) throw new IllegalArgumentException("count and base cannot be negative");
        if (base == 0) return BigDecimal.ZERO.setScale(2);
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
    }

    /** Rounds an already computed percentage to two decimals, half-up. */
    public static BigDecimal round(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP);
    }

    /** "96.30", the machine form used in CSV and JSON. */
    public static String plain(BigDecimal percent) {
        return round(Objects.requireNonNull(percent, "percent")).toPlainString();
    }

    /** "96,30%" for VI, "96.30%" for EN. */
    public static String format(BigDecimal percent, Language language) {
        String plain = plain(percent);
        return (language == Language.EN ? plain : plain.replace('.', ',')) + "%";
    }
}
