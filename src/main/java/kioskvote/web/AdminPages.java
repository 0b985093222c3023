package kioskvote.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import kioskvote.poll.CountResult;
import kioskvote.poll.OpenedPoll;
import kioskvote.poll.PollLifecycle;
import kioskvote.poll.PollStatus;
import kioskvote.poll.ShareRefused;
import kioskvote.poll.PollRejected;
import kioskvote.roster.Roster;
import kioskvote.seal.ShareSplitter;
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
    private final SlipOffice slips;
    private final Roster roster;
    private final AdminGuard guard;
    private final StaffCredentials staff;
    private final String publicBaseUrl;
    private final String keyFingerprint;

    public AdminPages(Meeting meeting, PollLifecycle polls, SlipOffice slips, Roster roster, AdminGuard guard, StaffCredentials staff, String publicBaseUrl, String keyFingerprint) {
        this.meeting = meeting;
        this.polls = polls;
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
            case "closed" -> t.get("admin.closed");
            case "counted" -> t.format("admin.counted", number(ctx.queryParam("n"), () -> new PollRejected(PollRejected.Code.BAD_COUNT)))
                    + ("no".equals(ctx.queryParam("compacted")) ? " " + t.get("admin.notCompacted") : "");
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
        var statuses = polls.statuses();
        params.put("polls", statuses);
        Map<String, kioskvote.tally.Minutes.RecordAnchor> anchors = new HashMap<>();
        statuses.forEach(p -> polls.recordAnchor(p.pollId()).ifPresent(a -> anchors.put(p.pollId(), a)));
        params.put("anchors", anchors); // the commitment of each opened poll, and the record's head once closed (docs/record.md)
        params.put("batches", slips.batches());
        params.put("turnout", roster.turnout()); // with a roster, presence is marked at the desk, not typed here
        params.put("notice", notice);
        params.put("slipAddress", publicBaseUrl);
        params.put("slipAddressUnreachable", unreachableFromPhones(publicBaseUrl));
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

    /** POST /admin/staff/{role}: the organiser sets the chair's or the desk clerk's secret (field secret). */
    void setStaffSecret(Context ctx) {
        staff.set(staffRole(ctx), ctx.formParam("secret"));
        ctx.redirect("/admin?done=staff-set", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/staff/{role}/remove: the organiser withdraws it; its sessions end. */
    void removeStaffSecret(Context ctx) {
        staff.remove(staffRole(ctx));
        ctx.redirect("/admin?done=staff-removed", HttpStatus.SEE_OTHER);
    }

    /** chair or desk_clerk, as in the URL; anything else is not a role the organiser can give a secret to. */
    static StaffRole staffRole(Context ctx) {
        return switch (ctx.pathParam("role")) {
            case "chair" -> StaffRole.CHAIR;
            case "desk_clerk" -> StaffRole.DESK_CLERK;
            default -> throw AccessRefused.roleNotAllowed();
        };
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
     * Opens the poll. A sealed poll answers with the printable page of the committee's key-share cards,
     * shown this once (no-store; the station keeps no copy); an unsealed one goes back to the dashboard.
     */
    void open(Context ctx) {
        OpenedPoll opened = polls.open(ctx.pathParam("pollId"), "yes".equals(ctx.formParam("confirmBelowQuorum")));
        if (opened.shares().isEmpty()) {
            ctx.redirect("/admin?done=opened", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("Referrer-Policy", "no-referrer");
        Pages.render(ctx, "share-cards.jte", Map.of("t", PageText.of(ctx), "meeting", meeting, "cards", opened.shares().get()));
    }

    /** GET /admin/polls/{id}/count: a field for each card needed to open the sealed box. */
    void countForm(Context ctx) {
        renderCountForm(ctx, List.of(), "");
    }

    /** POST /admin/polls/{id}/count: the committee's cards; opens the box and counts, or says what is wrong (nothing changed). */
    void count(Context ctx) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= ShareSplitter.MAX_SHARES; i++) {
            String code = ctx.formParam("share" + i);
            if (code == null) break;
            codes.add(code);
        }
        try {
            CountResult result = polls.count(ctx.pathParam("pollId"), codes);
            ctx.redirect("/admin?done=counted&n=" + result.counted() + (result.compacted() ? "" : "&compacted=no"), HttpStatus.SEE_OTHER);
        } catch (ShareRefused e) {
            ApiError error = ErrorCatalog.of(e);
            List<String> keep = new ArrayList<>(codes);
            if (e.position() > 0 && e.position() <= keep.size()) keep.set(e.position() - 1, ""); // the card to present again
            ctx.status(error.status());
            renderCountForm(ctx, keep, PageText.of(ctx).message(error));
        } catch (PollRejected e) {
            ApiError error = ErrorCatalog.of(e);
            ctx.status(error.status());
            renderCountForm(ctx, codes, PageText.of(ctx).message(error));
        }
    }

    private void renderCountForm(Context ctx, List<String> typed, String error) {
        String pollId = ctx.pathParam("pollId");
        PollStatus status = polls.status(pollId);
        var seal = polls.sealInfo(pollId).orElseThrow(() -> new PollRejected(PollRejected.Code.NOT_SEALED));
        List<String> fields = new ArrayList<>(typed);
        while (fields.size() < seal.threshold()) fields.add("");
        ctx.header("Referrer-Policy", "no-referrer");
        Map<String, Object> params = new HashMap<>();
        params.put("t", PageText.of(ctx));
        params.put("meeting", meeting);
        params.put("status", status);
        params.put("seal", seal);
        params.put("fields", fields);
        params.put("error", error);
        Pages.render(ctx, "count.jte", params);
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

    /**
     * True when phones in the room cannot open the address the slips carry: the laptop itself (loopback),
     * any-address, or a link-local address (no DHCP). Looked at as text, no DNS.
     */
    static boolean unreachableFromPhones(String baseUrl) {
        String host;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) return true;
        host = host.toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", "");
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0.0.0.0") || host.equals("::") || host.startsWith("169.254.") || host.startsWith("fe80:");
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
