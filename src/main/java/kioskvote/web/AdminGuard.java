package kioskvote.web;

import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import kioskvote.admin.AccessRefused;
import kioskvote.admin.AdminSessions;
import kioskvote.admin.AttemptLimiter;
import kioskvote.admin.StaffCredentials;
import kioskvote.admin.StaffRole;

/**
 * Who is asking, for the staff routes: the session cookie the sign-in form sets, or (API only) a
 * passphrase or PIN given as {@code Authorization: Bearer <secret>}; either stands for one staff role
 * (the organiser's passphrase, or the secret the organiser set for the chair or the desk clerk).
 * Wrong attempts are rate-limited per address and, from the network, together (AttemptLimiter). A cookie-borne request that changes something must
 * come from the station's own pages: the cookie is SameSite=Strict and a foreign Origin is refused.
 */
public final class AdminGuard {
    private final StaffCredentials credentials;
    private final AttemptLimiter attempts;
    private final AdminSessions sessions;
    private final StaffNetwork network;

    public AdminGuard(StaffCredentials credentials, AttemptLimiter attempts, AdminSessions sessions, StaffNetwork network) {
        this.credentials = credentials;
        this.attempts = attempts;
        this.sessions = sessions;
        this.network = network;
    }

    /** Where staff pages answer: the laptop only, or staff devices on the network too (serve --staff-lan). */
    StaffNetwork network() {
        return network;
    }

    /** An API request: the session cookie, or the secret as a Bearer header. */
    StaffRole require(Context ctx) {
        Optional<StaffRole> signedIn = session(ctx);
        if (signedIn.isPresent()) {
            requireSameOrigin(ctx);
            return signedIn.get();
        }
        Optional<String> attempt = bearer(ctx);
        if (attempt.isEmpty()) {
            requireNotLocked(ctx);
            throw AccessRefused.unauthorized();
        }
        beginAttempt(ctx);
        StaffRole role = credentials.roleOf(attempt.get()).orElseThrow(AccessRefused::unauthorized);
        attempts.succeeded(ctx.ip());
        return role;
    }

    /** A page action: the session cookie only. */
    StaffRole requireSession(Context ctx) {
        StaffRole role = session(ctx).orElseThrow(AccessRefused::unauthorized);
        requireSameOrigin(ctx);
        return role;
    }

    /** The role of this browser's live session, if it has one. */
    Optional<StaffRole> session(Context ctx) {
        return sessions.touch(ctx.cookie(AdminSessions.COOKIE));
    }

    /** The sign-in form's check, rate-limited like the API's; on success the browser gets its session cookie. */
    StaffRole signIn(Context ctx, String secret) {
        requireSameOrigin(ctx);
        beginAttempt(ctx);
        StaffRole role = credentials.roleOf(secret).orElseThrow(AccessRefused::unauthorized);
        attempts.succeeded(ctx.ip());
        // Over HTTPS the cookie is Secure: cookies ignore ports, and the browser would otherwise send it in clear to the
        // station's plain-HTTP port (a room page opened on the same device), where anyone on the air could take it.
        ctx.header("Set-Cookie", AdminSessions.COOKIE + "=" + sessions.start(role) + "; Path=/; HttpOnly; SameSite=Strict"
                + (ctx.req().isSecure() ? "; Secure" : ""));
        return role;
    }

    void signOut(Context ctx) {
        sessions.end(ctx.cookie(AdminSessions.COOKIE));
        ctx.header("Set-Cookie", AdminSessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    /** Counts the attempt before checking it (see AttemptLimiter.begin), or refuses a locked-out address. */
    private void beginAttempt(Context ctx) {
        refuseWhileLocked(ctx, attempts.begin(ctx.ip(), !StaffNetwork.isLoopback(ctx.req().getRemoteAddr())));
    }

    private void requireNotLocked(Context ctx) {
        refuseWhileLocked(ctx, attempts.lockedFor(ctx.ip(), !StaffNetwork.isLoopback(ctx.req().getRemoteAddr())));
    }

    private static void refuseWhileLocked(Context ctx, Optional<java.time.Duration> locked) {
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            throw AccessRefused.tooManyAttempts(seconds);
        }
    }

    /**
     * A browser names the page a form was posted from; only the station's own pages may change anything.
     * SameSite=Strict alone would let another service on the same host post, so the Origin (or, from an
     * older browser, the Referer) must be present and be this station.
     */
    static void requireSameOrigin(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) return;
        String origin = ctx.header("Origin");
        if (origin == null) {
            String referer = ctx.header("Referer");
            var m = referer == null ? null : java.util.regex.Pattern.compile("^(https?://[^/]+)").matcher(referer);
            origin = m != null && m.find() ? m.group(1) : null;
        }
        if (origin == null) throw AccessRefused.crossSite();
        String host = ctx.header("Host");
        if (host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
            throw AccessRefused.crossSite();
        }
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String value = header.substring(7).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
