package kioskvote.poll;

import java.util.HexFormat;

import kioskvote.ballot.BallotRejected;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxEndorsement;
import kioskvote.token.MeetingKey;

/**
 * The meeting key's signature of a sealed poll's box key in its context (seal/BoxEndorsement): made when the
 * poll opens, checked before the count decrypts anything, so a box key swapped in the database is never
 * decrypted for (docs/security.md, "Sealed on the device").
 */
final class BoxSignature {
    private final MeetingKey meetingKey;

    BoxSignature(MeetingKey meetingKey) {
        this.meetingKey = meetingKey;
    }

    String sign(BoxContext context, BallotBoxKey key) {
        return HexFormat.of().formatHex(meetingKey.sign(BoxEndorsement.message(context, key)));
    }

    /**
     * BOX_KEY_UNSIGNED unless the stored signature is the meeting key's over this box key in this context: the same
     * refusal as a cast sealing to that box meets (ballot/SealedBoxes).
     */
    void check(BoxContext context, BallotBoxKey key, String signatureHex) {
        if (!signatureHex.matches("[0-9a-f]{128}")
                || !meetingKey.verify(BoxEndorsement.message(context, key), HexFormat.of().parseHex(signatureHex))) {
            throw new BallotRejected(BallotRejected.Code.BOX_KEY_UNSIGNED);
        }
    }
}
