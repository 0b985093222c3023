package kioskvote.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.Candidate;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Election;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingDetails;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;
import kioskvote.meeting.WifiNetwork;

/**
 * The reverse of {@link MeetingLoader}: a meeting as meeting.yaml's keys. Read by the loader, the text starts a
 * station with the same details, committee, threshold and polls, each poll with the same canonical definition
 * (PollDefinition), so the same hash. Also the form in which the admin API shows and takes one poll.
 */
public final class MeetingYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeetingYaml() {
    }

    /**
     * The whole meeting.yaml. The station's secrets and its own settings (admin_passphrase, database_url) are not
     * written: a station started from the export prints a passphrase of its own. The Wi-Fi and the slips' address are.
     */
    public static String write(Meeting meeting, Optional<WifiNetwork> wifi, Optional<String> baseUrl) {
        Map<String, Object> root = new LinkedHashMap<>();
        MeetingDetails d = meeting.details();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", meeting.id());
        m.put("title", d.title());
        if (!d.organiser().isEmpty()) m.put("organiser", d.organiser());
        m.put("date", d.date().toString());
        if (!d.time().isEmpty()) m.put("time", d.time());
        if (!d.place().isEmpty()) m.put("place", d.place());
        m.put("summoned", d.summoned());
        root.put("meeting", m);
        if (!meeting.committee().isEmpty()) root.put("committee", committee(meeting.committee()));
        root.put("seal", Map.of("threshold", meeting.sealThreshold()));
        root.put("polls", meeting.polls().stream().map(MeetingYaml::entry).toList());
        Map<String, Object> station = new LinkedHashMap<>();
        baseUrl.ifPresent(url -> station.put("base_url", url));
        wifi.ifPresent(w -> {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("name", w.name());
            if (!w.password().isEmpty()) network.put("password", w.password());
            station.put("wifi", network);
        });
        if (!station.isEmpty()) root.put("station", station);
        try {
            return "# meeting.yaml exported from the station's admin pages (meeting " + meeting.id() + ").\n"
                    + "# Start a fresh station with it to hold the same meeting; admin_passphrase and database_url are not exported.\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a meeting is plain data", e);
        }
    }

    public static List<Map<String, Object>> committee(List<CommitteeMember> members) {
        return members.stream().map(c -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", c.name());
            if (!c.role().isEmpty()) member.put("role", c.role());
            return member;
        }).toList();
    }

    /** One poll in meeting.yaml's keys: what {@link MeetingLoader#readPoll} reads back into the same poll. */
    public static Map<String, Object> entry(Poll poll) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", poll.id());
        p.put("kind", poll.kind().code());
        p.put("title", poll.title());
        p.put("base", poll.base().name().toLowerCase(java.util.Locale.ROOT));
        switch (poll.kind()) {
            case CONFIDENCE, CONFIDENCE_VOTE -> p.put("subjects", poll.questions().stream().map(q -> {
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("name", q.title());
                subject.put("position", q.subtitle());
                return subject;
            }).toList());
            case MOTION, OPEN_MOTION -> motion(poll, p);
            case ELECTION -> election(poll.election().orElseThrow(), p);
        }
        if (poll.practice()) p.put("practice", true);
        p.put("sealed", poll.sealed());
        return p;
    }

    /** The entry as a JSON tree (the admin API's body and answer). */
    public static JsonNode entryTree(Poll poll) {
        return JSON.valueToTree(entry(poll));
    }

    private static void motion(Poll poll, Map<String, Object> p) {
        Question q = poll.questions().get(0);
        p.put("motion", q.title());
        Map<String, Object> labels = new LinkedHashMap<>();
        label(q, BallotOptions.AGREE, BallotOptions.AGREE_VI, labels);
        label(q, BallotOptions.DISAGREE, BallotOptions.DISAGREE_VI, labels);
        label(q, BallotOptions.ABSTAIN, BallotOptions.ABSTAIN_VI, labels);
        if (!labels.isEmpty()) p.put("options", labels);
        poll.majority().ifPresent(m -> {
            p.put("passes_with", m.rule());
            m.of().ifPresent(of -> p.put("pass_base", of.code()));
            if (!m.abstentionsCounted()) p.put("abstentions", "not_counted");
        });
    }

    private static void label(Question q, String optionId, String defaultVi, Map<String, Object> labels) {
        q.option(optionId).map(Option::labelVi).filter(vi -> !vi.equals(defaultVi)).ifPresent(vi -> labels.put(optionId, vi));
    }

    private static void election(Election e, Map<String, Object> p) {
        p.put("seats", e.seats());
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < e.candidates().size(); i++) {
            Candidate c = e.candidates().get(i);
            Map<String, Object> candidate = new LinkedHashMap<>();
            if (!c.id().equals("c" + (i + 1))) candidate.put("id", c.id()); // a next round keeps the first round's ids
            candidate.put("name", c.name());
            if (!c.position().isEmpty()) candidate.put("position", c.position());
            if (!c.unit().isEmpty()) candidate.put("unit", c.unit());
            candidates.add(candidate);
        }
        p.put("candidates", candidates);
        if (e.round() != 1) p.put("round", e.round());
        e.fromPoll().ifPresent(from -> p.put("from_poll", from));
        if (e.majorityOf() != Election.MajorityOf.RECEIVED) p.put("majority_of", e.majorityOf().code());
        if (e.tie() != Election.TieRule.NEXT_ROUND) p.put("tie", e.tie().code());
    }
}
