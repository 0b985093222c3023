package kioskvote.web;

import static kioskvote.web.Role.ANYONE;
import static kioskvote.web.Role.CHAIR;
import static kioskvote.web.Role.CHAIR_SCREEN;
import static kioskvote.web.Role.DESK_CLERK;
import static kioskvote.web.Role.KIOSK;
import static kioskvote.web.Role.ORGANISER;
import static kioskvote.web.Role.VOTER;

import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.util.AsyncExecutor;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import kioskvote.kiosk.KioskEnrolments;
import kioskvote.meeting.Meeting;

/** Every URL the station answers, who may call it, and its handler (errors become HTTP in ErrorResponses). */
public final class Routes {
    private Routes() {
    }

    /** The handlers, each built by App with exactly the services it uses. */
    public record Handlers(VoterApi voter, BallotPages ballotPages, KioskPages kiosk, ChairApi chair, ChairPage chairPage,
                           LiveFeed feed, AdminGuard guard, AdminPages adminPages, CountPages count, StaffPages staff, AdminApi admin, DeskPage desk,
                           RosterApi roster, KioskEnrolments kiosks, Meeting meeting, RecordPages records, PaperPages paper,
                           RosterPage rosterPage, RosterEditApi rosterEdit, MeetingApi meetingApi, MeetingEditorPage meetingPage,
                           RoomPage room, DeviceSealingApi deviceSealing) {
    }

    public static Javalin create(Handlers h) {
        return create(h, HttpsPage.NONE);
    }

    /** @param https the laptop's page about the station's HTTPS and the meeting CA's download (serve --staff-lan) */
    public static Javalin create(Handlers h, HttpsPage https) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Jetty's pooled buffers are zeroed when given back: a key card's page or the count's cards stay in none.
            config.jetty.modifyServer(server -> server.addBean(new WipingByteBufferPool()));
            HttpServerLimits.apply(config); // body size, rate and encoding, accept queue, connections per address (docs/api.md, "Limits")
            // 48 request threads, not Jetty's 250: casts are written one batch at a time anyway, live
            // screens do not hold a thread, and each idle thread's stack cost resident memory (bench/run).
            config.jetty.threadPool = new QueuedThreadPool(48, 8, 60_000);
            // Javalin sets up each screen joining the live feed on its async pool, which starts a thread per
            // screen joining at once and keeps it a minute (500 screens: 60 MB of stacks); two threads do.
            config.pvt.asyncExecutor = kotlin.LazyKt.lazy(() -> new AsyncExecutor(LiveFeed.joiningPool()));
            config.staticFiles.add(files -> { // kv.css and kv.js: no secret in them, so they may be cached
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
            });
        });
        var table = new RouteTable(app);
        table.refuseToStartWithARouteWithoutRole(app); // access refuses by default: every route below names its roles
        var access = new Access(h.guard(), h.kiosks(), table);
        app.beforeMatched(access::check); // the one access check: the roles below
        // Kiosk URLs are also gated by path, so an unenrolled browser gets 403 on unknown ones too and learns
        // nothing of which exist (the same check as the KIOSK role's).
        app.before("/kiosk/*", access::requireEnrolledKiosk);

        // everyone: the room's page (what the projector's audience QR code opens: the results the chair has shown,
        // the receipt look-up, the records) and liveness
        app.get("/", h.room()::show, ANYONE);
        app.get("/api/ping", ctx -> ctx.result("ok"), ANYONE); // the benchmark's HTTP ceiling (bench/)
        app.get("/meeting-ca.crt", https::certificate, ANYONE); // public: a staff device installs it after comparing its fingerprint

        // voter's phone (pages and API; the slip's token is the credential)
        app.get("/V", h.ballotPages()::entry, VOTER);                     // the slip's QR code, /V#SECRET (upper case: compact QR)
        app.get("/v", h.ballotPages()::entry, VOTER);
        app.get("/V/{token}", h.ballotPages()::ballot, VOTER);            // {token}: the slip's public key (public/slip.js)
        app.get("/v/{token}", h.ballotPages()::ballot, VOTER);
        app.post("/v/{token}/review", h.ballotPages()::review, VOTER);
        app.post("/v/{token}/change", h.ballotPages()::change, VOTER);
        app.post("/v/{token}/cast", h.ballotPages()::cast, VOTER);
        app.get("/receipt/{code}", h.ballotPages()::receipt, VOTER);
        app.get("/api/meeting", h.voter()::meeting, VOTER);
        app.post("/api/polls/{pollId}/token-check", h.voter()::checkToken, VOTER);
        app.post("/api/polls/{pollId}/ballots", h.voter()::cast, VOTER);
        app.get("/api/polls/{pollId}/box", h.deviceSealing()::box, VOTER);               // what a page seals to (docs/api.md)
        app.post("/api/polls/{pollId}/sealed-ballots", h.deviceSealing()::cast, VOTER);  // a ballot sealed on the device

        // tablet kiosk in a booth (only a browser enrolled as that kiosk; then the slip, its short code,
        // a photo of it, or the desk unlocks one ballot)
        app.get("/kiosk/{name}", h.kiosk()::welcome, KIOSK);
        app.post("/kiosk/{name}/start", h.kiosk()::start, KIOSK);         // a scanned token / slip URL, or the short code typed
        app.post("/kiosk/{name}/photo", h.kiosk()::photo, KIOSK);         // a photo of the slip, QR read on the station
        app.post("/kiosk/{name}/desk", h.kiosk()::fromDesk, KIOSK);       // the ballot the desk sent to this kiosk, once
        app.post("/kiosk/{name}/review", h.kiosk()::review, KIOSK);
        app.post("/kiosk/{name}/change", h.kiosk()::change, KIOSK);
        app.post("/kiosk/{name}/cast", h.kiosk()::cast, KIOSK);
        app.post("/kiosk/{name}/sealed-cast", h.kiosk()::sealedCast, KIOSK); // a sealed poll's ballot, sealed in the page
        app.post("/kiosk/{name}/abandon", h.kiosk()::abandon, KIOSK);     // idle timeout mid-ballot
        app.post("/kiosk/{name}/enrol", ctx -> KioskEnrolment.enrol(ctx, h.kiosks()), ANYONE); // code=the one-time code from the laptop

        // chair's screen and anyone in the room (read-only; results only after the close)
        app.get("/chair", h.chairPage()::show, CHAIR_SCREEN);
        app.get("/api/polls", h.chair()::polls, CHAIR_SCREEN);
        app.get("/api/polls/{pollId}", h.chair()::poll, CHAIR_SCREEN);
        app.get("/api/polls/{pollId}/results", h.chair()::results, CHAIR_SCREEN);
        app.get("/api/polls/{pollId}/receipts", h.chair()::receipts, CHAIR_SCREEN);
        app.get("/api/polls/{pollId}/ballots", h.chair()::ballots, CHAIR_SCREEN);
        app.get("/api/ballot-page", h.chair()::ballotPage, CHAIR_SCREEN);   // the pinned ballot page's scripts and each poll's committed hash
        app.sse("/api/live", h.feed()::join, CHAIR_SCREEN);

        // the election record, for anyone: a receipt code looked up, and each closed poll's signed record (docs/record.md)
        app.get("/receipts", h.records()::receipts, ANYONE);                   // ?code=XXXX-XXXX
        app.get("/api/polls/{pollId}/record", h.records()::download, ANYONE);  // record-POLL.zip, for kioskvote verify

        // admin pages (session cookie from the sign-in form)
        app.get("/admin", h.adminPages()::home, ANYONE);                   // sign-in form, or the dashboard with a session
        app.post("/admin", h.adminPages()::signIn, ANYONE);
        app.post("/admin/logout", h.adminPages()::signOut, DESK_CLERK, CHAIR, ORGANISER);
        app.post("/admin/present", h.adminPages()::setPresent, CHAIR, ORGANISER);
        app.post("/admin/polls/{pollId}/open", h.adminPages()::open, CHAIR, ORGANISER);
        app.post("/admin/polls/{pollId}/cards/next", h.adminPages()::nextCard, CHAIR, ORGANISER); // dealt=i: the next key card, one per screen
        app.post("/admin/polls/{pollId}/close", h.adminPages()::close, CHAIR, ORGANISER);
        app.get("/admin/polls/{pollId}/count", h.count()::countForm, CHAIR, ORGANISER);  // a field per committee card needed
        app.post("/admin/polls/{pollId}/count", h.count()::count, CHAIR, ORGANISER);    // opens the sealed box and counts, or says what is wrong
        app.post("/admin/polls/{pollId}/next-round", h.adminPages()::nextRound, CHAIR, ORGANISER); // a closed election's next round
        app.get("/admin/polls/{pollId}/paper-form", h.paper()::form, CHAIR, ORGANISER);  // the printable paper ballot
        app.get("/admin/polls/{pollId}/paper", h.paper()::show, CHAIR, ORGANISER);       // tellers' double entry of paper ballots
        app.post("/admin/polls/{pollId}/paper", h.paper()::enter, CHAIR, ORGANISER);
        app.post("/admin/polls/{pollId}/show-results", h.adminPages()::showResults, CHAIR, ORGANISER); // on the projector
        app.get("/admin/meeting", h.meetingPage()::show, ORGANISER);                        // the meeting editor: ?edit=POLL or ?new=KIND opens a poll form
        app.post("/admin/meeting/details", h.meetingPage()::details, ORGANISER);
        app.post("/admin/meeting/committee", h.meetingPage()::committee, ORGANISER);         // action: save, up-N, down-N, remove-N
        app.post("/admin/meeting/polls", h.meetingPage()::addPoll, ORGANISER);
        app.post("/admin/meeting/polls/{pollId}", h.meetingPage()::replacePoll, ORGANISER);
        app.post("/admin/meeting/polls/{pollId}/delete", h.meetingPage()::deletePoll, ORGANISER);
        app.post("/admin/meeting/polls/{pollId}/move", h.meetingPage()::movePoll, ORGANISER);  // direction: up or down
        app.post("/admin/slips", h.adminPages()::issueSlips, ORGANISER);   // answers the printable slip sheet
        app.post("/admin/slips/void", h.adminPages()::voidSlip, ORGANISER);
        app.get("/admin/https", https::show, DESK_CLERK, CHAIR, ORGANISER);   // the meeting CA's fingerprint and how to install it
        app.get("/admin/desk", h.desk()::show, DESK_CLERK, ORGANISER);     // check-in desk (desk.js → /api/admin/…)
        app.get("/admin/desk/people", h.desk()::people, DESK_CLERK, ORGANISER); // the desk's search results, as a fragment
        app.post("/admin/kiosks/code", ctx -> KioskEnrolment.showCode(ctx, h.kiosks()), ORGANISER); // a one-time code to type on the tablet
        app.post("/admin/kiosks/enrol", h.desk()::enrolKiosk, ORGANISER);  // this browser becomes the kiosk (--staff-lan only, from a tablet)
        app.post("/admin/kiosks/withdraw", h.desk()::withdrawKiosk, ORGANISER);  // a lost tablet: its cookie opens nothing
        app.get("/admin/roster", h.rosterPage()::show, ORGANISER);                          // the roster: search, add, correct, remove
        app.post("/admin/roster/people", h.rosterPage()::add, ORGANISER);                   // before /{personId}: a literal wins
        app.post("/admin/roster/{personId}", h.rosterPage()::correct, ORGANISER);
        app.post("/admin/roster/{personId}/remove", h.rosterPage()::remove, ORGANISER);     // only before they hold a ballot
        app.post("/admin/roster/{personId}/absent", h.rosterPage()::markAbsent, ORGANISER); // check-in undone (no ballot), to remove
        app.post("/admin/staff/{role}", h.staff()::setStaffSecret, ORGANISER);           // role: chair or desk_clerk
        app.post("/admin/staff/{role}/remove", h.staff()::removeStaffSecret, ORGANISER);  // its sessions end

        // admin API (passphrase as a Bearer header, or the admin pages' session cookie)
        app.post("/api/admin/present", h.admin()::setPresent, CHAIR, ORGANISER);
        app.post("/api/admin/polls/{pollId}/open", h.admin()::open, CHAIR, ORGANISER);
        app.post("/api/admin/polls/{pollId}/cards/{index}", h.admin()::dealCard, CHAIR, ORGANISER); // one key card, once: its member's
        app.post("/api/admin/polls/{pollId}/close", h.admin()::close, CHAIR, ORGANISER);
        app.post("/api/admin/polls/{pollId}/unseal", h.admin()::unseal, CHAIR, ORGANISER);  // {"shares": [k codes]}: opens the sealed box, counts
        app.post("/api/admin/polls/{pollId}/next-round", h.admin()::nextRound, CHAIR, ORGANISER);
        app.post("/api/admin/polls/{pollId}/paper-batches", h.paper()::enterJson, CHAIR, ORGANISER); // one teller's entry of a batch
        app.post("/api/admin/polls/{pollId}/show-results", h.admin()::showResults, CHAIR, ORGANISER);
        app.get("/api/admin/polls/{pollId}/minutes.json", h.admin()::minutesJson, CHAIR, ORGANISER);
        app.get("/api/admin/polls/{pollId}/minutes.csv", h.admin()::minutesCsv, CHAIR, ORGANISER);
        app.get("/api/admin/polls/{pollId}/minutes", h.admin()::minutesPage, CHAIR, ORGANISER);
        // the meeting editor (docs/api.md, "The meeting editor"): bodies in meeting.yaml's keys, checked by the loader's rules
        app.get("/api/admin/meeting", h.meetingApi()::meeting, ORGANISER);
        app.get("/api/admin/meeting.yaml", h.meetingApi()::exportYaml, ORGANISER);       // starts an identical meeting on a fresh station
        app.post("/api/admin/meeting/details", h.meetingApi()::details, ORGANISER);      // meeting.yaml's meeting: keys but id
        app.post("/api/admin/meeting/committee", h.meetingApi()::committee, ORGANISER);  // {"committee": [{name, role}], "seal": {"threshold": k}}
        app.post("/api/admin/polls", h.meetingApi()::addPoll, ORGANISER);                // one poll entry of meeting.yaml; 201 {"id": …}
        app.post("/api/admin/polls/order", h.meetingApi()::reorder, ORGANISER);          // {"ids": [every poll once]} (before the next route)
        app.post("/api/admin/polls/{pollId}", h.meetingApi()::replacePoll, ORGANISER);   // a draft replaced by this entry
        app.post("/api/admin/polls/{pollId}/delete", h.meetingApi()::deletePoll, ORGANISER); // a draft nothing was stored for
        app.post("/api/admin/slips", h.admin()::issueSlips, ORGANISER);
        app.get("/api/admin/slips", h.admin()::batches, ORGANISER);
        app.post("/api/admin/slips/void", h.admin()::voidSlip, ORGANISER);
        app.post("/api/admin/slips/void-run", h.admin()::voidRun, ORGANISER);
        app.post("/api/admin/staff/{role}", h.admin()::setStaffSecret, ORGANISER);            // {"secret": "…"}; role: chair or desk_clerk
        app.post("/api/admin/staff/{role}/remove", h.admin()::removeStaffSecret, ORGANISER);
        app.post("/api/admin/roster/import", h.roster()::importCsv, ORGANISER);       // body: the CSV file (UTF-8, BOM or not)
        app.post("/api/admin/roster/people", h.rosterEdit()::add, ORGANISER);          // {"name", "unit"}: 201, one person as a CSV row
        app.post("/api/admin/roster/{personId}", h.rosterEdit()::correct, ORGANISER);   // {"name"?, "unit"?}: also after a hand-out
        app.post("/api/admin/roster/{personId}/remove", h.rosterEdit()::remove, ORGANISER); // 409 once they hold a ballot or while present
        app.get("/api/admin/roster", h.roster()::search, DESK_CLERK, ORGANISER);        // ?q=nguyen van an (diacritics ignored)
        app.get("/api/admin/roster/{personId}", h.roster()::person, DESK_CLERK, ORGANISER);
        app.post("/api/admin/roster/{personId}/present", h.roster()::setPresent, DESK_CLERK, ORGANISER);
        app.post("/api/admin/desk/hand-out", h.roster()::handOut, DESK_CLERK, ORGANISER); // one ballot per person for the meeting: SLIP, QR; KIOSK (per poll)
        app.post("/api/admin/desk/replace", h.roster()::replace, DESK_CLERK, ORGANISER);  // lost slip: void by its code; the new one spent where it voted
        app.post("/api/admin/desk/undo", h.roster()::undoHandOut, DESK_CLERK, ORGANISER);   // a printed slip recorded by mistake
        app.get("/api/admin/desk/kiosks", h.roster()::kiosks, DESK_CLERK, ORGANISER);

        ErrorResponses.map(app);
        return app;
    }
}
