package kioskvote.text;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station's words in one language, from the bundles {@code messages_vi.properties} and
 * {@code messages_en.properties} (UTF-8): pages, minutes and refusal messages alike.
 *
 * <p>A placeholder is a name or a number in braces, {@code {kiosk}} or {@code {0}}, replaced by the
 * value's {@code String.valueOf}. The syntax is MessageFormat's, the formatting deliberately is not:
 * MessageFormat would drop the apostrophe of "station's" and print 1500 as "1,500".
 */
public final class Texts {
    private static final String BUNDLE = "messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Texts VI = new Texts(Language.VI);
    private static final Texts EN = new Texts(Language.EN);

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(Language language) {
        return Objects.requireNonNull(language, "language") == Language.EN ? EN : VI;
    }

    public Language language() {
        return language;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The words for {@code key}; fails loudly on a missing key rather than showing a blank. */
    public String get(String key) {
        if (!has(key)) throw new IllegalArgumentException("no " + language.code() + " text for " + key);
        return bundle.getString(key);
    }

    /** The words for {@code key} with {0}, {1}… replaced by the arguments. */
    public String format(String key, Object... args) {
        return fill(get(key), name -> {
            int i = name.chars().allMatch(Character::isDigit) ? Integer.parseInt(name) : -1;
            return i >= 0 && i < args.length ? String.valueOf(args[i]) : null;
        });
    }

    /** The words for {@code key} with {name} replaced by the value of that name. */
    public String format(String key, Map<String, ?> args) {
        return fill(get(key), name -> args.containsKey(name) ? String.valueOf(args.get(name)) : null);
    }

    /** The message of a refusal: {@code error.<code>} with its values. */
    public String message(Refusal refusal) {
        return format("error." + refusal.code(), refusal.args());
    }

    /** Every key of this language's bundle (for the test that both languages say everything). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(bundle.keySet());
    }

    /** The placeholder names in a text: {@code [kiosk]} for "Kiosk {kiosk} is busy". */
    public static Set<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> names = new TreeSet<>();
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static String fill(String text, Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        return m.appendTail(out).toString();
    }
}
