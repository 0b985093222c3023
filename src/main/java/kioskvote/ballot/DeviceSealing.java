package kioskvote.ballot;

import java.util.Base64;
import java.util.regex.Pattern;

import kioskvote.meeting.Poll;

/**
 * Ballots sealed on the voter's device (docs/security.md, "Sealed on the device"): the page seals the
 * ballot to the poll's box with the station's own suite and layout (public/seal.js), so what crosses the
 * room is a ciphertext and a retry proof, never marks, a receipt secret or a receipt code. The station
 * cannot read what it stores: it checks the credential as for any cast and that the ciphertext has the one
 * size every ballot of the poll has; whether it opens and what it holds is the count's business.
 */
public final class DeviceSealing {
    /** enc (32 bytes) and the AEAD tag (16 bytes) around the padded plaintext (BoxCipher, SealedBallot). */
    private static final int OVERHEAD = 32 + 16;
    private static final Pattern PROOF = Pattern.compile("[0-9a-f]{64}");

    /** What a page seals to: the box key, the context the ballot is bound to, and the one plaintext length. */
    public record Box(String meetingId, String pollId, String definitionHash, String boxPublicKey, int plaintextLength,
                      String boxSignature, String meetingKey) {
    }

    private final BallotBox ballotBox;

    public DeviceSealing(BallotBox ballotBox) {
        this.ballotBox = ballotBox;
    }

    /** The box of an open sealed poll; an unsealed poll has none (its ballots go by the form, sealed nowhere). */
    public Box box(String pollId) {
        Poll poll = ballotBox.poll(pollId);
        if (!poll.sealed()) throw new BallotRejected(BallotRejected.Code.BOX_NOT_SEALED);
        SealedBox box = ballotBox.sealedBoxes.find(poll).orElseThrow(() -> new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN));
        return new Box(box.context().meetingId(), poll.id(), box.context().definitionHash(), box.key().hex(), SealedBallot.paddedLength(poll),
                box.signatureHex(), ballotBox.sealedBoxes.meetingPublicKeyHex());
    }

    /**
     * Checks the slip key's signature over this cast (token/CastStatement: poll, retry proof, SHA-256 of the sealed
     * bytes), spends the slip and stores the sealed ballot as it came, in the one transaction of every cast.
     * Returns true when it is the retry of a ballot already in the box (same retry proof: the answer to the
     * first send was lost, or the same signed cast replayed), which is not stored twice.
     */
    public boolean cast(String pollId, String slipKeyHex, String signatureHex, String sealedBase64, String retryProof) {
        byte[] sealed = checkedCiphertext(pollId, sealedBase64, retryProof);
        Poll poll = ballotBox.poll(pollId);
        String serial = ballotBox.signedSlipId(poll,
                () -> ballotBox.credentials().idOfSignedSealedCast(poll.id(), slipKeyHex, signatureHex, retryProof, sealed));
        return ballotBox.storeDeviceSealed(poll, serial, retryProof, Base64.getEncoder().encodeToString(sealed));
    }

    /**
     * A ballot sealed in an enrolled kiosk's page (public/kiosk-device.js): the credential is the one the kiosk
     * session holds inside the station (a scanned slip's secret, a typed short code, a token the desk sent), so
     * nothing but the ciphertext and the retry proof crosses the air. Same checks and transaction as above.
     */
    public boolean castAtKiosk(String pollId, Credential credential, String sealedBase64, String retryProof) {
        byte[] sealed = checkedCiphertext(pollId, sealedBase64, retryProof);
        Poll poll = ballotBox.poll(pollId);
        String serial = switch (credential.kind()) {
            case TOKEN -> ballotBox.credentials().idOfSecret(credential.value());
            case SHORT_CODE -> ballotBox.checkShortCode(poll.id(), credential.value());
            case SLIP_KEY -> throw new BallotRejected(BallotRejected.Code.BAD_BALLOT); // a phone's key signs its own casts
        };
        return ballotBox.storeDeviceSealed(poll, serial, retryProof, Base64.getEncoder().encodeToString(sealed));
    }

    /** The ciphertext of an open sealed poll's ballot, of the poll's one size, and a well-formed retry proof. */
    private byte[] checkedCiphertext(String pollId, String sealedBase64, String retryProof) {
        Box box = box(pollId);
        if (retryProof == null || !PROOF.matcher(retryProof).matches()) throw new BallotRejected(BallotRejected.Code.BAD_RECEIPT);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedBase64 == null ? "" : sealedBase64);
        } catch (IllegalArgumentException e) {
            throw new BallotRejected(BallotRejected.Code.BAD_BALLOT);
        }
        if (sealed.length != box.plaintextLength() + OVERHEAD) throw new BallotRejected(BallotRejected.Code.BAD_BALLOT);
        return sealed;
    }
}
