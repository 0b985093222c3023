package kioskvote.config;

/** A meeting definition that cannot be used; the message names the file, the field and what is wrong. */
public class ConfigException extends RuntimeException {
    private final String field;
    private final String problem;

    public ConfigException(String file, String field, String problem) {
        super((file.isEmpty() ? "" : file + ": ") + field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field as meeting.yaml names it: {@code polls[2].passes_with}; for one entry read alone, {@code passes_with}. */
    public String field() {
        return field;
    }

    /** What is wrong, in English (the loader's words). */
    public String problem() {
        return problem;
    }
}
