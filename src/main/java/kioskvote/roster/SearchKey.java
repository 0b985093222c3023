package kioskvote.roster;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A name as the desk searches it: without diacritics, lower case, single spaces, so that
 * "nguyen van an" finds "Nguyễn Văn An". Đ/đ is a letter of its own, not d with a mark, so NFD
 * leaves it alone: it is mapped to d by hand.
 */
public final class SearchKey {
    /** The width of roster_person.search_key (V2__roster.sql). */
    public static final int MAX_LENGTH = 400;

    private SearchKey() {
    }

    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The words of a query, each normalized like the key. */
    public static List<String> words(String query) {
        String key = of(query == null ? "" : query);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }
}
