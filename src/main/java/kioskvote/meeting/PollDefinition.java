package kioskvote.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        // Only an unsealed poll says so, so the hash of a sealed poll (the default) is what it always was.
        if (!poll.sealed()) map.put("sealed", false);
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a poll definition is plain data", e);
        }
    }

    public static String hash(Poll poll) {
        return Sha256.hex(canonicalJson(poll));
    }
}
