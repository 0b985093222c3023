package kioskvote.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import kioskvote.admin.AccessRefused;
import kioskvote.admin.StaffRole;
import kioskvote.kiosk.KioskRejected;
import kioskvote.kiosk.KioskEnrolments;
import kioskvote.kiosk.KioskRequestProof;
import kioskvote.kiosk.KioskSessions;

/**
 * The one access check, run before every matched route with the roles the route table gave it. Public
 * roles pass; a kiosk route needs this kiosk's enrolment cookie, and a kiosk POST the tablet's signature too; a staff route needs the organiser's
 * credential of a role the route names (the organiser may call every staff route): the admin session cookie
 * (pages and API) or the secret as a Bearer header (API only).
 */
final class Access {
    private static final String KIOSK_CHECKED = "kv.kiosk-checked";
    private final AdminGuard guard;
    private final KioskEnrolments kiosks;
    private final RouteTable table;

    Access(AdminGuard guard, KioskEnrolments kiosks, RouteTable table) {
        this.guard = guard;
        this.kiosks = kiosks;
        this.table = table;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            // Javalin hands no roles to a static file, to a HEAD request (answered by its path's GET route) and to a
            // route registered without one (RouteTable stops such a station at start): look the route up, refuse by default.
            Optional<Set<RouteRole>> route = table.rolesOfTheRouteFor(ctx.method(), ctx.path());
            if (route.isEmpty()) return; // no route: a file under /static (kv.css, kv.js: no secret in them)
            roles = route.get();
            if (roles.isEmpty()) throw AccessRefused.roleNotAllowed();
        }
        // Staff pages, the sign-in form included, answer on the station laptop only unless --staff-lan (StaffNetwork).
        if (StaffNetwork.isStaffPath(ctx.path()) || roles.stream().anyMatch(r -> ((Role) r).isStaff())) guard.network().require(ctx);
        if (roles.stream().anyMatch(r -> ((Role) r).isPublic())) return;
        if (roles.contains(Role.KIOSK)) {
            requireEnrolledKiosk(ctx);
            return;
        }
        StaffRole signedIn = ctx.path().startsWith("/api/") ? guard.require(ctx) : guard.requireSession(ctx);
        if (!Role.of(signedIn).mayCall(roles)) throw AccessRefused.roleNotAllowed();
    }

    /**
     * The browser must be enrolled as the kiosk the URL names. The welcome page answers a friendly 403 page
     * in both languages; every other kiosk request a 403 kiosk_not_enrolled.
     */
    void requireEnrolledKiosk(Context ctx) {
        // Run twice on a kiosk route (by its path and by its role): a request's proof counts once.
        if (Boolean.TRUE.equals(ctx.attribute(KIOSK_CHECKED))) return;
        String[] parts = ctx.path().split("/"); // "", "kiosk", name, step… (also for URLs no route matched)
        String kiosk = KioskSessions.requireName(parts.length > 2 ? parts[2] : null);
        boolean post = ctx.method() == HandlerType.POST;
        // A kiosk's POSTs come from the kiosk's own page, as the admin pages' do: another site cannot drive a tablet.
        if (post && parts.length == 4 && parts[3].equals("enrol")) { // the one-time code is the credential
            AdminGuard.requireSameOrigin(ctx);
            return;
        }
        if (kiosks.isEnrolled(kiosk, ctx.cookie(KioskEnrolments.COOKIE))) {
            if (post) {
                AdminGuard.requireSameOrigin(ctx);
                // The cookie alone is a bearer credential a sniffer could replay: a POST is also signed by the tablet's key.
                // A photo is streamed to its handler, not read before it (docs/api.md, "Limits"): its proof signs an empty body.
                byte[] body = parts.length == 4 && parts[3].equals("photo") ? new byte[0] : ctx.bodyAsBytes();
                kiosks.requestProof().require(kiosk, "POST", ctx.path(), body, ctx.header(KioskRequestProof.HEADER));
            }
            ctx.attribute(KIOSK_CHECKED, true);
            return;
        }
        if (ctx.method() == HandlerType.GET && parts.length == 3) {
            ctx.status(403);
            Pages.render(ctx, "kiosk-not-enrolled.jte", Map.of("kiosk", kiosk, "error", ErrorCatalog.of(new KioskRejected(KioskRejected.Code.KIOSK_NOT_ENROLLED, kiosk))));
            ctx.skipRemainingHandlers();
            return;
        }
        throw new KioskRejected(KioskRejected.Code.KIOSK_NOT_ENROLLED, kiosk);
    }
}
