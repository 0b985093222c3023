package kioskvote.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import kioskvote.config.MeetingYaml;
import kioskvote.config.StationSettings;
import kioskvote.editor.MeetingEditor;
import kioskvote.meeting.Meeting;

/**
 * The meeting editor's API (organiser only): the meeting as JSON and as meeting.yaml, and each change in
 * meeting.yaml's own keys, checked by the loader's rules (docs/api.md, "The meeting editor").
 */
public final class MeetingApi {
    private final MeetingEditor editor;
    private final StationSettings station;

    public MeetingApi(MeetingEditor editor, StationSettings station) {
        this.editor = editor;
        this.station = station;
    }

    /** GET /api/admin/meeting: details, committee, threshold, and every poll as its meeting.yaml entry with state and hash. */
    void meeting(Context ctx) {
        ctx.json(json(editor));
    }

    static Map<String, Object> json(MeetingEditor editor) {
        Meeting meeting = editor.meeting();
        var d = meeting.details();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", meeting.id());
        details.put("title", d.title());
        details.put("organiser", d.organiser());
        details.put("date", d.date().toString());
        details.put("time", d.time());
        details.put("place", d.place());
        details.put("summoned", d.summoned());
        List<Map<String, Object>> polls = new ArrayList<>();
        for (var p : editor.polls()) {
            Map<String, Object> poll = new LinkedHashMap<>(MeetingYaml.entry(p.poll()));
            poll.put("state", p.state().code());
            p.definitionHash().ifPresent(hash -> poll.put("definitionHash", hash));
            polls.add(poll);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meeting", details);
        body.put("committee", MeetingYaml.committee(meeting.committee()));
        body.put("seal", Map.of("threshold", meeting.sealThreshold()));
        body.put("polls", polls);
        return body;
    }

    /** GET /api/admin/meeting.yaml: the meeting as a meeting.yaml that starts an identical meeting on a fresh station. */
    void exportYaml(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"meeting.yaml\"");
        ctx.contentType("application/yaml; charset=utf-8").result(MeetingYaml.write(editor.meeting(), station.wifi(), station.baseUrl()));
    }

    void details(Context ctx) {
        editor.changeDetails(JsonBody.readObject(ctx));
        ctx.json(json(editor));
    }

    void committee(Context ctx) {
        ObjectNode body = JsonBody.readObject(ctx);
        onlyKeys(body, "committee", "seal");
        if (!body.has("committee")) throw BadRequest.missing("committee");
        editor.changeCommittee(body.get("committee"), body.get("seal"));
        ctx.json(json(editor));
    }

    void addPoll(Context ctx) {
        var poll = editor.addPoll(JsonBody.readObject(ctx));
        ctx.status(201).json(Map.of("id", poll.id()));
    }

    void replacePoll(Context ctx) {
        var poll = editor.replacePoll(ctx.pathParam("pollId"), JsonBody.readObject(ctx));
        ctx.json(Map.of("id", poll.id()));
    }

    void deletePoll(Context ctx) {
        editor.deletePoll(ctx.pathParam("pollId"));
        ctx.json(Map.of("deleted", ctx.pathParam("pollId")));
    }

    void reorder(Context ctx) {
        ObjectNode body = JsonBody.readObject(ctx);
        onlyKeys(body, "ids");
        JsonNode ids = body.get("ids");
        if (ids == null) throw BadRequest.missing("ids");
        if (!ids.isArray()) throw BadRequest.wrongType("ids");
        List<String> order = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) throw BadRequest.wrongType("ids");
            order.add(id.asText());
        }
        editor.reorder(order);
        ctx.json(Map.of("ids", order));
    }

    private static void onlyKeys(ObjectNode body, String... keys) {
        List<String> allowed = List.of(keys);
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) throw BadRequest.badJson();
        });
    }
}
