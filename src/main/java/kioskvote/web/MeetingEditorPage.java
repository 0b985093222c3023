package kioskvote.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.config.MeetingYaml;
import kioskvote.editor.MeetingEditor;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.MeetingDetails;
import kioskvote.text.Refused;

/**
 * /admin/meeting: the organiser's meeting editor as plain forms (no script needed). A change is answered by a
 * redirect back (POST-redirect-GET); a refusal by the page again, the words next to the form and what was typed
 * kept in it. The checks and the storing are the editor's (MeetingEditor), as for the API.
 */
public final class MeetingEditorPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("confidence", "confidence_vote", "motion", "election");

    private final MeetingEditor editor;

    public MeetingEditorPage(MeetingEditor editor) {
        this.editor = editor;
    }

    /** What the page shows besides the meeting: the form that was refused, with its words and its fields as typed. */
    private record Shown(String errorAt, String error, Map<String, String> details, List<CommitteeMember> committee, String threshold,
                         String pollFormFor, Map<String, String> pollForm) {
    }

    void show(Context ctx) {
        String edit = ctx.queryParam("edit");
        String kind = ctx.queryParam("new");
        Map<String, String> form = null;
        String formFor = "";
        if (edit != null && editor.meeting().poll(edit).isPresent()) {
            form = PollForm.fromEntry(MeetingYaml.entry(editor.meeting().poll(edit).get()));
            formFor = edit;
        } else if (kind != null && KINDS.contains(kind)) {
            form = PollForm.blank(kind);
            formFor = "new";
        }
        render(ctx, new Shown("", "", details(editor.meeting().details()), editor.meeting().committee(),
                String.valueOf(editor.meeting().sealThreshold()), formFor, form));
    }

    void details(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("title", "organiser", "date", "time", "place", "summoned")) typed.put(field, param(ctx, field));
        ObjectNode body = JSON.createObjectNode();
        typed.forEach((field, value) -> {
            if (field.equals("summoned") && value.matches("[0-9]{1,9}")) body.put(field, Integer.parseInt(value));
            else if (!value.isEmpty()) body.put(field, value);
        });
        attempt(ctx, "details", () -> editor.changeDetails(body), shown -> new Shown(shown.errorAt(), shown.error(), typed,
                editor.meeting().committee(), String.valueOf(editor.meeting().sealThreshold()), "", null));
    }

    /** One form for the whole committee: save, or move a member up or down, or remove one (action up-N, down-N, remove-N). */
    void committee(Context ctx) {
        List<CommitteeMember> rows = new ArrayList<>();
        for (int i = 1; i <= 64 && ctx.formParam("name" + i) != null; i++) {
            String name = param(ctx, "name" + i);
            String role = param(ctx, "role" + i);
            if (!name.isEmpty() || !role.isEmpty()) rows.add(new CommitteeMember(name, role));
        }
        String action = param(ctx, "action");
        int at = action.matches("(up|down|remove)-[0-9]{1,2}") ? Integer.parseInt(action.replaceAll("\\D", "")) - 1 : -1;
        if (at >= 0 && at < rows.size()) {
            if (action.startsWith("remove")) rows.remove(at);
            else java.util.Collections.swap(rows, at, Math.max(0, Math.min(rows.size() - 1, at + (action.startsWith("up") ? -1 : 1))));
        }
        String threshold = param(ctx, "threshold");
        ArrayNode members = JSON.createArrayNode();
        rows.forEach(m -> members.addObject().put("name", m.name()).put("role", m.role()));
        ObjectNode seal = JSON.createObjectNode();
        if (threshold.matches("[0-9]{1,6}")) seal.put("threshold", Integer.parseInt(threshold));
        else seal.put("threshold", threshold);
        attempt(ctx, "committee", () -> editor.changeCommittee(members, seal), shown -> new Shown(shown.errorAt(), shown.error(),
                details(editor.meeting().details()), rows, threshold, "", null));
    }

    void addPoll(Context ctx) {
        Map<String, String> typed = PollForm.posted(ctx);
        attempt(ctx, "poll", () -> editor.addPoll(PollForm.toEntry(typed)), shown -> pollShown(shown, "new", typed));
    }

    void replacePoll(Context ctx) {
        Map<String, String> typed = PollForm.posted(ctx);
        typed.put("id", ctx.pathParam("pollId")); // a poll's id does not change
        attempt(ctx, "poll", () -> editor.replacePoll(ctx.pathParam("pollId"), PollForm.toEntry(typed)),
                shown -> pollShown(shown, ctx.pathParam("pollId"), typed));
    }

    void deletePoll(Context ctx) {
        attempt(ctx, "poll-" + ctx.pathParam("pollId"), () -> editor.deletePoll(ctx.pathParam("pollId")), shown -> pollShown(shown, "", null));
    }

    /** direction up or down. */
    void movePoll(Context ctx) {
        int step = "up".equals(ctx.formParam("direction")) ? -1 : 1;
        attempt(ctx, "poll-" + ctx.pathParam("pollId"), () -> editor.move(ctx.pathParam("pollId"), step), shown -> pollShown(shown, "", null));
    }

    private Shown pollShown(Shown shown, String formFor, Map<String, String> form) {
        return new Shown(shown.errorAt(), shown.error(), details(editor.meeting().details()), editor.meeting().committee(),
                String.valueOf(editor.meeting().sealThreshold()), formFor, form);
    }

    /** Runs the change and goes back to the page; a refusal shows the page again with the words at {@code where}. */
    private void attempt(Context ctx, String where, Runnable change, java.util.function.UnaryOperator<Shown> again) {
        try {
            change.run();
            ctx.redirect("/admin/meeting?done=" + where.replaceFirst("-.*", "") + "#" + (where.equals("poll") ? "polls" : where), HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            ApiError error = ErrorCatalog.of(e);
            ctx.status(error.status());
            render(ctx, again.apply(new Shown(where, PageText.of(ctx).message(error), null, null, null, "", null)));
        }
    }

    private void render(Context ctx, Shown shown) {
        PageText t = PageText.of(ctx);
        String done = ctx.queryParam("done");
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", editor.meeting());
        params.put("polls", editor.polls());
        params.put("kinds", KINDS);
        params.put("notice", done != null && List.of("details", "committee", "poll").contains(done) ? t.get("editor.saved") : "");
        params.put("errorAt", shown.errorAt());
        params.put("error", shown.error());
        params.put("details", shown.details());
        params.put("committee", shown.committee());
        params.put("threshold", shown.threshold());
        params.put("pollFormFor", shown.pollFormFor());
        params.put("pollForm", shown.pollForm() == null ? Map.of() : shown.pollForm());
        params.put("langSwitch", "?lang=" + t.otherLang());
        Pages.render(ctx, "admin-meeting.jte", params);
    }

    private static Map<String, String> details(MeetingDetails d) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", d.title());
        form.put("organiser", d.organiser());
        form.put("date", d.date().toString());
        form.put("time", d.time());
        form.put("place", d.place());
        form.put("summoned", String.valueOf(d.summoned()));
        return form;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
