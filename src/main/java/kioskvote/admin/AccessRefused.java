package kioskvote.admin;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/**
 * An admin request without the right passphrase or session, from another site, from a locked-out address,
 * or from a role the action is not for; and a staff secret the organiser may not set.
 */
public class AccessRefused extends Refused {
    public enum Code implements Refused.Code {
        UNAUTHORIZED, STAFF_ON_LAPTOP, STAFF_NEEDS_HTTPS, CROSS_SITE, TOO_MANY_ATTEMPTS, ROLE_NOT_ALLOWED, SECRET_TOO_SHORT, SECRET_IN_USE;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case TOO_MANY_ATTEMPTS -> List.of("seconds");
                case SECRET_TOO_SHORT -> List.of("min");
                default -> List.of();
            };
        }
    }

    private AccessRefused(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static AccessRefused unauthorized() {
        return new AccessRefused(Code.UNAUTHORIZED, Map.of());
    }

    /**
     * A staff page asked for from another device while staff pages answer on the station laptop only
     * (web/StaffNetwork; docs/security.md, "The network").
     */
    public static AccessRefused staffOnLaptop() {
        return new AccessRefused(Code.STAFF_ON_LAPTOP, Map.of());
    }

    /** A staff page asked for from another device on the plain-HTTP port while staff devices are let in over HTTPS (serve --staff-lan). */
    public static AccessRefused staffNeedsHttps() {
        return new AccessRefused(Code.STAFF_NEEDS_HTTPS, Map.of());
    }

    /** A cookie-borne change whose Origin (or Referer) is not the station itself. */
    public static AccessRefused crossSite() {
        return new AccessRefused(Code.CROSS_SITE, Map.of());
    }

    /** Signed in, but as a role this action is not for (the desk clerk opening a poll, say). */
    public static AccessRefused roleNotAllowed() {
        return new AccessRefused(Code.ROLE_NOT_ALLOWED, Map.of());
    }

    public static AccessRefused secretTooShort(int min) {
        return new AccessRefused(Code.SECRET_TOO_SHORT, Map.of("min", min));
    }

    /** The secret already signs someone else in (the organiser's passphrase, or another role's). */
    public static AccessRefused secretInUse() {
        return new AccessRefused(Code.SECRET_IN_USE, Map.of());
    }

    /** @param seconds how long the address must still wait */
    public static AccessRefused tooManyAttempts(long seconds) {
        return new AccessRefused(Code.TOO_MANY_ATTEMPTS, Map.of("seconds", seconds));
    }
}
