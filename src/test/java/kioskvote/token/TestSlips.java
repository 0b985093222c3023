package kioskvote.token;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What a voter's page does with a slip, for tests that play the page: read the secret, derive the key, sign. */
public final class TestSlips {
    private TestSlips() {
    }

    /** The slip's secret (39 digits) from its URL (…/V#digits) or the digits alone. */
    public static String secretOf(String urlOrDigits) {
        int hash = urlOrDigits.lastIndexOf('#');
        return hash >= 0 ? urlOrDigits.substring(hash + 1) : urlOrDigits;
    }

    /** The slip's public key in hex: what the phone's pages carry in their path. */
    public static String keyOf(String secret) {
        return Token.decode(secretOf(secret)).slipKey().publicKeyHex();
    }

    /** The slip key's signature of a cast, as public/slip.js computes it. */
    public static String sign(String secret, String meetingId, String pollId, Map<String, List<String>> marks, String receipt) {
        return HexFormat.of().formatHex(Token.decode(secretOf(secret)).slipKey().sign(CastStatement.of(meetingId, pollId, marks, receipt)));
    }

    /** The slip key's signature of a cast sealed on the device, as public/slip.js computes it (signSealed). */
    public static String signSealed(String secret, String meetingId, String pollId, String proof, byte[] sealed) {
        return HexFormat.of().formatHex(Token.decode(secretOf(secret)).slipKey().sign(CastStatement.ofSealed(meetingId, pollId, proof, sealed)));
    }
}
