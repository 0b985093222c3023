package kioskvote.admin;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** An admin request without the right passphrase or session, from another site, or from a locked-out address. */
public class AccessRefused extends Refused {
    public enum Code implements Refused.Code {
        UNAUTHORIZED, CROSS_SITE, TOO_MANY_ATTEMPTS;

        @Override
        public List<String> parameters() {
            return this == TOO_MANY_ATTEMPTS ? List.of("seconds") : List.of();
        }
    }

    private AccessRefused(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static AccessRefused unauthorized() {
        return new AccessRefused(Code.UNAUTHORIZED, Map.of());
    }

    /** A cookie-borne change whose Origin (or Referer) is not the station itself. */
    public static AccessRefused crossSite() {
        return new AccessRefused(Code.CROSS_SITE, Map.of());
    }

    /** @param seconds how long the address must still wait */
    public static AccessRefused tooManyAttempts(long seconds) {
        return new AccessRefused(Code.TOO_MANY_ATTEMPTS, Map.of("seconds", seconds));
    }
}
