package kioskvote.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.admin.AccessRefused;
import kioskvote.admin.StaffCredentials;
import kioskvote.admin.StaffRole;
import kioskvote.meeting.Meeting;
import kioskvote.poll.OpenedPoll;
import kioskvote.poll.PollLifecycle;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollRejected;
import kioskvote.roster.Roster;
import kioskvote.slip.SlipOffice.IssuedRun;
import kioskvote.slip.SlipOffice;
import kioskvote.slip.SlipRejected;
import kioskvote.token.ShortCode;

/**
 * The admin pages behind the passphrase: presence, opening and closing polls, slips, minutes.
 * Each action is a plain form post answered by a redirect back to /admin (POST-redirect-GET).
 */
public final class AdminPages {
    private final Meeting meeting;
    private final PollLifecycle polls;
    private final PollStatuses pollStatuses;
    private final SlipOffice slips;
    private final Roster roster;
    private final AdminGuard guard;
    private final StaffCredentials staff;
    private final String publicBaseUrl;
    private final String keyFingerprint;
    private final CardDealing dealing;

    public AdminPages(Meeting meeting, PollLifecycle polls, PollStatuses pollStatuses, SlipOffice slips, Roster roster, AdminGuard guard,
                      StaffCredentials staff, String publicBaseUrl, String keyFingerprint, CardDealing dealing) {
        this.dealing = dealing;
        this.meeting = meeting;
        this.polls = polls;
        this.pollStatuses = pollStatuses;
        this.slips = slips;
        this.roster = roster;
        this.guard = guard;
        this.staff = staff;
        this.publicBaseUrl = publicBaseUrl;
        this.keyFingerprint = keyFingerprint;
    }

    /** GET /admin: the dashboard when signed in, else the login form. */
    void home(Context ctx) {
        PageText t = PageText.of(ctx);
        Optional<StaffRole> role = guard.session(ctx);
        if (role.isEmpty()) {
            loginForm(ctx, t, "");
            return;
        }
        String done = ctx.queryParam("done");
        String notice = done == null ? "" : switch (done) {
            case "present" -> t.get("admin.presentSaved");
            case "opened" -> t.get("admin.opened");
            case "cards-dealt" -> t.get("admin.cardsDealt");
            case "closed" -> t.get("admin.closed");
            case "counted" -> t.format("admin.counted", number(ctx.queryParam("n"), () -> new PollRejected(PollRejected.Code.BAD_COUNT)))
                    + ("no".equals(ctx.queryParam("erased")) ? " " + t.get("admin.storageKeyKept") : "");
            case "next-round" -> t.get("admin.nextRoundAdded");
            case "shown" -> t.get("admin.resultsShown");
            case "voided" -> t.format("admin.voided", ShortCode.normalize(ctx.queryParam("code")).orElse(""));
            case "staff-set" -> t.get("admin.staffSaved");
            case "staff-removed" -> t.get("admin.staffRemoved");
            default -> "";
        };
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        var statuses = pollStatuses.statuses();
        params.put("polls", statuses);
        Map<String, kioskvote.tally.Minutes.RecordAnchor> anchors = new HashMap<>();
        statuses.forEach(p -> pollStatuses.recordAnchor(p.pollId()).ifPresent(a -> anchors.put(p.pollId(), a)));
        params.put("anchors", anchors); // the commitment of each opened poll, and the record's head once closed (docs/record.md)
        params.put("batches", slips.batches());
        params.put("turnout", roster.turnout()); // with a roster, presence is marked at the desk, not typed here
        params.put("notice", notice);
        params.put("slipAddress", publicBaseUrl);
        params.put("slipAddressUnreachable", LanAddresses.unreachableFromPhones(publicBaseUrl));
        params.put("role", role.get().name().toLowerCase(Locale.ROOT));
        params.put("staffSet", role.get() == StaffRole.ORGANISER ? staff.configured() : Set.of());
        params.put("langSwitch", "?lang=" + t.otherLang());
        Pages.render(ctx, "admin.jte", params);
    }

    /** POST /admin: the login form. */
    void signIn(Context ctx) {
        StaffRole role;
        try {
            role = guard.signIn(ctx, ctx.formParam("passphrase"));
        } catch (AccessRefused e) {
            PageText t = PageText.of(ctx);
            ApiError error = ErrorCatalog.of(e);
            ctx.status(error.status());
            loginForm(ctx, t, t.message(error));
            return;
        }
        ctx.redirect(role == StaffRole.DESK_CLERK ? "/admin/desk" : "/admin", HttpStatus.SEE_OTHER); // the clerk's page is the desk
    }

    void signOut(Context ctx) {
        guard.signOut(ctx);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void setPresent(Context ctx) {
        polls.setPresent(number(ctx.formParam("present"), () -> new PollRejected(PollRejected.Code.BAD_COUNT)));
        ctx.redirect("/admin?done=present", HttpStatus.SEE_OTHER);
    }

    /**
     * Opens the poll. A sealed poll answers with the printable page of the committee's first key card, shown
     * to its member alone (no-store; the station wipes each card once dealt); an unsealed one goes back to the dashboard.
     */
    void open(Context ctx) {
        OpenedPoll opened = polls.open(ctx.pathParam("pollId"), "yes".equals(ctx.formParam("confirmBelowQuorum")));
        if (opened.shares().isEmpty()) {
            ctx.redirect("/admin?done=opened", HttpStatus.SEE_OTHER);
            return;
        }
        showCard(ctx, dealing.start(opened.shares().get()));
    }

    /** POST /admin/polls/{pollId}/cards/next (dealt=i): card i is in its member's hands; the next card, or back to the dashboard. */
    void nextCard(Context ctx) {
        String pollId = ctx.pathParam("pollId");
        Optional<CardDealing.Screen> next = dealing.next(pollId, number(ctx.formParam("dealt"), () -> new PollRejected(PollRejected.Code.BAD_COUNT)));
        if (next.isEmpty()) {
            ctx.redirect("/admin?done=cards-dealt", HttpStatus.SEE_OTHER);
            return;
        }
        showCard(ctx, next.get());
    }

    /** One card on the screen, nothing else of the others (docs/security.md, "How it works"); never a String of it. */
    private void showCard(Context ctx, CardDealing.Screen screen) {
        CardResponse.page(ctx, PageText.of(ctx), meeting, screen);
    }

    void close(Context ctx) {
        polls.close(ctx.pathParam("pollId"));
        ctx.redirect("/admin?done=closed", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/polls/{pollId}/next-round: a closed election's next round, added as a draft poll. */
    void nextRound(Context ctx) {
        polls.addNextRound(ctx.pathParam("pollId"));
        ctx.redirect("/admin?done=next-round", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/polls/{pollId}/show-results: the chair lets the projector show the results of a closed poll. */
    void showResults(Context ctx) {
        polls.showResults(ctx.pathParam("pollId"));
        ctx.redirect("/admin?done=shown", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/slips: the printable slip sheet itself (the form opens it in a new tab). */
    void issueSlips(Context ctx) throws java.io.IOException {
        int count = number(ctx.formParam("count"), () -> new SlipRejected(SlipRejected.Code.BAD_SLIP_COUNT));
        IssuedRun run = slips.issue(count, ctx.formParam("label"), publicBaseUrl);
        Pages.noStore(ctx);
        AdminApi.sendSheet(ctx, slips, keyFingerprint, run);
    }

    void voidSlip(Context ctx) {
        String code = ctx.formParam("code");
        slips.voidSlip(code);
        ctx.redirect("/admin?done=voided&code=" + ShortCode.normalize(code).orElse(""), HttpStatus.SEE_OTHER);
    }

    private void loginForm(Context ctx, PageText t, String error) {
        Pages.render(ctx, "admin-login.jte", Map.of("t", t, "meeting", meeting, "error", error,
                "langSwitch", "?lang=" + t.otherLang()));
    }

    private static int number(String text, Supplier<? extends RuntimeException> refusal) {
        String digits = text == null ? "" : text.strip();
        // ASCII digits only: Integer.parseInt also reads other scripts' digits ("٣" is 3)
        if (!digits.matches("[0-9]{1,9}")) throw refusal.get();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw refusal.get();
        }
    }
}
