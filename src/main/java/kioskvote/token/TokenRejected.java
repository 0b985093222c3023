package kioskvote.token;

import java.util.Objects;

/**
 * A ballot token was refused. The message names only the reason, never the token itself:
 * a token in a log line is a ballot someone else could cast.
 */
public final class TokenRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { MALFORMED, BAD_SIGNATURE, OTHER_MEETING, ALREADY_USED, VOIDED, NOT_ISSUED }

    private final Reason reason;

    public TokenRejected(Reason reason) {
        super("token rejected: " + Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
