package kioskvote.token;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What the station stores of a slip, and nothing more: its id, the keyed hash (KeyedHash "slip-id") of the
 * slip's public key, under which it is issued, spent, voided and committed; and the slow keyed hash of its short
 * code ({@link CodeHash}). Neither gives back the secret, the signing key or the code.
 */
public final class SlipHashes {
    private final KeyedHash slipId;
    private final CodeHash codeHash;

    public SlipHashes(KeyedHash slipId, CodeHash codeHash) {
        this.slipId = Objects.requireNonNull(slipId, "slipId");
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    }

    public static SlipHashes of(MeetingKey key) {
        return new SlipHashes(KeyedHash.of(key, "slip-id"), CodeHash.of(key));
    }

    /** The stored id of the slip whose public key this is (64 hex digits). */
    public String idOfKey(byte[] publicKey) {
        return slipId.hex(HexFormat.of().formatHex(publicKey));
    }

    public String idOf(Token token) {
        return idOfKey(token.slipKey().publicKey());
    }

    /** The stored hash of a canonical short code. */
    public String codeHash(String code) {
        return codeHash.hex(code);
    }

    @Override
    public String toString() {
        return "SlipHashes[…]";
    }
}
