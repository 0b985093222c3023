package kioskvote.tally;

import java.util.Locale;

import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * Consequences of low confidence shown next to a subject (Reg 96, Art. 6 and its consequences as
 * summarised in docs/rules.md, "Thresholds"). Flags are information for the competent authority: never hidden,
 * never acted on automatically. Compared in integer arithmetic on the poll's percentage base.
 */
public enum ThresholdFlag {
    /** More than 1/2 and less than 2/3 low confidence: {@code 2·low > base} and not {@code 3·low ≥ 2·base}. */
    LOW_MORE_THAN_HALF,
    /** 2/3 or more low confidence: {@code 3·low ≥ 2·base} (20 of 30 is "2/3 or more"). */
    LOW_TWO_THIRDS_OR_MORE,
    /**
     * Confidence vote proper (bỏ phiếu tín nhiệm): more than 1/2 không tín nhiệm, {@code 2·distrust > base}; the
     * competent authority considers dismissal (the base is the poll's; Reg 96 counts those summoned).
     */
    DISTRUST_MORE_THAN_HALF;

    /** The flag, if any, for {@code distrust} marks out of {@code base}; none when the base is 0. */
    public static java.util.Optional<ThresholdFlag> forDistrust(long distrust, long base) {
        if (base > 0 && 2 * distrust > base) return java.util.Optional.of(DISTRUST_MORE_THAN_HALF);
        return java.util.Optional.empty();
    }

    /** The consequence in words: the bundles' {@code minutes.flag.<flag>}. */
    public String text(Language language) {
        return Texts.of(language).get("minutes.flag." + name().toLowerCase(Locale.ROOT));
    }

    /** The flag, if any, for {@code low} low-confidence marks out of {@code base}; none when the base is 0. */
    public static java.util.Optional<ThresholdFlag> forLowConfidence(long low, long base) {
        if (base <= 0) return java.util.Optional.empty();
        if (3 * low >= 2 * base) return java.util.Optional.of(LOW_TWO_THIRDS_OR_MORE);
        if (2 * low > base) return java.util.Optional.of(LOW_MORE_THAN_HALF);
        return java.util.Optional.empty();
    }
}
