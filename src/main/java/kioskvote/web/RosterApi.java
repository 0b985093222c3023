package kioskvote.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import kioskvote.roster.RosterCsv;
import kioskvote.roster.RosterRejected;
import kioskvote.roster.Turnout;

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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", report.added());
        out.put("badRows", report.badRows().stream().map(RosterApi::badRow).toList());
        out.put("turnout", turnout(roster.turnout()));
        ctx.json(out);
    }

    /** GET /api/admin/roster?q=…: people whose name has every word of q, diacritics ignored. */
    void search(Context ctx) {
        List<Person> people = roster.search(Optional.ofNullable(ctx.queryParam("q")).orElse(""));
        ctx.json(Map.of("people", people.stream().map(RosterApi::person).toList(), "turnout", turnout(roster.turnout())));
    }

    void person(Context ctx) {
        ctx.json(person(roster.person(ctx.pathParam("personId"))));
    }

    void setPresent(Context ctx) {
        PresentRequest request = JsonBody.read(ctx, PresentRequest.class);
        if (request.present() == null) throw BadRequest.missing("present");
        ctx.json(person(roster.setPresent(ctx.pathParam("personId"), request.present())));
    }

    /**
     * POST /api/admin/desk/hand-out: one ballot for one person for the meeting (SLIP, QR), or a kiosk ballot for
     * this poll (KIOSK with a kiosk name). KIOSK without a kiosk name checks the person in as a kiosk voter.
     */
    void handOut(Context ctx) {
        HandOutRequest request = readHandOut(ctx);
        if (kind(request) == HandOutKind.KIOSK && (request.kiosk() == null || request.kiosk().isBlank())) {
            Map<String, Object> out = new LinkedHashMap<>(person(desk.registerKioskVoter(request.personId())));
            out.put("kind", HandOutKind.KIOSK.name());
            out.put("registered", true);
            out.put("turnout", turnout(roster.turnout()));
            ctx.json(out);
            return;
        }
        HandOut handOut = kind(request) == HandOutKind.KIOSK
                ? handOff.send(request.personId(), request.pollId(), request.kiosk())
                : desk.handOut(request.personId(), request.pollId(), kind(request), Optional.empty());
        ctx.json(answer(handOut, request.kiosk()));
    }

    /** POST /api/admin/desk/replace: void the lost slip by its code, then hand out a new ballot. */
    void replace(Context ctx) {
        HandOutRequest request = readHandOut(ctx);
        String kiosk = kioskOf(request);
        if (request.code() == null) throw BadRequest.missing("code");
        HandOut handOut = desk.replace(request.personId(), request.pollId(), request.code(), kind(request),
                Optional.ofNullable(request.newCode()));
        ctx.json(answer(handOut, kiosk));
    }

    /** POST /api/admin/desk/undo {personId}: a printed slip's hand-out recorded by mistake, undone. */
    void undoHandOut(Context ctx) {
        HandOutRequest request = JsonBody.read(ctx, HandOutRequest.class);
        if (request.personId() == null) throw BadRequest.missing("personId");
        Person person = desk.undoHandOut(request.personId());
        ctx.json(Map.of("personId", person.id(), "undone", true));
    }

    /** GET /api/admin/desk/kiosks: the kiosks seen lately, and the ballots sent and not yet picked up (also across a restart). */
    void kiosks(Context ctx) {
        List<Map<String, String>> waiting = deliveries.kioskBallotsWaiting().stream()
                .map(w -> Map.of("kiosk", w.kiosk(), "pollId", w.pollId())).toList();
        ctx.json(Map.of("kiosks", kiosks.kiosksSeen(), "waiting", waiting));
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

    /**
     * QR: the slip to show once on the desk screen. KIOSK: the token went to the kiosk's session (KioskHandOff) and
     * is not in the answer. The roster keeps neither.
     */
    private Map<String, Object> answer(HandOut handOut, String kiosk) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", handOut.personId());
        out.put("pollId", handOut.pollId());
        out.put("kind", handOut.kind().name());
        out.put("replacement", handOut.replacement());
        if (handOut.kind() == HandOutKind.QR) {
            var slip = handOut.ballot().orElseThrow().slip();
            out.put("slip", Map.of("url", slip.url(), "shortCode", slip.shortCode(), "qrSvg", slip.qr().toSvg()));
        } else if (handOut.kind() == HandOutKind.KIOSK) {
            out.put("kiosk", kiosk);
        }
        out.put("turnout", turnout(roster.turnout()));
        return out;
    }

    static Map<String, Object> person(Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.fullName());
        out.put("unit", p.unit());
        out.put("present", p.present());
        out.put("holdsBallot", p.holdsBallot());
        out.put("ballotKind", p.ballotKind().map(Enum::name).orElse(null));
        return out;
    }

    private static Map<String, Object> badRow(RosterCsv.BadRow row) {
        return Map.of("line", row.line(), "problem", Map.of("vi", row.problemVi(), "en", row.problemEn()));
    }

    private static Map<String, Object> turnout(Turnout t) {
        return Map.of("summoned", t.summoned(), "present", t.present(), "fromRoster", t.fromRoster());
    }
}
