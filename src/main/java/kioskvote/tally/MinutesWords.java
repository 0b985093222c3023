package kioskvote.tally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import kioskvote.meeting.Majority;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.PollKind;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * The words of the printed minutes in one language (docs/rules.md, "The minutes"), from the bundles'
 * {@code minutes.*} keys. Used by minutes.jte.
 */
public final class MinutesWords {
    private static final String PREFIX = "minutes.";
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language language;
    private final Texts texts;

    public MinutesWords(Language language) {
        this.language = Objects.requireNonNull(language, "language");
        this.texts = Texts.of(language);
    }

    public Language language() {
        return language;
    }

    /** The word for {@code key}; fails loudly on a missing key rather than printing a blank. */
    public String get(String key) {
        return texts.get(PREFIX + key);
    }

    public String date(LocalDate date) {
        return language == Language.EN ? date.toString() : VI_DATE.format(date);
    }

    public String percent(BigDecimal percent) {
        return Percent.format(percent, language);
    }

    /** Heading of the percentage column: "% of ballots received" and so on. */
    public String percentOf(PercentBase base) {
        return get("percentOf." + baseKey(base));
    }

    public String questionHeading(PollKind kind) {
        return get(kind == PollKind.CONFIDENCE ? "subject" : "motion");
    }

    public String optionHeading(PollKind kind) {
        return get(kind == PollKind.CONFIDENCE ? "level" : "option");
    }

    /** "Passes with more than 1/2 of ballots received marking “Đồng ý”." */
    public String majorityRule(Majority majority, PercentBase base, String optionLabel) {
        return texts.format(PREFIX + "majorityRule", Map.of("fraction", majority.numerator() + "/" + majority.denominator(),
                "base", get("base." + baseKey(base)), "option", optionLabel));
    }

    public String result(boolean passed) {
        return get(passed ? "passed" : "notPassed");
    }

    private static String baseKey(PercentBase base) {
        return base.name().toLowerCase(Locale.ROOT);
    }
}
