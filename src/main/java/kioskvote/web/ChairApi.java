package kioskvote.web;

import java.util.Map;

import io.javalin.http.Context;
import kioskvote.text.Language;
import kioskvote.tally.MinutesJson;

/** What the chair's screen and anyone in the room may read: turnout always, results after the close. */
final class ChairApi {
    private final Station station;

    ChairApi(Station station) {
        this.station = station;
    }

    void polls(Context ctx) {
        ctx.json(Map.of("polls", station.desk().statuses().stream().map(StatusJson::of).toList()));
    }

    void poll(Context ctx) {
        ctx.json(StatusJson.of(station.desk().status(ctx.pathParam("pollId"))));
    }

    void results(Context ctx) {
        ctx.json(MinutesJson.toMap(station.desk().minutes(ctx.pathParam("pollId"), language(ctx))));
    }

    void receipts(Context ctx) {
        ctx.json(Map.of("pollId", ctx.pathParam("pollId"), "receipts", station.desk().receipts(ctx.pathParam("pollId"))));
    }

    void ballots(Context ctx) {
        var ballots = station.desk().ballots(ctx.pathParam("pollId")).stream().map(a -> a.marks()).toList();
        ctx.json(Map.of("pollId", ctx.pathParam("pollId"), "ballots", ballots));
    }

    static Language language(Context ctx) {
        return Language.fromCode(ctx.queryParam("lang"));
    }
}
