package kioskvote.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The details, committee and seal threshold of a meeting as stored JSON (table meeting_setup; the polls are
 * stored one by one in their canonical JSON, {@link PollDefinition}). Keys sorted, so equal setups are equal
 * text: a station compares the database's text with its own to notice a change made on another station.
 */
public final class SetupJson {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SetupJson() {
    }

    public static String write(MeetingSetup setup) {
        MeetingDetails d = setup.details();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", d.title());
        map.put("organiser", d.organiser());
        map.put("date", d.date().toString());
        map.put("time", d.time());
        map.put("place", d.place());
        map.put("summoned", d.summoned());
        map.put("committee", setup.committee().stream().map(m -> Map.of("name", m.name(), "role", m.role())).toList());
        map.put("sealThreshold", setup.sealThreshold());
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a meeting setup is plain data", e);
        }
    }

    /** The setup back, with these polls (read from their own rows). */
    public static MeetingSetup read(String json, List<Poll> polls) {
        try {
            JsonNode root = JSON.readTree(json);
            List<CommitteeMember> committee = new ArrayList<>();
            for (JsonNode m : root.path("committee")) committee.add(new CommitteeMember(m.path("name").asText(), m.path("role").asText()));
            MeetingDetails details = new MeetingDetails(root.path("title").asText(), root.path("organiser").asText(),
                    LocalDate.parse(root.path("date").asText()), root.path("time").asText(), root.path("place").asText(),
                    root.path("summoned").asInt());
            return new MeetingSetup(details, committee, root.path("sealThreshold").asInt(), polls);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("the stored meeting setup cannot be read: " + e.getMessage(), e);
        }
    }
}
