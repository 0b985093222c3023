package kioskvote.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.meeting.Meeting;
import kioskvote.roster.Person;
import kioskvote.roster.Roster;
import kioskvote.roster.RosterEditor;
import kioskvote.roster.RosterEditor.PersonFields;
import kioskvote.text.Refused;

/**
 * The organiser's roster page (/admin/roster): the people found, a form to add one, and for each person a
 * correction form and a removal button. Plain form posts answered by a redirect (POST-redirect-GET); a refusal
 * is answered with the page itself, its reason next to the form and the typed input kept.
 */
public final class RosterPage {
    /** What was typed into a refused form: {@code form} is "add" or the id of the person being corrected or removed. */
    public record Kept(String form, String name, String unit, String error) {
        static final Kept NONE = new Kept("", "", "", "");
    }

    private final Meeting meeting;
    private final Roster roster;
    private final RosterEditor editor;

    public RosterPage(Meeting meeting, Roster roster, RosterEditor editor) {
        this.meeting = meeting;
        this.roster = roster;
        this.editor = editor;
    }

    /** GET /admin/roster?q=…: everyone (the first {@value Roster#SEARCH_LIMIT}), or those whose name has every word of q. */
    void show(Context ctx) {
        render(ctx, query(ctx), notice(ctx, PageText.of(ctx)), Kept.NONE);
    }

    /** POST /admin/roster/people (name, unit) */
    void add(Context ctx) {
        String name = form(ctx, "name");
        String unit = form(ctx, "unit");
        try {
            Person added = editor.add(PersonFields.of(name, unit));
            redirect(ctx, "added", added.fullName());
        } catch (Refused e) {
            refused(ctx, e, new Kept("add", name, unit, ""));
        }
    }

    /** POST /admin/roster/{personId} (name, unit, q) */
    void correct(Context ctx) {
        String name = form(ctx, "name");
        String unit = form(ctx, "unit");
        try {
            Person corrected = editor.correct(ctx.pathParam("personId"), new PersonFields(Optional.ofNullable(ctx.formParam("name")),
                    Optional.ofNullable(ctx.formParam("unit"))));
            redirect(ctx, "corrected", corrected.fullName());
        } catch (Refused e) {
            refused(ctx, e, new Kept(ctx.pathParam("personId"), name, unit, ""));
        }
    }

    /** POST /admin/roster/{personId}/remove (q) */
    void remove(Context ctx) {
        try {
            editor.remove(ctx.pathParam("personId"));
            redirect(ctx, "removed", query(ctx));
        } catch (Refused e) {
            refused(ctx, e, new Kept(ctx.pathParam("personId"), "", "", ""));
        }
    }

    /** POST /admin/roster/{personId}/absent (q): the check-in undone, so that a person without a ballot can be removed. */
    void markAbsent(Context ctx) {
        try {
            roster.setPresent(ctx.pathParam("personId"), false);
            redirect(ctx, "absent", query(ctx));
        } catch (Refused e) {
            refused(ctx, e, new Kept(ctx.pathParam("personId"), "", "", ""));
        }
    }

    private void refused(Context ctx, Refused refusal, Kept typed) {
        ApiError error = ErrorCatalog.of(refusal);
        PageText t = PageText.of(ctx);
        ctx.status(error.status());
        render(ctx, query(ctx), "", new Kept(typed.form(), typed.name(), typed.unit(), t.message(error)));
    }

    private void render(Context ctx, String q, String notice, Kept kept) {
        PageText t = PageText.of(ctx);
        List<Person> people = roster.search(q);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        params.put("q", q);
        params.put("people", people);
        params.put("more", people.size() >= Roster.SEARCH_LIMIT);
        params.put("summoned", roster.turnout().summoned());
        params.put("notice", notice);
        params.put("kept", kept);
        params.put("langSwitch", "/admin/roster?lang=" + t.otherLang() + (q.isEmpty() ? "" : "&q=" + encode(q)));
        Pages.render(ctx, "roster.jte", params);
    }

    private static String notice(Context ctx, PageText t) {
        String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
        return switch (done) {
            case "added" -> t.get("roster.done.added");
            case "corrected" -> t.get("roster.done.corrected");
            case "removed" -> t.get("roster.done.removed");
            case "absent" -> t.get("roster.done.absent");
            default -> "";
        };
    }

    /** Back to the list, searched for the person just added or corrected (or the search the form was sent from). */
    private static void redirect(Context ctx, String done, String q) {
        ctx.redirect("/admin/roster?done=" + done + (q.isEmpty() ? "" : "&q=" + encode(q)), HttpStatus.SEE_OTHER);
    }

    /** The search, from the URL or the form's hidden field; at most a line of text. */
    private static String query(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElseGet(() -> ctx.formParam("q"));
        q = q == null ? "" : q.strip();
        return q.length() > 200 ? q.substring(0, 200) : q;
    }

    private static String form(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).orElse("");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
