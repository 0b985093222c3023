package kioskvote.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.javalin.http.Context;

import kioskvote.ballot.BallotBox;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.CastReceipt;
import kioskvote.ballot.VotingRights;
import kioskvote.meeting.Meeting;
import kioskvote.roster.Turnout;

/** What a voter's page (or a kiosk) may do: read the ballot, check a slip, cast. */
public final class VoterApi {
    /** A cast: the slip's public key, its signature of this cast (token/CastStatement), the marks and the receipt secret. */
    record CastRequest(String slipKey, String signature, Map<String, List<String>> answers, String receipt) {
    }

    record TokenCheckRequest(String slipKey) {
    }

    private final Meeting meeting;
    private final String keyFingerprint;
    private final BallotBox ballotBox;
    private final Supplier<Turnout> turnout;
    private volatile int lastSummoned = -1;
    private final VotingRights rights;

    /** @param turnout the figures the desk, the projector and the minutes use: the roster's count once one is imported */
    public VoterApi(Meeting meeting, String keyFingerprint, BallotBox ballotBox, Supplier<Turnout> turnout, VotingRights rights) {
        this.rights = rights;
        this.meeting = meeting;
        this.turnout = turnout;
        this.keyFingerprint = keyFingerprint;
        this.ballotBox = ballotBox;
    }

    void meeting(Context ctx) {
        ctx.json(MeetingJson.of(meeting, summoned(), keyFingerprint));
    }

    /**
     * The roster's count once one is imported. The meeting's description is what a page needs to show a ballot, so
     * it keeps answering while the database is away (docs/scaling.md): then with the last figure it read.
     */
    private int summoned() {
        try {
            int summoned = turnout.get().summoned();
            lastSummoned = summoned;
            return summoned;
        } catch (RuntimeException e) {
            if (!ErrorResponses.isDatabaseTrouble(e)) throw e;
            return lastSummoned >= 0 ? lastSummoned : meeting.summoned();
        }
    }

    void checkToken(Context ctx) {
        TokenCheckRequest request = JsonBody.read(ctx, TokenCheckRequest.class);
        if (request.slipKey() == null) throw BadRequest.missing("slipKey");
        ballotBox.checkSlipKey(ctx.pathParam("pollId"), request.slipKey());
        ctx.json(new VoterJson.TokenUsable(true));
    }

    void cast(Context ctx) {
        CastRequest request = JsonBody.read(ctx, CastRequest.class);
        if (request.slipKey() == null) throw BadRequest.missing("slipKey");
        if (request.answers() == null) throw BadRequest.missing("answers");
        if (request.receipt() == null) throw BadRequest.missing("receipt");
        rights.requireMarksAllowed(meeting.poll(ctx.pathParam("pollId")).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL)));
        CastReceipt receipt = ballotBox.castSigned(ctx.pathParam("pollId"), request.slipKey(), request.signature(),
                request.answers(), request.receipt());
        ctx.json(new VoterJson.CastAcknowledged(receipt.receiptCode(), receipt.alreadyCounted()));
    }
}
