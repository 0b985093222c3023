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

/**
 * The canonical JSON of a poll's definition, frozen and hashed the moment the poll opens; also the form in
 * which a poll added at run time (a second round) is stored and read back at start. Fields that only newer
 * kinds of poll use (election, practice, a motion's base and abstentions) are written only when present, so
 * the hash of a poll defined before they existed is unchanged.
 */
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
        poll.majority().ifPresent(m -> {
            Map<String, Object> majority = new LinkedHashMap<>();
            majority.put("option", m.optionId());
            if (m.isPlain()) {
                majority.put("moreThan", m.numerator() + "/" + m.denominator());
            } else {
                majority.put(m.orMore() ? "orMore" : "moreThan", m.numerator() + "/" + m.denominator());
                m.of().ifPresent(of -> majority.put("of", of.name()));
                majority.put("abstentionsCounted", m.abstentionsCounted());
            }
            map.put("majority", majority);
        });
        poll.election().ifPresent(e -> {
            Map<String, Object> election = new LinkedHashMap<>();
            election.put("seats", e.seats());
            election.put("round", e.round());
            e.fromPoll().ifPresent(from -> election.put("fromPoll", from));
            election.put("candidates", e.candidates().stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                    "position", c.position(), "unit", c.unit())).toList());
            map.put("election", election);
        });
        if (poll.practice()) map.put("practice", true);
        List<Object> questions = poll.questions().stream().map(q -> {
            Map<String, Object> question = new LinkedHashMap<>(Map.of(
                    "id", q.id(), "title", q.title(), "subtitle", q.subtitle(),
                    "minValid", q.rule().minValid(), "max", q.rule().max(),
                    "options", q.options().stream().map(o -> Map.of("id", o.id(), "vi", o.labelVi(), "en", o.labelEn())).toList()));
            if (q.rule().maxValid() != q.rule().max()) question.put("maxValid", q.rule().maxValid());
            return (Object) question;
        }).toList();
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

    /** Reads back what {@link #canonicalJson} wrote (a stored second round). */
    public static Poll read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a poll definition: " + e.getOriginalMessage(), e);
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) options.add(new Option(o.path("id").asText(), o.path("vi").asText(), o.path("en").asText()));
            int max = q.path("max").asInt();
            questions.add(new Question(q.path("id").asText(), q.path("title").asText(), q.path("subtitle").asText(), options,
                    new ChoiceRule(q.path("minValid").asInt(), q.path("maxValid").asInt(max), max)));
        }
        Optional<Majority> majority = Optional.empty();
        JsonNode m = root.path("majority");
        if (m.isObject()) {
            boolean orMore = m.has("orMore");
            String[] fraction = m.path(orMore ? "orMore" : "moreThan").asText().split("/");
            Optional<Majority.VoteBase> of = m.has("of") ? Optional.of(Majority.VoteBase.valueOf(m.path("of").asText())) : Optional.empty();
            majority = Optional.of(new Majority(m.path("option").asText(), orMore, Integer.parseInt(fraction[0]),
                    Integer.parseInt(fraction[1]), of, m.path("abstentionsCounted").asBoolean(true)));
        }
        Optional<Election> election = Optional.empty();
        JsonNode e = root.path("election");
        if (e.isObject()) {
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode c : e.path("candidates")) {
                candidates.add(new Candidate(c.path("id").asText(), c.path("name").asText(), c.path("position").asText(), c.path("unit").asText()));
            }
            election = Optional.of(new Election(e.path("seats").asInt(), candidates, e.path("round").asInt(1),
                    e.has("fromPoll") ? Optional.of(e.path("fromPoll").asText()) : Optional.empty()));
        }
        return new Poll(root.path("id").asText(), PollKind.valueOf(root.path("kind").asText()), root.path("title").asText(),
                questions, PercentBase.valueOf(root.path("base").asText()), majority, election, root.path("practice").asBoolean(false));
    }
}
