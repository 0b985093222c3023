package kioskvote.ballot;

import java.util.Objects;
import java.util.Optional;

import kioskvote.token.ShortCode;
import kioskvote.token.TokenCodec;
import kioskvote.token.TokenRejected;

/**
 * What a voter holds: the signed token of a slip (its QR code or URL) or the short code printed under it
 * (typed at a kiosk). Either one casts one ballot per poll. Never logged: it can cast a ballot.
 */
public record Credential(Kind kind, String value) {
    public enum Kind { TOKEN, SHORT_CODE }

    public Credential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Credential token(String encodedToken) {
        return new Credential(Kind.TOKEN, encodedToken);
    }

    /**
     * What a voter typed or a scanner sent: a slip URL (…/V/digits), the 198 digits alone, or the short
     * code printed under the QR code (dashes, spaces and case do not matter).
     */
    public static Credential parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        int slash = text.lastIndexOf('/');
        if (slash >= 0) text = text.substring(slash + 1);
        if (text.length() == TokenCodec.ENCODED_LENGTH && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return token(text);
        }
        Optional<String> code = ShortCode.normalize(text);
        if (code.isPresent() && slash < 0) return new Credential(Kind.SHORT_CODE, code.get());
        throw new TokenRejected(TokenRejected.Reason.MALFORMED);
    }

    @Override
    public String toString() {
        return "Credential[" + kind + "]";
    }
}
