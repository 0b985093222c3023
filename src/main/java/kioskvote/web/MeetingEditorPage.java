package kioskvote.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.config.MeetingYaml;
import kioskvote.editor.FormCheck;
import kioskvote.editor.MeetingEditor;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.MeetingDetails;
import kioskvote.meeting.Poll;
import kioskvote.roster.Turnout;
import kioskvote.text.Refused;

/**
 * /admin/meeting: the organiser's meeting editor as plain forms (no script needed). A change is answered by a
 * redirect back (POST-redirect-GET); a refusal by the page again, the words next to the form and what was typed
 * kept in it, tied to the field it is about. What was typed is first checked in the organiser's words (FormCheck),
 * then by the editor (MeetingEditor) as for the API. With a roster, the number summoned is the roster's (Turnout),
 * as at the desk, on the projector and in the minutes: the page shows it and does not ask for it.
 */
public final class MeetingEditorPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The kinds offered by "add a poll"; an open vote is a motion's form choosing it (FormCheck.MOTION_KINDS). */
    private static final List<String> KINDS = List.of("confidence", "confidence_vote", "motion", "election");

    private final MeetingEditor editor;
    private final Supplier<Turnout> turnout;

    public MeetingEditorPage(MeetingEditor editor, Supplier<Turnout> turnout) {
        this.editor = editor;
        this.turnout = turnout;
    }

    /** What the page shows besides the meeting: the form that was refused, with its words and its fields as typed. */
    private record Shown(String errorAt, FieldError error, Map<String, String> details, List<CommitteeMember> committee, String threshold,
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
        } else if (kind != null && FormCheck.KINDS.contains(kind)) {
            form = PollForm.blank(kind);
            formFor = "new";
        }
        render(ctx, new Shown("", FieldError.NONE, details(editor.meeting().details()), editor.meeting().committee(),
                String.valueOf(editor.meeting().sealThreshold()), formFor, form));
    }

    void details(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("title", "organiser", "date", "time", "place", "summoned")) typed.put(field, param(ctx, field));
        boolean fromRoster = turnout.get().fromRoster();
        if (fromRoster) typed.put("summoned", String.valueOf(editor.meeting().summoned())); // kept for a meeting without a roster
        ObjectNode body = JSON.createObjectNode();
        typed.forEach((field, value) -> {
            if (field.equals("summoned") && value.matches("[0-9]{1,9}")) body.put(field, Integer.parseInt(value));
            else if (!value.isEmpty()) body.put(field, value);
        });
        attempt(ctx, "details", () -> {
            FormCheck.details(typed, fromRoster);
            editor.changeDetails(body);
        }, shown -> new Shown(shown.errorAt(), shown.error(), typed,
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
        boolean anySealed = editor.meeting().polls().stream().anyMatch(Poll::sealed);
        attempt(ctx, "committee", () -> {
            FormCheck.committee(rows, threshold, anySealed);
            editor.changeCommittee(members, seal);
        }, shown -> new Shown(shown.errorAt(), shown.error(),
                details(editor.meeting().details()), rows, threshold, "", null));
    }

    void addPoll(Context ctx) {
        Map<String, String> typed = PollForm.posted(ctx);
        attempt(ctx, "poll", () -> {
            checkPoll(typed);
            editor.addPoll(PollForm.toEntry(typed));
        }, shown -> pollShown(shown, "new", typed));
    }

    void replacePoll(Context ctx) {
        Map<String, String> typed = PollForm.posted(ctx);
        typed.put("id", ctx.pathParam("pollId")); // a poll's id does not change
        attempt(ctx, "poll", () -> {
            checkPoll(typed);
            editor.replacePoll(ctx.pathParam("pollId"), PollForm.toEntry(typed));
        }, shown -> pollShown(shown, ctx.pathParam("pollId"), typed));
    }

    private void checkPoll(Map<String, String> typed) {
        FormCheck.poll(typed, editor.meeting().committee().size(), editor.meeting().sealThreshold());
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
            render(ctx, again.apply(new Shown(where, FieldError.of(where, e, PageText.of(ctx)), null, null, null, "", null)));
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
        params.put("turnout", turnout.get());
        params.put("notice", done != null && List.of("details", "committee", "poll").contains(done) ? t.get("editor.saved") : "");
        params.put("errorAt", shown.errorAt());
        params.put("error", shown.error());
        params.put("details", shown.details());
        params.put("committee", shown.committee());
        params.put("threshold", shown.threshold());
        params.put("pollFormFor", shown.pollFormFor());
        params.put("pollForm", shown.pollForm() == null ? Map.of() : shown.pollForm());
        // the same form in the other language (a refused one is re-posted with what was typed by kv.js, form[data-relang])
        String form = shown.pollFormFor().isEmpty() || shown.pollForm() == null ? ""
                : shown.pollFormFor().equals("new") ? "&new=" + shown.pollForm().get("kind") : "&edit=" + shown.pollFormFor();
        params.put("langSwitch", "/admin/meeting?lang=" + t.otherLang() + form);
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
