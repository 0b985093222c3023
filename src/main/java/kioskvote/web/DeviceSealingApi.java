package kioskvote.web;


import io.javalin.http.Context;

import kioskvote.ballot.DeviceSealing;

/**
 * A ballot sealed on the voter's device (docs/api.md, "Sealed on the device"): the box a page seals to,
 * and the cast that carries the credential, the sealed ballot and the retry proof only.
 */
public final class DeviceSealingApi {
    record SealedCastRequest(String slipKey, String signature, String sealed, String proof) {
    }

    private final DeviceSealing sealing;

    public DeviceSealingApi(DeviceSealing sealing) {
        this.sealing = sealing;
    }

    /** GET /api/polls/{pollId}/box */
    void box(Context ctx) {
        DeviceSealing.Box box = sealing.box(ctx.pathParam("pollId"));
        ctx.json(VoterJson.Box.of(box));
    }

    /**
     * POST /api/polls/{pollId}/sealed-ballots: {slipKey, signature, sealed, proof} → {alreadyCounted}; the signature is
     * the slip key's over this cast (token/CastStatement); no receipt code comes back.
     */
    void cast(Context ctx) {
        SealedCastRequest request = JsonBody.read(ctx, SealedCastRequest.class);
        if (request.slipKey() == null) throw BadRequest.missing("slipKey");
        if (request.signature() == null) throw BadRequest.missing("signature");
        if (request.sealed() == null) throw BadRequest.missing("sealed");
        if (request.proof() == null) throw BadRequest.missing("proof");
        boolean retry = sealing.cast(ctx.pathParam("pollId"), request.slipKey(), request.signature(), request.sealed(), request.proof());
        Pages.noStore(ctx);
        ctx.json(new VoterJson.SealedCastAcknowledged(retry));
    }
}
