package kioskvote.config;

import java.util.List;
import java.util.Optional;

/**
 * A key meeting.yaml (or the meeting editor's API, which takes the same entries) does not know: refused with the
 * nearest known key when there is one near enough, else with the keys allowed there.
 */
public final class UnknownKeyException extends ConfigException {
    private final String key;
    private final Optional<String> suggestion;
    private final List<String> known;

    UnknownKeyException(String file, String field, String key, String place, Optional<String> suggestion, List<String> known) {
        super(file, field, "unknown key `" + key + "` in " + place + suggestion.map(s -> " — did you mean `" + s + "`?")
                .orElse(" — the keys allowed here are " + String.join(", ", known)));
        this.key = key;
        this.suggestion = suggestion;
        this.known = List.copyOf(known);
    }

    public String key() {
        return key;
    }

    public Optional<String> suggestion() {
        return suggestion;
    }

    public List<String> known() {
        return known;
    }
}
