package kioskvote.web;

import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.QuorumNotMet;
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
        var guard = new AdminGuard(station);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
        });

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

        // admin (passphrase)
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

        mapErrors(app);
        return app;
    }

    private static void mapErrors(Javalin app) {
        app.exception(TokenRejected.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(BallotRejected.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(QuorumNotMet.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
        app.exception(BadRequest.class, (e, ctx) -> respond(ctx, e.error()));
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

    /** Lock timeouts and lost connections: the ballot was not committed, so the voter may simply retry. */
    private static boolean isDatabaseTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("HYT00") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    static void respond(Context ctx, ApiError error) {
        ctx.status(error.status()).json(error.body());
    }
}
