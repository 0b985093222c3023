package kioskvote.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.paper.PaperBallot;
import kioskvote.paper.PaperDesk;
import kioskvote.paper.PaperLines;

/**
 * Paper ballots (docs/rules.md, "Paper ballots"): the printable paper form of a poll, and the counting
 * committee's double-entry page and API. Every entry goes through {@link PaperDesk}.
 */
public final class PaperPages {
    record BatchRequest(String batch, String teller, List<BallotRequest> ballots) {
    }

    record BallotRequest(String code, Map<String, List<String>> answers) {
    }

    private final Meeting meeting;
    private final PaperDesk desk;

    public PaperPages(Meeting meeting, PaperDesk desk) {
        this.meeting = meeting;
        this.desk = desk;
    }

    /** GET /admin/polls/{pollId}/paper-form: the paper ballot, numbered as the tellers type it, with room for the slip. */
    void form(Context ctx) {
        PageText t = PageText.of(ctx);
        Pages.render(ctx, "paper-form.jte", Map.of("t", t, "meeting", meeting, "poll", poll(ctx)));
    }

    /** GET /admin/polls/{pollId}/paper: the entry form. */
    void show(Context ctx) {
        page(ctx, Optional.empty(), "", "", "");
    }

    /** POST /admin/polls/{pollId}/paper: one teller's entry of a batch (form fields batch, teller, lines). */
    void enter(Context ctx) {
        Poll poll = poll(ctx);
        String lines = Optional.ofNullable(ctx.formParam("lines")).orElse("");
        List<PaperBallot> ballots = PaperLines.parse(poll, lines);
        PaperDesk.Outcome outcome = desk.enter(poll.id(), ctx.formParam("batch"), ctx.formParam("teller"), ballots);
        page(ctx, Optional.of(outcome), ctx.formParam("batch"), "", outcome.state() == PaperDesk.State.ACCEPTED ? "" : lines);
    }

    /** POST /api/admin/polls/{pollId}/paper-batches: the same entry as JSON. */
    void enterJson(Context ctx) {
        Poll poll = poll(ctx);
        BatchRequest request = JsonBody.read(ctx, BatchRequest.class);
        if (request.ballots() == null) throw BadRequest.missing("ballots");
        List<PaperBallot> ballots = request.ballots().stream().map(b -> {
            if (b == null || b.code() == null) throw BadRequest.missing("code");
            String code = kioskvote.token.ShortCode.normalize(b.code()).orElseThrow(() -> BadRequest.missing("code"));
            Map<String, List<String>> answers = b.answers() == null ? Map.of() : b.answers();
            for (var entry : answers.entrySet()) {
                var question = poll.question(entry.getKey()).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_QUESTION));
                for (String optionId : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                    if (question.option(optionId).isEmpty()) throw new BallotRejected(BallotRejected.Code.UNKNOWN_OPTION);
                }
            }
            return new PaperBallot(code, answers);
        }).toList();
        if (ballots.stream().map(PaperBallot::code).distinct().count() != ballots.size()) throw BadRequest.missing("code");
        PaperDesk.Outcome outcome = desk.enter(poll.id(), request.batch(), request.teller(), ballots);
        ctx.json(PaperEntryJson.of(outcome));
    }

    private void page(Context ctx, Optional<PaperDesk.Outcome> outcome, String batch, String teller, String lines) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", PageText.of(ctx));
        params.put("meeting", meeting);
        params.put("poll", poll(ctx));
        params.put("outcome", outcome);
        params.put("batch", batch == null ? "" : batch);
        params.put("lines", lines);
        Pages.render(ctx, "paper.jte", params);
    }

    private Poll poll(Context ctx) {
        return meeting.poll(ctx.pathParam("pollId")).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }
}
