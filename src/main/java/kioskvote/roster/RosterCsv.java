package kioskvote.roster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * Reads a roster CSV as Excel writes it: UTF-8 with or without a byte-order mark, a header row naming
 * the columns {@code name} and {@code unit} (or họ và tên / đơn vị), comma- or semicolon-separated
 * (Excel uses the list separator of the Windows region). Every row that cannot be a person is reported
 * with its line number; the good rows are returned.
 */
public final class RosterCsv {
    public static final int MAX_TEXT = 200;

    public record Entry(int line, String fullName, String unit) {
    }

    /** A row that cannot be a person: its line and what is wrong with it. */
    public record BadRow(int line, Problem problem) {
        public String problemVi() {
            return problem.said(Language.VI);
        }

        public String problemEn() {
            return problem.said(Language.EN);
        }
    }

    /** What can be wrong with a row; the words are the bundles' {@code roster.row.<problem>}. */
    public enum Problem {
        EMPTY_NAME, TOO_LONG, INVISIBLE_CHARACTER, TOO_MANY_COLUMNS, REPEATED, ALREADY_ON_ROSTER;

        public String said(Language language) {
            return Texts.of(language).format("roster.row." + name().toLowerCase(Locale.ROOT), Map.of("max", MAX_TEXT));
        }
    }

    public record Parsed(List<Entry> entries, List<BadRow> badRows) {
        public Parsed {
            entries = List.copyOf(entries);
            badRows = List.copyOf(badRows);
        }
    }

    private static final Set<String> NAME_HEADERS = Set.of("name", "full name", "full_name", "ho va ten", "ho ten", "ten");
    private static final Set<String> UNIT_HEADERS = Set.of("unit", "position", "unit/position", "don vi", "chuc vu", "don vi/chuc vu");

    private RosterCsv() {
    }

    public static Parsed parse(byte[] bytes) {
        String text = utf8(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        char separator = separator(text);
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<Entry> entries = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = mapper.reader(schema).with(CsvParser.Feature.WRAP_AS_ARRAY).createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw RosterRejected.badCsv("The file is empty.");
            int nameColumn = -1;
            int unitColumn = -1;
            int width = 0;
            boolean header = true;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> row = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (line < 0) line = parser.currentTokenLocation().getLineNr(); // where the row's first value starts
                    row.add(parser.getValueAsString(""));
                }
                if (row.stream().allMatch(String::isBlank)) continue;
                if (header) {
                    for (int i = 0; i < row.size(); i++) {
                        String key = SearchKey.of(row.get(i));
                        if (NAME_HEADERS.contains(key) && nameColumn < 0) nameColumn = i;
                        if (UNIT_HEADERS.contains(key) && unitColumn < 0) unitColumn = i;
                    }
                    if (nameColumn < 0 || unitColumn < 0) {
                        throw RosterRejected.badCsv("Line " + line
                                + ": the first row must name the columns \"name\" and \"unit\" (got " + row + ").");
                    }
                    width = row.size();
                    header = false;
                    continue;
                }
                String name = clean(row, nameColumn);
                String unit = clean(row, unitColumn);
                Optional<Problem> problem = problemOf(name, unit);
                if (problem.isPresent()) {
                    bad.add(new BadRow(line, problem.get()));
                } else if (row.size() > width && row.subList(width, row.size()).stream().anyMatch(v -> !v.isBlank())) {
                    bad.add(new BadRow(line, Problem.TOO_MANY_COLUMNS));
                } else if (!seen.add(name + "\n" + unit)) {
                    bad.add(new BadRow(line, Problem.REPEATED));
                } else {
                    entries.add(new Entry(line, name, unit));
                }
            }
            if (header) throw RosterRejected.badCsv("The file has no header row.");
            if (token != null && token != JsonToken.END_ARRAY) throw RosterRejected.badCsv("Unexpected content.");
        } catch (IOException e) {
            throw RosterRejected.badCsv("Not a CSV file: " + e.getMessage());
        }
        return new Parsed(entries, bad);
    }

    private static String clean(List<String> row, int column) {
        return column < row.size() ? clean(row.get(column)) : "";
    }

    /** A name or unit as the roster stores it: no spaces around it, one space between words. */
    public static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * What makes a cleaned name and unit unfit to be a person, whether they come from a file or from the roster
     * page: an empty name, a name or unit longer than {@link #MAX_TEXT} (or a name whose search key would not fit
     * its column), or a character nobody can see or type: a control character, a direction override, a
     * zero-width one, half of a surrogate pair. (Already on the roster is the caller's check, against the database.)
     */
    public static Optional<Problem> problemOf(String name, String unit) {
        if (name.isEmpty()) return Optional.of(Problem.EMPTY_NAME);
        if (name.length() > MAX_TEXT || unit.length() > MAX_TEXT) return Optional.of(Problem.TOO_LONG);
        // NFD spells a Hangul syllable as up to three letters, none of them a mark: the key can outgrow the name.
        if (SearchKey.of(name).length() > SearchKey.MAX_LENGTH) return Optional.of(Problem.TOO_LONG);
        // Shown on the desk and the roster page, such a character makes one person look like another (a
        // right-to-left override reverses what follows), and PostgreSQL refuses a NUL or half a surrogate pair.
        if (hasInvisible(name) || hasInvisible(unit)) return Optional.of(Problem.INVISIBLE_CHARACTER);
        return Optional.empty();
    }

    private static boolean hasInvisible(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
    }

    /** The list separator: a semicolon if the first line has semicolons and no commas. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw RosterRejected.badCsv(
                    "The file is not UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\".");
        }
    }
}
