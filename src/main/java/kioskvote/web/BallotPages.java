package kioskvote.web;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.CastReceipt;
import kioskvote.ballot.Credential;
import kioskvote.ballot.ReceiptCode;
import kioskvote.ballot.VotingRights;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollState;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollStatus;
import kioskvote.token.TokenRejected;

/**
 * The phone ballot, opened by scanning a slip: form, review, cast, receipt. Plain form posts, so it
 * works without JavaScript; kv.js only saves the page load of the review step. Choices travel in
 * POST bodies only, never in a URL, and no page is cacheable; the receipt URL holds only the code.
 */
public final class BallotPages {
    private final Meeting meeting;
    private final VotingRights rights;
    private final PollStatuses polls;
    private final SecureRandom random;

    public BallotPages(Meeting meeting, VotingRights rights, PollStatuses polls, SecureRandom random) {
        this.meeting = meeting;
        this.rights = rights;
        this.polls = polls;
        this.random = random;
    }

    /**
     * GET /V (the slip's QR code: /V#SECRET): a page whose script (public/slip.js) derives the slip key from the
     * fragment, which never reaches the station, and goes on to /v/PUBLIC-KEY. Without JavaScript it says to turn
     * it on or to vote at a kiosk with the short code (docs/security.md, "Slips").
     */
    void entry(Context ctx) {
        Pages.render(ctx, "slip.jte", Map.of("t", PageText.of(ctx)));
    }

    /** GET /v/{token}: the ballot of the open poll (or the list, if several are open); {token} is the slip's public key. */
    void ballot(Context ctx) {
        PageText t = PageText.of(ctx);
        String token = ctx.pathParam("token");
        Credential credential = Credential.slipKey(token);
        // Read before deciding: if the chair opens or closes a poll meanwhile, the waiting page's live feed
        // sees a state other than the one it was drawn from, and asks again.
        List<PollStatus> before = polls.statuses();
        String chosen = ctx.queryParam("poll");
        if (chosen != null) {
            Poll poll = meeting.poll(chosen).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
            // Back to a ballot already cast or since closed (the receipt's "next" button, the back button, a
            // refresh): what comes next for this slip instead.
            if (rights.openPolls().contains(poll) && !rights.usedIn(poll, credential)) {
                showForm(ctx, t, token, poll, ReceiptCode.randomSecret(random), Map.of());
                return;
            }
        }
        List<Poll> open = rights.openPolls();
        Set<String> voted = new LinkedHashSet<>();
        for (Poll p : open) if (rights.usedIn(p, credential)) voted.add(p.id());
        List<Poll> unvoted = open.stream().filter(p -> !voted.contains(p.id())).toList();
        if (unvoted.isEmpty()) {
            noPollOpen(ctx, t, token, credential, before);
        } else if (open.size() == 1) {
            showForm(ctx, t, token, open.get(0), ReceiptCode.randomSecret(random), Map.of());
        } else {
            Pages.render(ctx, "choose.jte", Map.of("t", t, "meeting", meeting, "polls", open, "voted", voted,
                    "token", token, "langSwitch", "?lang=" + t.otherLang()));
        }
    }

    /** POST /v/{token}/review: the choices and the subjects left blank, before the final cast. */
    void review(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        String token = ctx.pathParam("token");
        rights.requireMarksAllowed(form.poll()); // a phone without JavaScript, where the meeting requires device sealing
        rights.check(Credential.slipKey(token), rights.requireOpen(form.poll().id()));
        Pages.render(ctx, "review.jte", Map.of("t", PageText.of(ctx), "meeting", meeting, "poll", form.poll(),
                "token", token, "receipt", form.receipt(), "marks", form.marks(), "blanks", form.blanks()));
    }

    /** POST /v/{token}/change: back to the form, with the choices (and receipt code) as they were. */
    void change(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        showForm(ctx, PageText.of(ctx), ctx.pathParam("token"), rights.requireOpen(form.poll().id()),
                ReceiptCode.requireSecret(form.receipt()), form.marks());
    }

    /**
     * POST /v/{token}/cast: with the slip key's signature of this cast (added by public/slip.js), spends the slip
     * and stores the ballot, then 303 to the receipt (POST-redirect-GET).
     */
    void cast(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        CastReceipt receipt = rights.castSigned(Credential.slipKey(ctx.pathParam("token")), ctx.formParam("signature"),
                form.poll().id(), form.marks(), form.receipt());
        Pages.noStore(ctx);
        // The poll id is no secret; it lets the receipt name the polls still to come for the same slip.
        ctx.redirect("/receipt/" + receipt.receiptCode() + "?poll=" + form.poll().id(), HttpStatus.SEE_OTHER);
    }

    /** GET /receipt/{code}[?poll=ID]: the receipt code, nothing of the choices, and the polls that remain. */
    void receipt(Context ctx) {
        PageText t = PageText.of(ctx);
        String code = ReceiptCode.requireCode(ctx.pathParam("code"));
        String pollId = ctx.queryParam("poll");
        List<PollStatus> remaining = polls.statuses().stream()
                .filter(s -> s.state() != PollState.CLOSED && !s.pollId().equals(pollId)).toList();
        // The receipt names its poll, so a voter who votes in several keeps each code with the right one.
        String pollTitle = pollId == null ? "" : meeting.poll(pollId).map(p -> p.title()).orElse("");
        Pages.render(ctx, "receipt.jte", Map.of("t", t, "code", code, "pollTitle", pollTitle, "remaining", remaining,
                "langSwitch", "?lang=" + t.otherLang() + (pollId == null ? "" : "&poll=" + pollId)));
    }

    private void showForm(Context ctx, PageText t, String token, Poll poll, String receipt, Map<String, List<String>> marks) {
        rights.check(Credential.slipKey(token), poll);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        params.put("poll", poll);
        params.put("token", token);
        params.put("receipt", receipt);
        params.put("marks", marks);
        params.put("deviceSealingRequired", !rights.deviceSealing().allowsMarksOnTheAir(poll));
        params.put("langSwitch", "/v/" + token + "?poll=" + poll.id() + "&lang=" + t.otherLang());
        params.put("self", "/v/" + token + "?poll=" + poll.id()); // what kv.js puts back in the address bar after a post
        // For the receipt a sealed poll's page shows itself (ballot-device.js): the polls still to come, as receipt.jte.
        params.put("remaining", polls.statuses().stream().filter(s -> s.state() != PollState.CLOSED && !s.pollId().equals(poll.id())).toList());
        Pages.render(ctx, "ballot.jte", params);
    }

    /**
     * No poll is open: a slip already used in every poll held so far is "already used"; otherwise the
     * voter keeps the slip for the poll to come. A forged or voided slip is refused here too.
     */
    private void noPollOpen(Context ctx, PageText t, String token, Credential credential, List<PollStatus> statuses) {
        List<Poll> used = meeting.polls().stream().filter(p -> rights.usedIn(p, credential)).toList();
        List<PollStatus> toCome = statuses.stream().filter(s -> s.state() == PollState.DRAFT).toList();
        if (toCome.isEmpty()) {
            if (!used.isEmpty()) throw new TokenRejected(TokenRejected.Reason.ALREADY_USED);
            Pages.message(ctx, t, "meeting_over", t.get("wait.overTitle"), t.get("wait.overText"), "");
            return;
        }
        // The waiting page: kv.js follows /api/live and loads this URL again when a poll opens or closes.
        String watch = statuses.stream().map(s -> s.pollId() + ":" + s.state().code()).collect(Collectors.joining(","));
        Pages.render(ctx, "waiting.jte", Map.of("t", t, "meeting", meeting, "used", used, "toCome", toCome, "watch", watch,
                "langSwitch", "/v/" + token + "?lang=" + t.otherLang()));
    }
}
