package kioskvote.web;

import kioskvote.meeting.PollState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.CastReceipt;
import kioskvote.meeting.Poll;
import kioskvote.ballot.ReceiptCode;
import kioskvote.poll.PollStatus;
import kioskvote.token.TokenRejected;

/**
 * The phone ballot, opened by scanning a slip: form, review, cast, receipt. Plain form posts, so it
 * works without JavaScript; kv.js only saves the page load of the review step. Choices travel in
 * POST bodies only, never in a URL, and no page is cacheable; the receipt URL holds only the code.
 */
final class BallotPages {
    private final Station station;

    BallotPages(Station station) {
        this.station = station;
    }

    /** GET /v/{token}: the ballot of the open poll (or the list, if several are open). */
    void ballot(Context ctx) {
        PageText t = PageText.of(ctx);
        String token = ctx.pathParam("token");
        String chosen = ctx.queryParam("poll");
        if (chosen != null) {
            showForm(ctx, t, token, requireOpen(chosen), ReceiptCode.randomSecret(station.random()), Map.of());
            return;
        }
        List<PollStatus> statuses = station.desk().statuses();
        List<Poll> open = statuses.stream().filter(s -> s.state() == PollState.OPEN).map(s -> poll(s.pollId())).toList();
        if (open.isEmpty()) {
            noPollOpen(ctx, t, token, statuses);
        } else if (open.size() == 1) {
            showForm(ctx, t, token, open.get(0), ReceiptCode.randomSecret(station.random()), Map.of());
        } else {
            Set<String> voted = new LinkedHashSet<>();
            for (Poll p : open) if (alreadyUsedIn(p, token)) voted.add(p.id());
            Pages.render(ctx, "choose.jte", Map.of("t", t, "meeting", station.meeting(), "polls", open, "voted", voted,
                    "token", token, "langSwitch", "?lang=" + t.otherLang()));
        }
    }

    /** POST /v/{token}/review: the choices and the subjects left blank, before the final cast. */
    void review(Context ctx) {
        BallotForm form = BallotForm.read(ctx, station.meeting());
        String token = ctx.pathParam("token");
        requireOpen(form.poll().id());
        station.ballotBox().checkToken(form.poll().id(), token);
        Pages.render(ctx, "review.jte", Map.of("t", PageText.of(ctx), "meeting", station.meeting(), "poll", form.poll(),
                "token", token, "receipt", form.receipt(), "marks", form.marks(), "blanks", form.blanks()));
    }

    /** POST /v/{token}/change: back to the form, with the choices (and receipt code) as they were. */
    void change(Context ctx) {
        BallotForm form = BallotForm.read(ctx, station.meeting());
        showForm(ctx, PageText.of(ctx), ctx.pathParam("token"), requireOpen(form.poll().id()), ReceiptCode.requireSecret(form.receipt()), form.marks());
    }

    /** POST /v/{token}/cast: spends the token and stores the ballot, then 303 to the receipt (POST-redirect-GET). */
    void cast(Context ctx) {
        BallotForm form = BallotForm.read(ctx, station.meeting());
        CastReceipt receipt = station.ballotBox().cast(form.poll().id(), ctx.pathParam("token"), form.marks(), form.receipt());
        Pages.noStore(ctx);
        ctx.redirect("/receipt/" + receipt.receiptCode(), HttpStatus.SEE_OTHER);
    }

    /** GET /receipt/{code}: the receipt code and nothing of the choices. */
    void receipt(Context ctx) {
        PageText t = PageText.of(ctx);
        String code = ReceiptCode.requireCode(ctx.pathParam("code"));
        Pages.render(ctx, "receipt.jte", Map.of("t", t, "code", code, "langSwitch", "?lang=" + t.otherLang()));
    }

    private void showForm(Context ctx, PageText t, String token, Poll poll, String receipt, Map<String, List<String>> marks) {
        station.ballotBox().checkToken(poll.id(), token);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", station.meeting());
        params.put("poll", poll);
        params.put("token", token);
        params.put("receipt", receipt);
        params.put("marks", marks);
        params.put("langSwitch", "/v/" + token + "?poll=" + poll.id() + "&lang=" + t.otherLang());
        Pages.render(ctx, "ballot.jte", params);
    }

    /**
     * No poll is open: a slip already used in every poll held so far is "already used"; otherwise the
     * voter keeps the slip for the poll to come. A forged or voided slip is refused here too.
     */
    private void noPollOpen(Context ctx, PageText t, String token, List<PollStatus> statuses) {
        boolean used = false;
        for (PollStatus s : statuses) used |= alreadyUsedIn(poll(s.pollId()), token);
        boolean moreToCome = statuses.stream().anyMatch(s -> s.state() == PollState.DRAFT);
        if (used && !moreToCome) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
        Pages.message(ctx, t, "no_poll_open", t.get("noPoll.title"), t.get("noPoll.text"), "");
    }

    /** True if the token was spent in this poll; any other refusal (forged, voided…) is thrown. */
    private boolean alreadyUsedIn(Poll poll, String token) {
        try {
            station.ballotBox().checkToken(poll.id(), token);
            return false;
        } catch (TokenRejected e) {
            if (e.reason() != TokenRejected.Reason.ALREADY_USED) throw e;
            return true;
        }
    }

    private Poll requireOpen(String pollId) {
        if (station.desk().status(pollId).state() != PollState.OPEN) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        return poll(pollId);
    }

    private Poll poll(String pollId) {
        return station.meeting().poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }
}
