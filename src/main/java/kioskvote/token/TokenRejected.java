package kioskvote.token;

import java.util.Locale;

import kioskvote.text.Refused;

/**
 * A ballot token was refused. The refusal names only the reason, never the token itself:
 * a token in a log line is a ballot someone else could cast.
 */
public final class TokenRejected extends Refused {
    private static final long serialVersionUID = 1L;

    public enum Reason implements Code {
        MALFORMED, BAD_SIGNATURE, OTHER_MEETING, ALREADY_USED, VOIDED, NOT_ISSUED;

        @Override
        public String code() {
            return "token_" + name().toLowerCase(Locale.ROOT);
        }
    }

    public TokenRejected(Reason reason) {
        super(reason);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
