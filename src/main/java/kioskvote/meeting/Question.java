package kioskvote.meeting;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a ballot. For a confidence poll: one subject (title = full name, subtitle = position).
 * For a motion: the text of the motion.
 */
public record Question(String id, String title, String subtitle, List<Option> options, ChoiceRule rule) {
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        options = List.copyOf(options);
        Objects.requireNonNull(rule, "rule");
        if (options.isEmpty()) throw new IllegalArgumentException("question " + id + " has no options");
        if (options.stream().map(Option::id).distinct().count() != options.size()) {
            throw new IllegalArgumentException("question " + id + " repeats an option id");
        }
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
