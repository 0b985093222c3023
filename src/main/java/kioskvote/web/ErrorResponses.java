package kioskvote.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kioskvote.store.StorageFull;
import kioskvote.text.Refused;

/** The one place errors become HTTP: a refusal's code through ErrorCatalog, database trouble as 503, the rest 500. */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void map(Javalin app) {
        // every feature's refusal type (TokenRejected, BallotRejected, PollRejected, SlipRejected, RosterRejected,
        // KioskRejected, AccessRefused, ShareRefused, BadRequest) is a Refused: a code, mapped to status and words in ErrorCatalog
        app.exception(Refused.class, (e, ctx) -> respond(ctx, ErrorCatalog.of(e)));
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
            respond(ctx, ErrorCatalog.internalError());
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) respond(ctx, ErrorCatalog.notFound());
        });
        app.error(413, ctx -> respond(ctx, ErrorCatalog.of(BadRequest.tooLarge())));
    }

    /**
     * Lock timeouts and lost connections: the ballot was not committed, so the voter may simply retry.
     * SQLStates: 08 connection exception (both databases; PostgreSQL stopped or unreachable), 40 rollback
     * (serialization, deadlock), HYT00 H2's lock timeout, 57P01-57P03 PostgreSQL shutting down or starting
     * up, 53 PostgreSQL out of resources (too many connections). The pool's own timeout is an
     * SQLTransientConnectionException. The PostgreSQL outage test is the evidence. H2's own file failing (a full
     * disk despite the reserve DurableStorage keeps, an I/O error) is answered the same way, never 500.
     */
    static boolean isDatabaseTrouble(Throwable e) {
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
