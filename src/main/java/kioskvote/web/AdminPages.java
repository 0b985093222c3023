package kioskvote.web;

import java.util.HashMap;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import kioskvote.ballot.BallotRejected;
import kioskvote.slip.SlipOffice.IssuedRun;
import kioskvote.token.ShortCode;

/**
 * The admin pages behind the passphrase: presence, opening and closing polls, slips, minutes.
 * Each action is a plain form post answered by a redirect back to /admin (POST-redirect-GET).
 */
final class AdminPages {
    private final Station station;
    private final AdminGuard guard;

    AdminPages(Station station, AdminGuard guard) {
        this.station = station;
        this.guard = guard;
    }

    /** GET /admin: the dashboard when signed in, else the login form. */
    void home(Context ctx) {
        PageText t = PageText.of(ctx);
        if (!guard.hasSession(ctx)) {
            loginForm(ctx, t, "");
            return;
        }
        String done = ctx.queryParam("done");
        String notice = done == null ? "" : switch (done) {
            case "present" -> t.get("admin.presentSaved");
            case "opened" -> t.get("admin.opened");
            case "closed" -> t.get("admin.closed");
            case "voided" -> t.format("admin.voided", ShortCode.normalize(ctx.queryParam("code")).orElse(""));
            default -> "";
        };
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", station.meeting());
        params.put("polls", station.desk().statuses());
        params.put("batches", station.slips().batches());
        params.put("turnout", station.roster().turnout()); // with a roster, presence is marked at the desk, not typed here
        params.put("notice", notice);
        params.put("langSwitch", "?lang=" + t.otherLang());
        Pages.render(ctx, "admin.jte", params);
    }

    /** POST /admin: the login form. */
    void signIn(Context ctx) {
        try {
            guard.signIn(ctx, ctx.formParam("passphrase"));
        } catch (BadRequest e) {
            PageText t = PageText.of(ctx);
            ctx.status(e.error().status());
            loginForm(ctx, t, t.message(e.error()));
            return;
        }
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        guard.signOut(ctx);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void setPresent(Context ctx) {
        station.desk().setPresent(number(ctx.formParam("present"), BallotRejected.Code.BAD_COUNT));
        ctx.redirect("/admin?done=present", HttpStatus.SEE_OTHER);
    }

    void open(Context ctx) {
        station.desk().open(ctx.pathParam("pollId"), "yes".equals(ctx.formParam("confirmBelowQuorum")));
        ctx.redirect("/admin?done=opened", HttpStatus.SEE_OTHER);
    }

    void close(Context ctx) {
        station.desk().close(ctx.pathParam("pollId"));
        ctx.redirect("/admin?done=closed", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/slips: the printable slip sheet itself (the form opens it in a new tab). */
    void issueSlips(Context ctx) throws java.io.IOException {
        int count = number(ctx.formParam("count"), BallotRejected.Code.BAD_SLIP_COUNT);
        IssuedRun run = station.slips().issue(count, ctx.formParam("label"), station.publicBaseUrl());
        Pages.noStore(ctx);
        AdminApi.sendSheet(ctx, station, run);
    }

    void voidSlip(Context ctx) {
        String code = ctx.formParam("code");
        station.slips().voidSlip(code);
        ctx.redirect("/admin?done=voided&code=" + ShortCode.normalize(code).orElse(""), HttpStatus.SEE_OTHER);
    }

    private void loginForm(Context ctx, PageText t, String error) {
        Pages.render(ctx, "admin-login.jte", Map.of("t", t, "meeting", station.meeting(), "error", error,
                "langSwitch", "?lang=" + t.otherLang()));
    }

    private static int number(String text, BallotRejected.Code refusal) {
        String digits = text == null ? "" : text.strip();
        // ASCII digits only: Integer.parseInt also reads other scripts' digits ("٣" is 3)
        if (!digits.matches("[0-9]{1,9}")) throw new BallotRejected(refusal);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BallotRejected(refusal);
        }
    }
}
