package kioskvote.ballot;

import java.util.HexFormat;

import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxEndorsement;
import kioskvote.token.MeetingKey;

/** A sealed poll's box public key, the context its ballots are bound to, and the meeting key's signature over both. */
record SealedBox(BallotBoxKey key, BoxContext context, String signatureHex) {
    /** True if the signature is the meeting key's over this box key in this context (seal/BoxEndorsement). */
    boolean signedBy(MeetingKey meetingKey) {
        return signatureHex.matches("[0-9a-f]{128}")
                && meetingKey.verify(BoxEndorsement.message(context, key), HexFormat.of().parseHex(signatureHex));
    }
}
