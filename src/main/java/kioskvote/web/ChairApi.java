package kioskvote.web;

import java.util.ArrayList;

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
        ctx.json(MinutesJson.of(results.minutes(ctx.pathParam("pollId"), language(ctx))));
    }

    void receipts(Context ctx) {
        polls.status(ctx.pathParam("pollId")).requirePublished();
        ctx.json(new PublishedJson.Receipts(ctx.pathParam("pollId"), results.receipts(ctx.pathParam("pollId"))));
    }

    void ballots(Context ctx) {
        polls.status(ctx.pathParam("pollId")).requirePublished();
        var ballots = results.ballots(ctx.pathParam("pollId")).stream().map(a -> a.marks()).toList();
        ctx.json(new PublishedJson.Ballots(ctx.pathParam("pollId"), ballots));
    }

    /**
     * GET /api/ballot-page: the scripts the phone's ballot page runs (record/BallotPage) and the page hash each opened
     * poll's commitment pins; `kioskvote check-page` fetches the scripts itself and compares.
     */
    void ballotPage(Context ctx) {
        var committed = new ArrayList<PublishedJson.CommittedPage>();
        for (var status : polls.statuses()) {
            polls.recordAnchor(status.pollId()).flatMap(a -> a.ballotPageSha256()).ifPresent(page ->
                    committed.add(new PublishedJson.CommittedPage(status.pollId(), status.state().code(), page)));
        }
        ctx.json(new PublishedJson.BallotPage(BallotPage.FIRST_LINE, BallotPage.SCRIPTS, committed));
    }

    static Language language(Context ctx) {
        return Language.fromCode(ctx.queryParam("lang"));
    }
}
