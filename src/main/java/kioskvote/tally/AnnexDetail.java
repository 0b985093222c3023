package kioskvote.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kioskvote.text.Texts;

/**
 * An audit line's detail as the printed minutes' annex shows it, in the minutes' language. The stored detail stays
 * as it is hashed into the chain ("poll=tin-nhiem present=12 summoned=12", audit/AuditDetail); only its printing is
 * translated: each {@code name=value} becomes "label: value" from the bundles' {@code minutes.field.*}, words the
 * station writes as values ({@code slip}, {@code lost-slip-replaced}…) come from {@code minutes.value.*}, and an
 * event's free words ("printed once on the station's terminal") from {@code minutes.note.<event>}. What has no
 * words is printed as stored, so nothing of the chain is ever hidden.
 */
final class AnnexDetail {
    private static final String PREFIX = "minutes.";
    private static final Pattern PAIR = Pattern.compile("([a-z][a-z0-9-]*)=(.*)");
    private static final Pattern N_OF_M = Pattern.compile("(\\d+)-of-(\\d+)");

    private final Texts texts;

    AnnexDetail(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    String render(String event, String detail) {
        List<String> shown = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (String part : detail.strip().split(" +")) {
            if (part.isEmpty()) continue;
            Matcher pair = PAIR.matcher(part);
            if (pair.matches()) shown.add(label(pair.group(1)) + ": " + values(pair.group(2)));
            else free.add(part);
        }
        if (!free.isEmpty()) {
            String note = PREFIX + "note." + event;
            shown.add(0, texts.has(note) ? texts.get(note) : words(free));
        }
        return String.join("; ", shown);
    }

    private String label(String name) {
        String key = PREFIX + "field." + name;
        return texts.has(key) ? texts.get(key) : name;
    }

    /** A value, or a comma-separated list of them ("name,unit"), each translated where the bundles have words for it. */
    private String values(String value) {
        List<String> out = new ArrayList<>();
        for (String one : value.split(",", -1)) out.add(value(one));
        return String.join(", ", out);
    }

    private String value(String value) {
        Matcher nOfM = N_OF_M.matcher(value);
        if (nOfM.matches()) return texts.format(PREFIX + "value.nOfM", nOfM.group(1), nOfM.group(2));
        String key = PREFIX + "value." + value;
        return texts.has(key) ? texts.get(key) : value;
    }

    /** Free words, each translated when it is one the station writes ("sealed"), else as stored. */
    private String words(List<String> free) {
        List<String> out = new ArrayList<>();
        for (String word : free) out.add(value(word));
        return String.join(" ", out);
    }
}
