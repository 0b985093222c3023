package kioskvote.web;

import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.Context;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.QuorumNotMet;
import kioskvote.roster.RosterRejected;
import kioskvote.store.StorageFull;
import kioskvote.token.TokenRejected;

/** Every URL the station answers, who may call it, and its handler; and the one place errors become HTTP. */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {
    }

    public static Javalin create(Station station) {
        var voter = new VoterApi(station);
        var chair = new ChairApi(station);
        var admin = new AdminApi(station);
        var guard = new AdminGuard(station, new AdminSessions(station.random(), Clock.systemUTC()));
        var ballotPages = new BallotPages(station);
        var chairPage = new ChairPage(station);
        var adminPages = new AdminPages(station, guard);
        var roster = new RosterApi(station);
        var kiosk = new KioskPages(station);
        var deskPage = new DeskPage(station, guard);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            HttpServerLimits.apply(config); // body size, rate and encoding, accept queue, connections per address (issue 11)
            // 48 request threads, not Jetty's 250: casts are written one batch at a time anyway, live
            // screens do not hold a thread, and each idle thread's stack cost resident memory (bench/run).
            config.jetty.threadPool = new QueuedThreadPool(48, 8, 60_000);
            config.staticFiles.add(files -> { // kv.css and kv.js: no secret in them, so they may be cached
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
            });
        });

        // voter's phone (pages; the slip's token in the URL is the credential)
        app.get("/V/{token}", ballotPages::ballot);            // the slip's QR code (upper case: compact QR)
        app.get("/v/{token}", ballotPages::ballot);
        app.post("/v/{token}/review", ballotPages::review);
        app.post("/v/{token}/change", ballotPages::change);
        app.post("/v/{token}/cast", ballotPages::cast);
        app.get("/receipt/{code}", ballotPages::receipt);

        // tablet kiosk in a booth (pages; only a browser enrolled as that kiosk, by its HttpOnly cookie;
        // then the slip, its short code, a photo of it, or the desk unlocks one ballot)
        app.before("/kiosk/*", kiosk::requireEnrolled);        // 403 kiosk_not_enrolled without the enrolment cookie
        app.get("/kiosk/{name}", kiosk::welcome);
        app.post("/kiosk/{name}/start", kiosk::start);         // a scanned token / slip URL, or the short code typed
        app.post("/kiosk/{name}/photo", kiosk::photo);         // a photo of the slip, QR read on the station
        app.post("/kiosk/{name}/desk", kiosk::fromDesk);       // the ballot the desk sent to this kiosk, once
        app.post("/kiosk/{name}/review", kiosk::review);
        app.post("/kiosk/{name}/change", kiosk::change);
        app.post("/kiosk/{name}/cast", kiosk::cast);
        app.post("/kiosk/{name}/abandon", kiosk::abandon);     // idle timeout mid-ballot

        // chair's screen (page; no login, turnout only until the close)
        app.get("/", ctx -> Pages.home(ctx, station.meeting()));  // what the terminal's QR code opens
        app.get("/chair", chairPage::show);

        // admin pages (session cookie from the login form)
        app.get("/admin", adminPages::home);                  // login form or dashboard
        app.post("/admin", adminPages::signIn);
        app.before("/admin/*", guard::requireSession);
        app.post("/admin/logout", adminPages::signOut);
        app.post("/admin/present", adminPages::setPresent);
        app.post("/admin/polls/{pollId}/open", adminPages::open);
        app.post("/admin/polls/{pollId}/close", adminPages::close);
        app.post("/admin/slips", adminPages::issueSlips);     // answers the printable slip sheet
        app.post("/admin/slips/void", adminPages::voidSlip);
        app.get("/admin/desk", deskPage::show);               // check-in desk: search, present, hand out (desk.js → /api/admin/…)
        app.get("/admin/desk/people", deskPage::people);      // the desk's search results, as a fragment
        app.post("/admin/kiosks/enrol", deskPage::enrolKiosk); // this browser becomes kiosk NAME (cookie), signed out of admin

        // voter (no login: the token is the credential)
        app.get("/api/ping", ctx -> ctx.result("ok")); // liveness; the benchmark's HTTP ceiling (bench/)
        app.get("/api/meeting", voter::meeting);
        app.post("/api/polls/{pollId}/token-check", voter::checkToken);
        app.post("/api/polls/{pollId}/ballots", voter::cast);

        // chair and anyone in the room (read-only; results only after the close)
        app.get("/api/polls", chair::polls);
        app.get("/api/polls/{pollId}", chair::poll);
        app.get("/api/polls/{pollId}/results", chair::results);
        app.get("/api/polls/{pollId}/receipts", chair::receipts);
        app.get("/api/polls/{pollId}/ballots", chair::ballots);
        app.sse("/api/live", station.feed()::join);

        // admin API (passphrase, or the admin pages' session cookie)
        app.before("/api/admin/*", guard::require);
        app.post("/api/admin/present", admin::setPresent);
        app.post("/api/admin/polls/{pollId}/open", admin::open);
        app.post("/api/admin/polls/{pollId}/close", admin::close);
        app.post("/api/admin/slips", admin::issueSlips);
        app.get("/api/admin/slips", admin::batches);
        app.post("/api/admin/slips/void", admin::voidSlip);
        app.post("/api/admin/slips/void-run", admin::voidRun);
        app.get("/api/admin/polls/{pollId}/minutes.json", admin::minutesJson);
        app.get("/api/admin/polls/{pollId}/minutes.csv", admin::minutesCsv);
        app.get("/api/admin/polls/{pollId}/minutes", admin::minutesPage);
        app.post("/api/admin/roster/import", roster::importCsv);        // body: the CSV file (UTF-8, BOM or not)
        app.get("/api/admin/roster", roster::search);                   // ?q=nguyen van an (diacritics ignored)
        app.get("/api/admin/roster/{personId}", roster::person);
        app.post("/api/admin/roster/{personId}/present", roster::setPresent);
        app.post("/api/admin/desk/hand-out", roster::handOut);          // one ballot per person per poll: SLIP, QR or KIOSK
        app.post("/api/admin/desk/replace", roster::replace);           // lost slip: void by its code, hand out again
        app.get("/api/admin/desk/kiosks", roster::kiosks);

        mapErrors(app);
        return app;
    }

    private static void mapErrors(Javalin app) {
        app.exception(TokenRejected.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(BallotRejected.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(QuorumNotMet.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(RosterRejected.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(BadRequest.class, (e, ctx) -> respond(ctx, e.error()));
        app.exception(StorageFull.class, (e, ctx) -> {
            LOG.warn("cast refused, disk full: {}", e.getMessage());
            respond(ctx, ErrorCatalog.diskFull());
        });
        app.exception(ConnectionException.class, (e, ctx) -> {
            LOG.warn("database unreachable: {}", e.getMessage());
            respond(ctx, ErrorCatalog.unavailable());
        });
        app.exception(Exception.class, (e, ctx) -> {
            if (isDatabaseTrouble(e)) {
                LOG.warn("database trouble, answered 503: {}", e.toString());
                respond(ctx, ErrorCatalog.unavailable());
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.matchedPath(), e);
            respond(ctx, new ApiError(500, "internal_error", "Lỗi hệ thống; thao tác chưa được thực hiện.",
                    "Internal error; nothing was done."));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) respond(ctx, ErrorCatalog.notFound());
        });
        app.error(413, ctx -> respond(ctx, BadRequest.tooLarge().error()));
    }

    /**
     * Lock timeouts and lost connections: the ballot was not committed, so the voter may simply retry.
     * SQLStates: 08 connection exception (both databases; PostgreSQL stopped or unreachable), 40 rollback
     * (serialization, deadlock), HYT00 H2's lock timeout, 57P01-57P03 PostgreSQL shutting down or starting
     * up, 53 PostgreSQL out of resources (too many connections). The pool's own timeout is an
     * SQLTransientConnectionException. The PostgreSQL outage test is the evidence. H2's own file failing (a full
     * disk despite the reserve DurableStorage keeps, an I/O error) is answered the same way, never 500.
     */
    private static boolean isDatabaseTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) return true;
            if (t instanceof org.h2.mvstore.MVStoreException || t instanceof java.io.IOException) return true; // H2's file: a failed write
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // H2: 90098 database closed (after a failed write), 90100 no disk space, 90028/90031 I/O error, 90121 shutting down
                if (java.util.Set.of("90098", "90100", "90028", "90031", "90121").contains(state)) return true;
                if (state.startsWith("08") || state.equals("HYT00") || state.startsWith("40") || state.startsWith("57P")
                        || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** JSON for the API, a full page for people. */
    static void respond(Context ctx, ApiError error) {
        if (error.status() == 503) ctx.header("Retry-After", error.code().equals("disk_full") ? "30" : "2");
        if (ctx.path().startsWith("/api/")) {
            ctx.status(error.status()).json(error.body());
        } else {
            Pages.error(ctx, error);
        }
    }
}
