package kioskvote.tally;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import kioskvote.text.Language;

/**
 * One question's count in the minutes' JSON (docs/api.md, "Results"): each option's count and percentage (a string,
 * "96.30"), the thresholds it crossed, and for a motion whether it passed, on which base, and how.
 */
public record QuestionJson(String id, String title, String subtitle, long received, long valid, long invalid,
                           List<OptionJson> options, List<FlagJson> flags, @JsonInclude(Include.NON_NULL) Boolean passed,
                           @JsonInclude(Include.NON_NULL) Long majorityBase, @JsonInclude(Include.NON_NULL) String outcome) {

    static QuestionJson of(QuestionTally question, Language language) {
        return new QuestionJson(question.question().id(), question.question().title(), question.question().subtitle(),
                question.received(), question.valid(), question.invalid(),
                question.options().stream().map(o -> OptionJson.of(o, language)).toList(),
                question.flags().stream().map(f -> new FlagJson(f.name(), f.text(language))).toList(),
                question.passed().orElse(null), question.majorityBase().orElse(null),
                question.outcome().map(o -> o.code()).orElse(null));
    }

    /** {@code label} in the minutes' language, and both. */
    public record OptionJson(String id, String label, String labelVi, String labelEn, long count, String percent) {
        static OptionJson of(OptionCount option, Language language) {
            return new OptionJson(option.option().id(), option.option().label(language), option.option().labelVi(),
                    option.option().labelEn(), option.count(), Percent.plain(option.percent()));
        }
    }

    public record FlagJson(String code, String text) {
    }
}
