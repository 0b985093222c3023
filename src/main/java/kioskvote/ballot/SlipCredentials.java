package kioskvote.ballot;

import java.util.List;
import java.util.Map;

import kioskvote.store.SlipDao;
import kioskvote.token.CastStatement;
import kioskvote.token.ShortCode;
import kioskvote.token.SlipHashes;
import kioskvote.token.SlipKey;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * Turns what a voter presents into the stored id of a slip ({@link SlipHashes}): a secret, a public key with
 * its signature of the cast, or a short code. Whether that slip was issued, voided or spent is the store's
 * question. The station keeps no secret, key or code, so nothing in a copy of its data is accepted here for a
 * slip nobody used (docs/security.md, "Slips").
 */
final class SlipCredentials {
    private final String meetingId;
    private final SlipHashes hashes;

    SlipCredentials(String meetingId, SlipHashes hashes) {
        this.meetingId = meetingId;
        this.hashes = hashes;
    }

    String idOfSecret(String encodedSecret) {
        return hashes.idOf(Token.decode(encodedSecret));
    }

    String idOfKey(String publicKeyHex) {
        return hashes.idOfKey(SlipKey.parsePublicKey(publicKeyHex));
    }

    /** The slip's id if the signature is the slip key's over this very cast; UNSIGNED or BAD_SIGNATURE otherwise. */
    String idOfSignedCast(String pollId, String publicKeyHex, String signatureHex, Map<String, List<String>> marks, String receipt) {
        return idOfSigned(publicKeyHex, signatureHex, CastStatement.of(meetingId, pollId, marks, receipt));
    }

    /** The same for a ballot sealed on the device: the signature covers the retry proof and the sealed bytes. */
    String idOfSignedSealedCast(String pollId, String publicKeyHex, String signatureHex, String proof, byte[] sealed) {
        return idOfSigned(publicKeyHex, signatureHex, CastStatement.ofSealed(meetingId, pollId, proof, sealed));
    }

    private String idOfSigned(String publicKeyHex, String signatureHex, byte[] statement) {
        byte[] publicKey = SlipKey.parsePublicKey(publicKeyHex);
        if (signatureHex == null || signatureHex.isBlank()) throw new TokenRejected(TokenRejected.Reason.UNSIGNED);
        byte[] signature = SlipKey.parseSignature(signatureHex);
        if (!SlipKey.verify(publicKey, statement, signature)) {
            throw new TokenRejected(TokenRejected.Reason.BAD_SIGNATURE);
        }
        return hashes.idOfKey(publicKey);
    }

    /** The slow hash of a typed code (computed before any transaction): MALFORMED, or CODE_TYPO naming the group. */
    String hashOfTypedCode(String typedCode) {
        ShortCode.Reading reading = ShortCode.read(typedCode);
        if (!reading.wrongGroups().isEmpty()) throw TokenRejected.codeTypo(reading.wrongGroups().get(0));
        return hashes.codeHash(reading.code().orElseThrow(() -> new TokenRejected(TokenRejected.Reason.MALFORMED)));
    }

    /** The stored id a code hash stands for; NOT_ISSUED if none. */
    static String idOfCodeHash(SlipDao slips, String codeHash) {
        return slips.findByCodeMac(codeHash).orElseThrow(() -> new TokenRejected(TokenRejected.Reason.NOT_ISSUED)).serial();
    }
}
