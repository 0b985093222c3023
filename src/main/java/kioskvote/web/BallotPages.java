package kioskvote.web;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.ballot.CastReceipt;
import kioskvote.ballot.Credential;
import kioskvote.ballot.ReceiptCode;
import kioskvote.ballot.VotingRights;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.token.TokenRejected;

/**
 * The phone ballot, opened by scanning a slip: form, review, cast, receipt. Plain form posts, so it
 * works without JavaScript; kv.js only saves the page load of the review step. Choices travel in
 * POST bodies only, never in a URL, and no page is cacheable; the receipt URL holds only the code.
 */
public final class BallotPages {
    private final Meeting meeting;
    private final VotingRights rights;
    private final SecureRandom random;

    public BallotPages(Meeting meeting, VotingRights rights, SecureRandom random) {
        this.meeting = meeting;
        this.rights = rights;
        this.random = random;
    }

    /** GET /v/{token}: the ballot of the open poll (or the list, if several are open). */
    void ballot(Context ctx) {
        PageText t = PageText.of(ctx);
        String token = ctx.pathParam("token");
        Credential credential = Credential.token(token);
        String chosen = ctx.queryParam("poll");
        if (chosen != null) {
            showForm(ctx, t, token, rights.requireOpen(chosen), ReceiptCode.randomSecret(random), Map.of());
            return;
        }
        List<Poll> open = rights.openPolls();
        if (open.isEmpty()) {
            noPollOpen(ctx, t, credential);
        } else if (open.size() == 1) {
            showForm(ctx, t, token, open.get(0), ReceiptCode.randomSecret(random), Map.of());
        } else {
            Set<String> voted = new LinkedHashSet<>();
            for (Poll p : open) if (rights.usedIn(p, credential)) voted.add(p.id());
            Pages.render(ctx, "choose.jte", Map.of("t", t, "meeting", meeting, "polls", open, "voted", voted,
                    "token", token, "langSwitch", "?lang=" + t.otherLang()));
        }
    }

    /** POST /v/{token}/review: the choices and the subjects left blank, before the final cast. */
    void review(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        String token = ctx.pathParam("token");
        rights.check(Credential.token(token), rights.requireOpen(form.poll().id()));
        Pages.render(ctx, "review.jte", Map.of("t", PageText.of(ctx), "meeting", meeting, "poll", form.poll(),
                "token", token, "receipt", form.receipt(), "marks", form.marks(), "blanks", form.blanks()));
    }

    /** POST /v/{token}/change: back to the form, with the choices (and receipt code) as they were. */
    void change(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        showForm(ctx, PageText.of(ctx), ctx.pathParam("token"), rights.requireOpen(form.poll().id()),
                ReceiptCode.requireSecret(form.receipt()), form.marks());
    }

    /** POST /v/{token}/cast: spends the token and stores the ballot, then 303 to the receipt (POST-redirect-GET). */
    void cast(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        CastReceipt receipt = rights.cast(Credential.token(ctx.pathParam("token")), form.poll().id(), form.marks(), form.receipt());
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
        rights.check(Credential.token(token), poll);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
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
    private void noPollOpen(Context ctx, PageText t, Credential credential) {
        boolean used = false;
        for (Poll p : meeting.polls()) used |= rights.usedIn(p, credential);
        if (used && !rights.morePollsToCome()) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
        Pages.message(ctx, t, "no_poll_open", t.get("noPoll.title"), t.get("noPoll.text"), "");
    }
}
