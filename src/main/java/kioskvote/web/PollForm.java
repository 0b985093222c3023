package kioskvote.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * The meeting editor page's poll form as plain fields, and the meeting.yaml entry they make: subjects and
 * candidates one per line ("Name | Position | Unit"), so the form needs no script. The entry is then checked by
 * the loader's rules, like one of meeting.yaml; the fields as typed are kept to show them again with a refusal.
 */
final class PollForm {
    static final List<String> FIELDS = List.of("id", "kind", "title", "base", "subjects", "motion", "agree", "disagree", "abstain",
            "passes_with", "pass_base", "abstentions", "seats", "candidates", "majority_of", "tie", "candidate_ids", "round", "from_poll", "practice", "sealed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollForm() {
    }

    /** The fields as posted (missing ones empty; a checkbox is "yes" or empty). */
    static Map<String, String> posted(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = ctx.formParam(field);
            form.put(field, value == null ? "" : value.strip());
        }
        return form;
    }

    /** An empty form for a new poll of this kind: sealed unless practice, the station's usual rule. */
    static Map<String, String> blank(String kind) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("kind", kind);
        form.put("base", "received");
        form.put("sealed", "yes");
        if (kind.equals("motion") || kind.equals("open_motion")) form.put("passes_with", "more than 1/2");
        if (kind.equals("open_motion")) form.put("sealed", "");
        if (kind.equals("election")) {
            form.put("seats", "1");
            form.put("majority_of", "received");
            form.put("tie", "next_round");
        }
        return form;
    }

    /** The fields of a poll from its meeting.yaml entry (MeetingYaml.entry). */
    static Map<String, String> fromEntry(Map<String, Object> entry) {
        Map<String, String> form = blank(String.valueOf(entry.get("kind")));
        JsonNode e = JSON.valueToTree(entry);
        for (String simple : List.of("id", "title", "base", "motion", "passes_with", "pass_base", "abstentions", "seats", "round", "from_poll", "majority_of", "tie")) {
            form.put(simple, e.path(simple).isMissingNode() ? "" : e.path(simple).asText());
        }
        e.path("options").fields().forEachRemaining(o -> form.put(o.getKey(), o.getValue().asText()));
        form.put("subjects", lines(e.path("subjects"), "name", "position"));
        form.put("candidates", lines(e.path("candidates"), "name", "position", "unit"));
        StringBuilder ids = new StringBuilder();
        e.path("candidates").forEach(c -> ids.append(ids.isEmpty() ? "" : " ").append(c.path("id").asText("")));
        form.put("candidate_ids", ids.toString().isBlank() ? "" : ids.toString());
        form.put("practice", e.path("practice").asBoolean() ? "yes" : "");
        form.put("sealed", e.path("sealed").asBoolean(true) ? "yes" : "");
        if (!List.of("motion", "open_motion").contains(form.get("kind"))) form.put("passes_with", "");
        if ("election".equals(form.get("kind"))) {
            if (form.get("majority_of").isEmpty()) form.put("majority_of", "received");
            if (form.get("tie").isEmpty()) form.put("tie", "next_round");
        }
        return form;
    }

    /** The meeting.yaml entry the fields describe; fields the kind does not use are left out. */
    static ObjectNode toEntry(Map<String, String> form) {
        ObjectNode entry = JSON.createObjectNode();
        put(entry, "id", form.get("id"));
        put(entry, "kind", form.get("kind"));
        put(entry, "title", form.get("title"));
        put(entry, "base", form.get("base"));
        switch (form.get("kind")) {
            case "confidence", "confidence_vote" -> entry.set("subjects", rows(form.get("subjects"), "name", "position"));
            case "motion", "open_motion" -> {
                put(entry, "motion", form.get("motion"));
                put(entry, "passes_with", form.get("passes_with"));
                put(entry, "pass_base", form.get("pass_base"));
                if ("not_counted".equals(form.get("abstentions"))) entry.put("abstentions", "not_counted");
                ObjectNode labels = entry.putObject("options");
                for (String option : List.of("agree", "disagree", "abstain")) put(labels, option, form.get(option));
            }
            case "election" -> {
                entry.set("seats", form.get("seats").matches("[0-9]{1,6}") ? JSON.getNodeFactory().numberNode(Integer.parseInt(form.get("seats")))
                        : JSON.getNodeFactory().textNode(form.get("seats")));
                ArrayNode candidates = rows(form.get("candidates"), "name", "position", "unit");
                String[] ids = form.get("candidate_ids").isBlank() ? new String[0] : form.get("candidate_ids").split(" ");
                // a next round keeps its candidates' first-round ids while the list keeps its length
                if (ids.length == candidates.size()) for (int i = 0; i < ids.length; i++) ((ObjectNode) candidates.get(i)).put("id", ids[i]);
                entry.set("candidates", candidates);
                if (form.get("round").matches("[0-9]{1,3}")) entry.put("round", Integer.parseInt(form.get("round")));
                put(entry, "from_poll", form.get("from_poll"));
                put(entry, "majority_of", form.get("majority_of"));
                put(entry, "tie", form.get("tie"));
            }
            default -> { }
        }
        entry.put("practice", "yes".equals(form.get("practice")));
        // an open vote is never sealed: its form's box is not asked (FormCheck.poll does not hold it against the organiser)
        entry.put("sealed", "yes".equals(form.get("sealed")) && !"open_motion".equals(form.get("kind")));
        return entry;
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) node.put(key, value);
    }

    private static String lines(JsonNode rows, String... keys) {
        StringBuilder text = new StringBuilder();
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < keys.length; i++) {
                String value = row.path(keys[i]).asText("");
                if (i > 0 && (!value.isEmpty() || hasLater(row, keys, i))) line.append(" | ");
                line.append(value);
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static boolean hasLater(JsonNode row, String[] keys, int from) {
        for (int i = from + 1; i < keys.length; i++) if (!row.path(keys[i]).asText("").isEmpty()) return true;
        return false;
    }

    private static ArrayNode rows(String text, String... keys) {
        ArrayNode rows = JSON.createArrayNode();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\\|", -1);
            ObjectNode row = rows.addObject();
            for (int i = 0; i < keys.length && i < parts.length; i++) put(row, keys[i], parts[i].strip());
        }
        return rows;
    }
}
