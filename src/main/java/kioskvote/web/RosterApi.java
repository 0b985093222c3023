package kioskvote.web;

import java.util.List;
import java.util.Optional;

import io.javalin.http.Context;

import kioskvote.kiosk.KioskDeliveries;
import kioskvote.kiosk.KioskHandOff;
import kioskvote.kiosk.KioskSessions;
import kioskvote.meeting.HandOutKind;
import kioskvote.roster.CheckInDesk;
import kioskvote.roster.HandOut;
import kioskvote.roster.Person;
import kioskvote.roster.Roster;
import kioskvote.roster.RosterRejected;

/** The roster and the check-in desk, for the admin (JSON). Reached only through AdminGuard. */
public final class RosterApi {
    record PresentRequest(Boolean present) {
    }

    record HandOutRequest(String personId, String pollId, String kind, String kiosk, String code, String newCode) {
    }

    private final Roster roster;
    private final CheckInDesk desk;
    private final KioskHandOff handOff;
    private final KioskSessions kiosks;
    private final KioskDeliveries deliveries;

    public RosterApi(Roster roster, CheckInDesk desk, KioskHandOff handOff, KioskSessions kiosks, KioskDeliveries deliveries) {
        this.roster = roster;
        this.desk = desk;
        this.handOff = handOff;
        this.kiosks = kiosks;
        this.deliveries = deliveries;
    }

    /** POST /api/admin/roster/import: the CSV file as the request body. */
    void importCsv(Context ctx) {
        Roster.ImportReport report = roster.importCsv(ctx.bodyAsBytes());
        ctx.json(new RosterJson.Imported(report.added(), report.badRows().stream().map(RosterJson.BadRow::of).toList(),
                turnout()));
    }

    /** GET /api/admin/roster?q=…: people whose name has every word of q, diacritics ignored. */
    void search(Context ctx) {
        List<Person> people = roster.search(Optional.ofNullable(ctx.queryParam("q")).orElse(""));
        ctx.json(new RosterJson.Search(people.stream().map(RosterJson.PersonJson::of).toList(), turnout()));
    }

    void person(Context ctx) {
        ctx.json(RosterJson.PersonJson.of(roster.person(ctx.pathParam("personId"))));
    }

    void setPresent(Context ctx) {
        PresentRequest request = JsonBody.read(ctx, PresentRequest.class);
        if (request.present() == null) throw BadRequest.missing("present");
        ctx.json(RosterJson.PersonJson.of(roster.setPresent(ctx.pathParam("personId"), request.present())));
    }

    /**
     * POST /api/admin/desk/hand-out: one ballot for one person for the meeting (SLIP, QR), or a kiosk ballot for
     * this poll (KIOSK with a kiosk name). KIOSK without a kiosk name checks the person in as a kiosk voter.
     */
    void handOut(Context ctx) {
        HandOutRequest request = readHandOut(ctx);
        if (kind(request) == HandOutKind.KIOSK && (request.kiosk() == null || request.kiosk().isBlank())) {
            ctx.json(new RosterJson.PersonAndTurnout(RosterJson.PersonJson.of(desk.registerKioskVoter(request.personId())),
                    HandOutKind.KIOSK.name(), true, turnout()));
            return;
        }
        HandOut handOut = kind(request) == HandOutKind.KIOSK
                ? handOff.send(request.personId(), request.pollId(), request.kiosk())
                : desk.handOut(request.personId(), request.pollId(), kind(request), Optional.empty());
        ctx.json(RosterJson.HandedOut.of(handOut, request.kiosk(), roster.turnout()));
    }

    /** POST /api/admin/desk/replace: void the lost slip by its code, then hand out a new ballot. */
    void replace(Context ctx) {
        HandOutRequest request = readHandOut(ctx);
        String kiosk = kioskOf(request);
        if (request.code() == null) throw BadRequest.missing("code");
        HandOut handOut = desk.replace(request.personId(), request.pollId(), request.code(), kind(request),
                Optional.ofNullable(request.newCode()));
        ctx.json(RosterJson.HandedOut.of(handOut, kiosk, roster.turnout()));
    }

    /** POST /api/admin/desk/undo {personId}: a printed slip's hand-out recorded by mistake, undone. */
    void undoHandOut(Context ctx) {
        HandOutRequest request = JsonBody.read(ctx, HandOutRequest.class);
        if (request.personId() == null) throw BadRequest.missing("personId");
        Person person = desk.undoHandOut(request.personId());
        ctx.json(new RosterJson.Undone(person.id(), true));
    }

    /** GET /api/admin/desk/kiosks: the kiosks seen lately, and the ballots sent and not yet picked up (also across a restart). */
    void kiosks(Context ctx) {
        ctx.json(new RosterJson.Kiosks(kiosks.kiosksSeen(), deliveries.kioskBallotsWaiting().stream()
                .map(w -> new RosterJson.Waiting(w.kiosk(), w.pollId())).toList()));
    }

    private HandOutRequest readHandOut(Context ctx) {
        HandOutRequest request = JsonBody.read(ctx, HandOutRequest.class);
        if (request.personId() == null) throw BadRequest.missing("personId");
        if (request.pollId() == null) throw BadRequest.missing("pollId");
        if (request.kind() == null) throw BadRequest.missing("kind");
        return request;
    }

    private static HandOutKind kind(HandOutRequest request) {
        return HandOutKind.parse(request.kind()).orElseThrow(() -> new RosterRejected(RosterRejected.Code.BAD_KIND));
    }

    /** For KIOSK: the kiosk must be named, enrolled and free, checked before a token is minted. */
    private String kioskOf(HandOutRequest request) {
        if (kind(request) != HandOutKind.KIOSK) return null;
        if (request.kiosk() == null) throw BadRequest.missing("kiosk");
        return handOff.requireFreeKiosk(request.kiosk());
    }

    private RosterJson.TurnoutJson turnout() {
        return RosterJson.TurnoutJson.of(roster.turnout());
    }
}
