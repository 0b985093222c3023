package kioskvote.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.admin.StaffRole;
import kioskvote.kiosk.KioskBooth;
import kioskvote.kiosk.KioskDeliveries;
import kioskvote.kiosk.KioskEnrolments;
import kioskvote.kiosk.KioskSessions;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.PollState;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollStatus;
import kioskvote.roster.Person;
import kioskvote.roster.Roster;

/**
 * The check-in desk (/admin/desk, behind the admin session): search the roster, mark people present,
 * hand out one ballot each. The page is a shell; desk.js calls the admin JSON API for every action and
 * reloads the list of people as a fragment rendered here, so the words live in the templates.
 */
public final class DeskPage {
    private final Meeting meeting;
    private final PollStatuses polls;
    private final Roster roster;
    private final KioskDeliveries deliveries;
    private final KioskEnrolments kiosks;
    private final KioskBooth booth;
    private final AdminGuard guard;

    public DeskPage(Meeting meeting, PollStatuses polls, Roster roster, KioskDeliveries deliveries, KioskEnrolments kiosks, KioskBooth booth, AdminGuard guard) {
        this.meeting = meeting;
        this.polls = polls;
        this.roster = roster;
        this.deliveries = deliveries;
        this.kiosks = kiosks;
        this.booth = booth;
        this.guard = guard;
    }

    /** GET /admin/desk */
    void show(Context ctx) {
        PageText t = PageText.of(ctx);
        List<PollStatus> notClosed = polls.statuses().stream().filter(s -> s.state() != PollState.CLOSED).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        params.put("polls", notClosed);
        boolean organiser = guard.session(ctx).orElseThrow() == StaffRole.ORGANISER;
        params.put("organiser", organiser); // enrolment, withdrawal and import are the organiser's
        params.put("enrolled", organiser ? kiosks.enrolled() : List.of());
        params.put("waitingAt", deliveries.kioskBallotsWaiting().stream().map(KioskDeliveries.WaitingKioskBallot::kiosk).distinct().toList());
        params.put("withdrawn", Optional.ofNullable(ctx.queryParam("withdrawn")).filter(n -> n.matches("[a-z0-9][a-z0-9-]{0,31}")).orElse(""));
        params.put("langSwitch", "?lang=" + t.otherLang());
        Pages.render(ctx, "desk.jte", params);
    }

    /** GET /admin/desk/people?q=…&poll=…: the people found, with what the desk may do for each. */
    void people(Context ctx) {
        PageText t = PageText.of(ctx);
        String pollId = Optional.ofNullable(ctx.queryParam("poll")).orElse("");
        List<Person> people = roster.search(Optional.ofNullable(ctx.queryParam("q")).orElse(""));
        Optional<PollStatus> poll = polls.statuses().stream().filter(s -> s.pollId().equals(pollId)).findFirst();
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("people", people);
        params.put("pollId", pollId);
        params.put("turnout", poll.orElse(null));
        Pages.render(ctx, "desk-people.jte", params);
    }

    /**
     * POST /admin/kiosks/enrol (name=phong-1), made on the tablet itself: the browser is signed out of admin (a
     * voter at the kiosk must not find an admin session) and sent to the kiosk's page with a one-time enrolment
     * code in the URL's fragment, which the browser never sends: that page makes the tablet's key pair and
     * enrols with the code and the key (public/kiosk-key.js), as a code typed from the laptop does.
     */
    void enrolKiosk(Context ctx) {
        String kiosk = KioskSessions.requireName(Optional.ofNullable(ctx.formParam("name")).map(String::strip).orElse(null));
        String code = kiosks.enrolmentCodes().issue(kiosk);
        guard.signOut(ctx);
        ctx.redirect("/kiosk/" + kiosk + "#enrol=" + code.replace(' ', '-'), HttpStatus.SEE_OTHER);
    }

    /**
     * POST /admin/kiosks/withdraw (name=phong-1): the organiser shuts a lost tablet out. Its cookie opens
     * nothing from now on, and the ballots the desk sent it are voided and may be sent again elsewhere.
     */
    void withdrawKiosk(Context ctx) {
        String kiosk = KioskSessions.requireName(Optional.ofNullable(ctx.formParam("name")).map(String::strip).orElse(null));
        booth.withdraw(kiosk);
        ctx.redirect("/admin/desk?withdrawn=" + kiosk + "#kiosk-enrol", HttpStatus.SEE_OTHER);
    }
}
