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
        MALFORMED, BAD_SIGNATURE, OTHER_MEETING, ALREADY_USED, VOIDED, NOT_ISSUED,
        /** A cast from a phone without the slip key's signature (no JavaScript: the page could not sign). */
        UNSIGNED,
        /** A short code whose check character does not agree: the group to type again. */
        CODE_TYPO {
            @Override
            public java.util.List<String> parameters() {
                return java.util.List.of("group");
            }
        };

        @Override
        public String code() {
            return "token_" + name().toLowerCase(Locale.ROOT);
        }
    }

    public TokenRejected(Reason reason) {
        super(reason);
    }

    /** A short code mistyped in the given group (1-based); the typed text itself is never in the refusal. */
    public static TokenRejected codeTypo(int group) {
        return new TokenRejected(Reason.CODE_TYPO, java.util.Map.of("group", group));
    }

    private TokenRejected(Reason reason, java.util.Map<String, ?> args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
