package kioskvote.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The field readers every part of meeting.yaml uses, each refusing with the file, the field and the problem; and
 * the check that a mapping holds only the keys it may, so a misspelt key ({@code pass_with}) is refused with the
 * nearest known one instead of silently dropped with the rule it carried.
 */
final class YamlFields {
    private final String file;

    YamlFields(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /**
     * Refuses the first key of {@code node} that is not in {@code known}; {@code at} is the field prefix
     * ({@code polls[2].}) and {@code place} says where in words ("poll `x`", "meeting:").
     */
    void onlyKeys(JsonNode node, List<String> known, String at, String place) {
        if (!node.isObject()) return;
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String key : names) {
            if (!known.contains(key)) throw new UnknownKeyException(file, at + key, key, place, KnownKeys.nearest(key, known), known);
        }
    }

    JsonNode required(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) throw new ConfigException(file, field, "is missing");
        return value;
    }

    String text(JsonNode node, String name, String field) {
        JsonNode value = required(node, name, field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new ConfigException(file, field, "must be a non-empty text");
        }
        return visible(value.asText().strip(), field);
    }

    Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) return Optional.empty();
        return Optional.of(visible(value.asText().strip(), name));
    }

    /**
     * Shown on the ballots, the chair's screen and the minutes, a control, direction-override or zero-width
     * character makes one name look like another (a right-to-left override reverses what follows), and
     * PostgreSQL refuses a NUL or half a surrogate pair: such a text is refused, with its field.
     */
    String visible(String text, String field) {
        boolean invisible = text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
        if (invisible) {
            throw new ConfigException(file, field, "must not contain a control, direction-override or zero-width character "
                    + "(a line break, a tab, U+200B, U+202E…); write it on one line");
        }
        return text;
    }

    int positiveInt(JsonNode node, String name, String field) {
        JsonNode value = required(node, name, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new ConfigException(file, field, "must be a whole number of at least 1 (got \"" + value.asText() + "\")");
        }
        return value.asInt();
    }

    boolean flag(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) return false;
        if (!value.isBoolean()) throw new ConfigException(file, field, "must be true or false (got \"" + value.asText() + "\")");
        return value.asBoolean();
    }
}
