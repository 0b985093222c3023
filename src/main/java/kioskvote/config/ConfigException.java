package kioskvote.config;

/** A meeting definition that cannot be used; the message names the file, the field and what is wrong. */
public class ConfigException extends RuntimeException {
    public ConfigException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
    }
}
