package kioskvote.config;

import java.util.List;
import java.util.Optional;

/**
 * The keys each mapping of meeting.yaml may hold, and the nearest of them to a misspelt one. A key the loader does
 * not know is refused, never skipped: a skipped {@code pass_with} left a motion without its rule, a skipped
 * {@code abstention} counted abstentions the meeting meant not to count (docs/rules.md, "Motions").
 */
final class KnownKeys {
    static final List<String> TOP = List.of("meeting", "committee", "seal", "polls", "station");
    static final List<String> MEETING = List.of("id", "title", "organiser", "date", "time", "place", "summoned");
    static final List<String> DETAILS = List.of("title", "organiser", "date", "time", "place", "summoned");
    static final List<String> COMMITTEE_MEMBER = List.of("name", "role");
    static final List<String> SEAL = List.of("threshold");
    static final List<String> STATION = List.of("admin_passphrase", "base_url", "database_url", "wifi", "device_sealing");
    static final List<String> WIFI = List.of("name", "password");
    static final List<String> SUBJECT = List.of("name", "position");
    static final List<String> CANDIDATE = List.of("id", "name", "position", "unit");
    static final List<String> MOTION_OPTIONS = List.of("agree", "disagree", "abstain");

    private static final List<String> EVERY_POLL = List.of("id", "kind", "title", "base", "practice", "sealed");

    /** A poll whose kind is missing or unknown is checked against the keys of every kind, so "knd" still finds "kind". */
    private static final List<String> ANY_KIND = List.of("subjects", "motion", "options", "passes_with", "pass_base", "abstentions",
            "seats", "candidates", "round", "from_poll", "majority_of", "tie");

    private KnownKeys() {
    }

    /** The keys of a poll of this kind ({@code kind:} as written; an unknown kind is refused before its keys). */
    static List<String> poll(String kind) {
        List<String> own = switch (kind) {
            case "confidence", "confidence_vote" -> List.of("subjects");
            case "motion", "open_motion" -> List.of("motion", "options", "passes_with", "pass_base", "abstentions");
            case "election" -> List.of("seats", "candidates", "round", "from_poll", "majority_of", "tie");
            default -> ANY_KIND;
        };
        return java.util.stream.Stream.concat(EVERY_POLL.stream(), own.stream()).toList();
    }

    /**
     * The known key nearest to {@code key} (fewest letters added, removed, changed or swapped), if it is near enough
     * to be a slip of the keyboard: at most a third of its letters, and at least one; else none.
     */
    static Optional<String> nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, Math.max(key.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), in whole edits. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
