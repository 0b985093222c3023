package kioskvote.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.roster.Person;
import kioskvote.roster.Roster;
import kioskvote.roster.RosterEditor;
import kioskvote.roster.RosterEditor.PersonFields;

/** The organiser's roster changes, one person at a time (JSON): add, correct, remove. Reached only through Access. */
public final class RosterEditApi {
    /** The fields of a CSV row, named as the roster's search answers them. */
    record PersonRequest(String name, String unit) {
    }

    private final RosterEditor editor;
    private final Roster roster;

    public RosterEditApi(RosterEditor editor, Roster roster) {
        this.editor = editor;
        this.roster = roster;
    }

    /** POST /api/admin/roster/people {"name", "unit"}: 201 with the new person and its id. */
    void add(Context ctx) {
        PersonRequest request = JsonBody.read(ctx, PersonRequest.class);
        if (request.name() == null) throw BadRequest.missing("name");
        Person person = editor.add(PersonFields.of(request.name(), request.unit()));
        ctx.status(HttpStatus.CREATED).json(new RosterJson.PersonAndTurnout(RosterJson.PersonJson.of(person), null, null, turnout()));
    }

    /** POST /api/admin/roster/{personId} {"name"?, "unit"?}: the fields given are corrected, the others stay. */
    void correct(Context ctx) {
        PersonRequest request = JsonBody.read(ctx, PersonRequest.class);
        if (request.name() == null && request.unit() == null) throw BadRequest.missing("name");
        ctx.json(RosterJson.PersonJson.of(editor.correct(ctx.pathParam("personId"), PersonFields.of(request.name(), request.unit()))));
    }

    /** POST /api/admin/roster/{personId}/remove: only before the person holds a ballot (409 says why not). */
    void remove(Context ctx) {
        String personId = ctx.pathParam("personId");
        editor.remove(personId);
        ctx.json(new RosterJson.Removed(personId, true, turnout()));
    }

    private RosterJson.TurnoutJson turnout() {
        return RosterJson.TurnoutJson.of(roster.turnout());
    }
}
