package kioskvote.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;


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
            // only when not the default, so the hash of an election defined before these settings is unchanged
            if (e.majorityOf() != Election.MajorityOf.RECEIVED) election.put("majorityOf", e.majorityOf().name());
            if (e.tie() != Election.TieRule.NEXT_ROUND) election.put("tie", e.tie().name());
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
        // Only an unsealed poll says so, so the hash of a sealed poll (the default) is what it always was.
        if (!poll.sealed()) map.put("sealed", false);
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a poll definition is plain data", e);
        }
    }

    /**
     * SHA-256 of the canonical JSON, lowercase hex: the same as audit's Sha256.hex, written here because meeting/ sits
     * below store/ (whose rows carry the meeting's value types, docs/architecture.md): meeting → audit → store would
     * make a cycle.
     */
    public static String hash(Poll poll) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson(poll).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The poll back from its canonical JSON: the election record's poll.json (so that `verify` checks and counts
     * ballots by the definition frozen at the open, not by a meeting.yaml it may not have), and a poll added
     * while the station ran (a second round, table poll_definition).
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
            int max = required(q, "max").asInt();
            questions.add(new Question(text(q, "id"), text(q, "title"), text(q, "subtitle"), options,
                    new ChoiceRule(required(q, "minValid").asInt(), q.path("maxValid").asInt(max), max)));
        }
        Optional<Majority> majority = Optional.empty();
        if (root.has("majority")) {
            JsonNode m = root.get("majority");
            boolean orMore = m.has("orMore");
            String[] fraction = text(m, orMore ? "orMore" : "moreThan").split("/");
            if (fraction.length != 2) throw new IllegalArgumentException("majority is not n/d");
            Optional<Majority.VoteBase> of = m.has("of") ? Optional.of(Majority.VoteBase.valueOf(text(m, "of"))) : Optional.empty();
            majority = Optional.of(new Majority(text(m, "option"), orMore, Integer.parseInt(fraction[0]), Integer.parseInt(fraction[1]),
                    of, m.path("abstentionsCounted").asBoolean(true)));
        }
        Optional<Election> election = Optional.empty();
        if (root.has("election")) {
            JsonNode e = root.get("election");
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode c : required(e, "candidates")) {
                candidates.add(new Candidate(text(c, "id"), text(c, "name"), text(c, "position"), text(c, "unit")));
            }
            election = Optional.of(new Election(required(e, "seats").asInt(), candidates, e.path("round").asInt(1),
                    e.has("fromPoll") ? Optional.of(text(e, "fromPoll")) : Optional.empty(),
                    e.has("majorityOf") ? Election.MajorityOf.valueOf(text(e, "majorityOf")) : Election.MajorityOf.RECEIVED,
                    e.has("tie") ? Election.TieRule.valueOf(text(e, "tie")) : Election.TieRule.NEXT_ROUND));
        }
        return new Poll(text(root, "id"), PollKind.valueOf(text(root, "kind")), text(root, "title"), questions,
                PercentBase.valueOf(text(root, "base")), majority, election, root.path("practice").asBoolean(false),
                root.path("sealed").asBoolean(true)); // written only when false (canonicalJson)
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
