package kioskvote.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the station refuses, said without words or HTTP: a stable code (what API clients and
 * tests rely on, e.g. {@code token_already_used}) and the values its message names. The words are
 * in the bundles under {@code error.<code>}; web/ErrorCatalog gives the HTTP status.
 */
public interface Refusal {
    String code();

    /** The values the message names, by placeholder: {@code {kiosk}}, {@code {seconds}}…; empty for most refusals. */
    Map<String, Object> args();

    /** The codes of one refusal type: an enum, each constant one code, naming the values its message needs. */
    interface Code {
        String name();

        /** The constant's name in lower case, unless the type prefixes it (token_…). */
        default String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        default List<String> parameters() {
            return List.of();
        }
    }
}
