package kioskvote.ballot;

import java.util.Objects;

import kioskvote.token.ShortCode;
import kioskvote.token.SlipKey;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * What names a slip to the station: its secret (a desk ballot held by a kiosk session, or a slip scanned at a
 * kiosk), the short code printed under its QR (typed at a kiosk), or its public key (the phone's pages; a cast
 * with it needs the slip key's signature, see {@link BallotBox#castSigned}). Never logged: a secret or a code
 * can cast a ballot.
 */
public record Credential(Kind kind, String value) {
    public enum Kind { TOKEN, SHORT_CODE, SLIP_KEY }

    public Credential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Credential token(String encodedSecret) {
        return new Credential(Kind.TOKEN, encodedSecret);
    }

    /** The phone's credential: the slip's public key as 64 hex digits (MALFORMED otherwise). */
    public static Credential slipKey(String publicKeyHex) {
        SlipKey.parsePublicKey(publicKeyHex);
        return new Credential(Kind.SLIP_KEY, publicKeyHex.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * What a voter typed or a scanner sent at a kiosk: a slip URL (…/V#digits), the 39 digits alone, or the
     * short code printed under the QR code (dashes, spaces and case do not matter). A code whose check
     * character does not agree is refused naming its group, so the voter retypes only that.
     */
    public static Credential parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        int hash = text.lastIndexOf('#');
        int slash = text.lastIndexOf('/');
        boolean url = hash >= 0 || slash >= 0;
        if (hash >= 0) text = text.substring(hash + 1);
        else if (slash >= 0) text = text.substring(slash + 1);
        if (text.length() == Token.ENCODED_LENGTH && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            Token.decode(text);
            return token(text);
        }
        if (url) throw new TokenRejected(TokenRejected.Reason.MALFORMED);
        ShortCode.Reading reading = ShortCode.read(text);
        if (reading.code().isPresent()) return new Credential(Kind.SHORT_CODE, reading.code().get());
        if (!reading.wrongGroups().isEmpty()) throw TokenRejected.codeTypo(reading.wrongGroups().get(0));
        throw new TokenRejected(TokenRejected.Reason.MALFORMED);
    }

    @Override
    public String toString() {
        return "Credential[" + kind + "]";
    }
}
