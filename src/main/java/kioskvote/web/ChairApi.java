package kioskvote.web;

import java.util.ArrayList;
import java.util.Map;

import io.javalin.http.Context;

import kioskvote.poll.PollResults;
import kioskvote.poll.PollStatuses;
import kioskvote.record.BallotPage;
import kioskvote.tally.MinutesJson;
import kioskvote.text.Language;

/** What the chair's screen and anyone in the room may read: turnout always, results once the chair has shown them. */
public final class ChairApi {
    private final PollStatuses polls;
    private final PollResults results;

    public ChairApi(PollStatuses polls, PollResults results) {
        this.polls = polls;
        this.results = results;
    }

    void polls(Context ctx) {
        ctx.json(PollStatusJson.Polls.of(polls.statuses()));
    }

    void poll(Context ctx) {
        ctx.json(PollStatusJson.of(polls.status(ctx.pathParam("pollId"))));
    }

    void results(Context ctx) {
        polls.status(ctx.pathParam("pollId")).requirePublished();
        ctx.json(MinutesJson.toMap(results.minutes(ctx.pathParam("pollId"), language(ctx))));
    }

    void receipts(Context ctx) {
        polls.status(ctx.pathParam("pollId")).requirePublished();
        ctx.json(Map.of("pollId", ctx.pathParam("pollId"), "receipts", results.receipts(ctx.pathParam("pollId"))));
    }

    void ballots(Context ctx) {
        polls.status(ctx.pathParam("pollId")).requirePublished();
        var ballots = results.ballots(ctx.pathParam("pollId")).stream().map(a -> a.marks()).toList();
        ctx.json(Map.of("pollId", ctx.pathParam("pollId"), "ballots", ballots));
    }

    /**
     * GET /api/ballot-page: the scripts the phone's ballot page runs (record/BallotPage) and the page hash each opened
     * poll's commitment pins; `kioskvote check-page` fetches the scripts itself and compares.
     */
    void ballotPage(Context ctx) {
        var committed = new ArrayList<Map<String, String>>();
        for (var status : polls.statuses()) {
            polls.recordAnchor(status.pollId()).flatMap(a -> a.ballotPageSha256()).ifPresent(page ->
                    committed.add(Map.of("poll", status.pollId(), "state", status.state().code(), "ballotPageSha256", page)));
        }
        ctx.json(Map.of("format", BallotPage.FIRST_LINE, "scripts", BallotPage.SCRIPTS, "polls", committed));
    }

    static Language language(Context ctx) {
        return Language.fromCode(ctx.queryParam("lang"));
    }
}
