package kioskvote.web;

import kioskvote.ballot.DeviceSealing;

/** What a voter's page (or a kiosk) is answered besides the meeting (docs/api.md, "Voters"). */
final class VoterJson {
    private VoterJson() {
    }

    /** POST /api/polls/{pollId}/ballots: the receipt code, and whether this very cast was already in the box (a retry). */
    record CastAcknowledged(String receipt, boolean alreadyCounted) {
    }

    /** A ballot sealed on the device (…/sealed-ballots, the kiosk's /sealed-cast): no receipt code comes back. */
    record SealedCastAcknowledged(boolean alreadyCounted) {
    }

    /** POST /api/polls/{pollId}/token-check: the slip may vote in this poll (a refusal says why not). */
    record TokenUsable(boolean usable) {
    }

    /** GET /api/polls/{pollId}/box: what a page seals to; {@code boxSignature} is the meeting key's, {@code meetingKey}'s fingerprint is on every slip. */
    record Box(String meeting, String poll, String definitionHash, String boxPublicKey, int plaintextLength, String boxSignature,
               String meetingKey) {
        static Box of(DeviceSealing.Box box) {
            return new Box(box.meetingId(), box.pollId(), box.definitionHash(), box.boxPublicKey(), box.plaintextLength(),
                    box.boxSignature(), box.meetingKey());
        }
    }
}
