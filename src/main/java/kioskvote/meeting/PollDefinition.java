package kioskvote.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kioskvote.audit.Sha256;

/** The canonical JSON of a poll's definition, frozen and hashed the moment the poll opens. */
public final class PollDefinition {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PollDefinition() {
    }

    public static String canonicalJson(Poll poll) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", poll.id());
        map.put("kind", poll.kind().name());
        map.put("title", poll.title());
        map.put("base", poll.base().name());
        poll.majority().ifPresent(m -> map.put("majority", Map.of("option", m.optionId(), "moreThan", m.numerator() + "/" + m.denominator())));
        List<Object> questions = poll.questions().stream().map(q -> (Object) Map.of(
                "id", q.id(), "title", q.title(), "subtitle", q.subtitle(),
                "minValid", q.rule().minValid(), "max", q.rule().max(),
                "options", q.options().stream().map(o -> Map.of("id", o.id(), "vi", o.labelVi(), "en", o.labelEn())).toList()))
                .toList();
        map.put("questions", questions);
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a poll definition is plain data", e);
        }
    }

    public static String hash(Poll poll) {
        return Sha256.hex(canonicalJson(poll));
    }

    /**
     * The poll back from its canonical JSON (the election record's poll.json), so that `verify` checks and
     * counts ballots by the definition frozen at the open, not by a meeting.yaml it may not have.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static Poll parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : required(root, "questions")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : required(q, "options")) {
                options.add(new Option(text(o, "id"), text(o, "vi"), text(o, "en")));
            }
            questions.add(new Question(text(q, "id"), text(q, "title"), text(q, "subtitle"), options,
                    new ChoiceRule(required(q, "minValid").asInt(), required(q, "max").asInt())));
        }
        Optional<Majority> majority = Optional.empty();
        if (root.has("majority")) {
            String[] fraction = text(root.get("majority"), "moreThan").split("/");
            if (fraction.length != 2) throw new IllegalArgumentException("majority.moreThan is not n/d");
            majority = Optional.of(new Majority(text(root.get("majority"), "option"), Integer.parseInt(fraction[0]),
                    Integer.parseInt(fraction[1])));
        }
        return new Poll(text(root, "id"), PollKind.valueOf(text(root, "kind")), text(root, "title"), questions,
                PercentBase.valueOf(text(root, "base")), majority);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException(field + " is missing");
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) throw new IllegalArgumentException(field + " is not text");
        return value.asText();
    }
}
