package kioskvote.record;

import java.util.Optional;

import kioskvote.meeting.Poll;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxEndorsement;
import kioskvote.token.MeetingKey;

/**
 * Part of step 6, commitment: a sealed poll's box key is the one the meeting key signed at the open, in this
 * meeting, poll and definition (seal/BoxEndorsement), and the poll's definition agrees on whether it is sealed.
 * Whoever swaps the box key in the station's database can read the ballots sealed to it; without the meeting
 * key they cannot sign it, so a record naming a swapped key fails here (docs/record.md, docs/security.md).
 */
final class BoxKeyCheck {
    /** commitment.txt's lines of the box key and of its signature (Commitment's header). */
    static final int KEY_LINE = 6;
    static final int SIGNATURE_LINE = 7;

    private BoxKeyCheck() {
    }

    /** What the summary says of the box: empty for an unsealed poll. */
    static String check(Commitment c, Optional<Poll> poll, Step step) {
        poll.filter(p -> p.sealed() != c.boxPublicKeyHex().isPresent()).ifPresent(p -> step.fail("commitment.txt line " + KEY_LINE
                + ": " + (p.sealed() ? "no box key, but poll.json says the poll is sealed" : "a box key, but poll.json says the poll is not sealed")));
        if (c.boxPublicKeyHex().isEmpty()) {
            if (c.boxSignatureHex().isPresent()) step.fail("commitment.txt line " + SIGNATURE_LINE + ": a box signature, but no box key on line " + KEY_LINE);
            return "";
        }
        byte[] key = VerifyText.hex(c.boxPublicKeyHex().get());
        if (key == null || key.length != 32) {
            step.fail("commitment.txt line " + KEY_LINE + ": expected the box key (64 hex digits), found " + VerifyText.abbreviate(c.boxPublicKeyHex().get()));
            return " and a box key that is not one";
        }
        BallotBoxKey box = new BallotBoxKey(key);
        byte[] signature = c.boxSignatureHex().map(VerifyText::hex).orElse(null);
        byte[] meetingKey = VerifyText.hex(c.meetingPublicKeyHex());
        if (signature == null || signature.length != 64 || meetingKey == null || !signed(c, box, meetingKey, signature)) {
            step.fail("commitment.txt line " + SIGNATURE_LINE + ": the box key " + box.fingerprintText() + " (line " + KEY_LINE
                    + ") is not the one the meeting key signed at the open"
                    + (c.boxSignatureHex().isEmpty() ? " (no signature)" : " (the signature does not verify)")
                    + ": the ballot box's key was swapped, and whoever holds the swapped key could read the ballots sealed to it");
            return " and a box key " + box.fingerprintText() + " NOT signed by the meeting key";
        }
        return " and the sealed box's key " + box.fingerprintText() + ", signed by the meeting key";
    }

    private static boolean signed(Commitment c, BallotBoxKey box, byte[] meetingKey, byte[] signature) {
        try {
            BoxContext context = new BoxContext(c.meetingId(), c.pollId(), c.definitionSha256());
            return MeetingKey.verify(meetingKey, BoxEndorsement.message(context, box), signature);
        } catch (IllegalArgumentException e) {
            return false; // an empty meeting, poll or definition line: nothing was signed for it
        }
    }
}
