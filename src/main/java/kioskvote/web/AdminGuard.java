package kioskvote.web;

import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import kioskvote.admin.AccessRefused;
import kioskvote.admin.AdminPassphrase;
import kioskvote.admin.AdminSessions;
import kioskvote.admin.AttemptLimiter;

/**
 * Lets a request through to an admin route only with the right passphrase, given as
 * {@code Authorization: Bearer <passphrase>}, or with the session cookie the admin login form sets.
 * Wrong attempts are rate-limited per address. A cookie-borne request that changes something must
 * come from the station's own pages: the cookie is SameSite=Strict and a foreign Origin is refused.
 */
public final class AdminGuard {
    private final AdminPassphrase passphrase;
    private final AttemptLimiter attempts;
    private final AdminSessions sessions;

    public AdminGuard(AdminPassphrase passphrase, AttemptLimiter attempts, AdminSessions sessions) {
        this.passphrase = passphrase;
        this.attempts = attempts;
        this.sessions = sessions;
    }

    /** Before every /api/admin/* route: the session cookie or the passphrase. */
    void require(Context ctx) {
        if (hasSession(ctx)) {
            requireSameOrigin(ctx);
            return;
        }
        Optional<String> attempt = bearer(ctx);
        if (attempt.isEmpty()) {
            requireNotLocked(ctx);
            throw AccessRefused.unauthorized();
        }
        beginAttempt(ctx);
        if (!matches(attempt.get())) throw AccessRefused.unauthorized();
        attempts.succeeded(ctx.ip());
    }

    /** Before every /admin/* page action: the session cookie only. */
    void requireSession(Context ctx) {
        if (!hasSession(ctx)) throw AccessRefused.unauthorized();
        requireSameOrigin(ctx);
    }

    boolean hasSession(Context ctx) {
        return sessions.touch(ctx.cookie(AdminSessions.COOKIE));
    }

    /** The login form's check, rate-limited like the API's; on success the browser gets its session cookie. */
    void signIn(Context ctx, String passphrase) {
        requireSameOrigin(ctx);
        beginAttempt(ctx);
        if (passphrase == null || passphrase.isBlank() || !matches(passphrase)) throw AccessRefused.unauthorized();
        attempts.succeeded(ctx.ip());
        ctx.header("Set-Cookie", AdminSessions.COOKIE + "=" + sessions.start() + "; Path=/; HttpOnly; SameSite=Strict");
    }

    void signOut(Context ctx) {
        sessions.end(ctx.cookie(AdminSessions.COOKIE));
        ctx.header("Set-Cookie", AdminSessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    boolean matches(String attempt) {
        return passphrase.matches(attempt);
    }

    /** Counts the attempt before checking it (see AttemptLimiter.begin), or refuses a locked-out address. */
    private void beginAttempt(Context ctx) {
        refuseWhileLocked(ctx, attempts.begin(ctx.ip()));
    }

    private void requireNotLocked(Context ctx) {
        refuseWhileLocked(ctx, attempts.lockedFor(ctx.ip()));
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
    private static void requireSameOrigin(Context ctx) {
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
