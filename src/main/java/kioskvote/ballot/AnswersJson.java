package kioskvote.ballot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a ballot's answers are stored: canonical JSON, question ids sorted. */
public final class AnswersJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private AnswersJson() {
    }

    public static String write(Answers answers) {
        try {
            return JSON.writeValueAsString(answers.marks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are plain data", e);
        }
    }

    public static Answers read(String json) {
        try {
            return new Answers(JSON.readValue(json, SHAPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored ballot is not readable", e);
        }
    }
}
