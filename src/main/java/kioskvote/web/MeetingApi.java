package kioskvote.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import kioskvote.config.MeetingYaml;
import kioskvote.config.StationSettings;
import kioskvote.editor.MeetingEditor;

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
        ctx.json(EditorJson.of(editor));
    }

    /** GET /api/admin/meeting.yaml: the meeting as a meeting.yaml that starts an identical meeting on a fresh station. */
    void exportYaml(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"meeting.yaml\"");
        ctx.contentType("application/yaml; charset=utf-8").result(MeetingYaml.write(editor.meeting(), station.wifi(), station.baseUrl()));
    }

    void details(Context ctx) {
        editor.changeDetails(JsonBody.readObject(ctx));
        ctx.json(EditorJson.of(editor));
    }

    void committee(Context ctx) {
        ObjectNode body = JsonBody.readObject(ctx);
        onlyKeys(body, "committee", "seal");
        if (!body.has("committee")) throw BadRequest.missing("committee");
        editor.changeCommittee(body.get("committee"), body.get("seal"));
        ctx.json(EditorJson.of(editor));
    }

    void addPoll(Context ctx) {
        var poll = editor.addPoll(JsonBody.readObject(ctx));
        ctx.status(201).json(new EditorJson.PollId(poll.id()));
    }

    void replacePoll(Context ctx) {
        var poll = editor.replacePoll(ctx.pathParam("pollId"), JsonBody.readObject(ctx));
        ctx.json(new EditorJson.PollId(poll.id()));
    }

    void deletePoll(Context ctx) {
        editor.deletePoll(ctx.pathParam("pollId"));
        ctx.json(new EditorJson.Deleted(ctx.pathParam("pollId")));
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
        ctx.json(new EditorJson.Order(order));
    }

    private static void onlyKeys(ObjectNode body, String... keys) {
        List<String> allowed = List.of(keys);
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) throw BadRequest.badJson();
        });
    }
}
