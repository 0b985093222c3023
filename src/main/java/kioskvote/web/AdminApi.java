package kioskvote.web;

import java.util.Map;

import java.util.LinkedHashMap;

import io.javalin.http.Context;
import kioskvote.poll.CountResult;
import kioskvote.poll.OpenedPoll;
import kioskvote.slip.SlipOffice.IssuedRun;
import kioskvote.tally.MinutesCsv;
import kioskvote.tally.MinutesJson;
import kioskvote.tally.MinutesPage;

/** Administrative actions: presence, poll lifecycle, slips, minutes. Reached only through AdminGuard. */
final class AdminApi {
    record PresentRequest(Integer present) {
    }

    record OpenRequest(Boolean confirmBelowQuorum) {
    }

    record SlipsRequest(Integer count, String label, String format) {
    }

    record VoidRequest(String code) {
    }

    record VoidRunRequest(String batchId) {
    }

    private final Station station;

    AdminApi(Station station) {
        this.station = station;
    }

    void setPresent(Context ctx) {
        PresentRequest request = JsonBody.read(ctx, PresentRequest.class);
        if (request.present() == null) throw BadRequest.missing("present");
        station.desk().setPresent(request.present());
        ctx.json(Map.of("present", request.present()));
    }

    record UnsealRequest(java.util.List<String> shares) {
    }

    /** The status; for a sealed poll also its key shares, in this answer only (the station keeps no copy). */
    void open(Context ctx) {
        boolean confirm = ctx.contentLength() > 0 && Boolean.TRUE.equals(JsonBody.read(ctx, OpenRequest.class).confirmBelowQuorum());
        OpenedPoll opened = station.desk().open(ctx.pathParam("pollId"), confirm);
        Map<String, Object> answer = new LinkedHashMap<>(StatusJson.of(opened.status()));
        opened.shares().ifPresent(cards -> {
            Pages.noStore(ctx);
            answer.put("box", Map.of("fingerprint", cards.boxFingerprint(), "threshold", cards.threshold(), "shares", cards.cards().size()));
            answer.put("shares", cards.cards().stream().map(card -> Map.of("member", card.member().name(), "role", card.member().role(),
                    "index", card.index(), "of", card.of(), "code", card.code())).toList());
        });
        ctx.json(answer);
    }

    void close(Context ctx) {
        ctx.json(StatusJson.of(station.desk().close(ctx.pathParam("pollId"))));
    }

    /** POST /api/admin/polls/{id}/unseal {"shares": [...]}: k share codes open the sealed box; the poll is counted. */
    void unseal(Context ctx) {
        UnsealRequest request = JsonBody.read(ctx, UnsealRequest.class);
        if (request.shares() == null) throw BadRequest.missing("shares");
        CountResult result = station.desk().count(ctx.pathParam("pollId"), request.shares());
        Map<String, Object> answer = new LinkedHashMap<>(StatusJson.of(result.status()));
        answer.put("counted", result.counted());
        answer.put("compacted", result.compacted());
        ctx.json(answer);
    }

    void issueSlips(Context ctx) throws java.io.IOException {
        SlipsRequest request = JsonBody.read(ctx, SlipsRequest.class);
        if (request.count() == null) throw BadRequest.missing("count");
        IssuedRun run = station.slips().issue(request.count(), request.label(), station.publicBaseUrl());
        if ("json".equals(request.format())) {
            ctx.json(Map.of("batchId", run.batchId(), "slips",
                    run.slips().stream().map(s -> Map.of("url", s.url(), "shortCode", s.shortCode())).toList()));
        } else {
            sendSheet(ctx, station, run);
        }
    }

    void voidSlip(Context ctx) {
        VoidRequest request = JsonBody.read(ctx, VoidRequest.class);
        if (request.code() == null) throw BadRequest.missing("code");
        station.slips().voidSlip(request.code());
        ctx.json(Map.of("voided", request.code()));
    }

    void voidRun(Context ctx) {
        VoidRunRequest request = JsonBody.read(ctx, VoidRunRequest.class);
        if (request.batchId() == null) throw BadRequest.missing("batchId");
        ctx.json(Map.of("batchId", request.batchId(), "voided", station.slips().voidUnusedOfRun(request.batchId())));
    }

    void batches(Context ctx) {
        ctx.json(Map.of("batches", station.slips().batches()));
    }

    void minutesJson(Context ctx) {
        ctx.json(MinutesJson.toMap(station.desk().minutes(ctx.pathParam("pollId"), ChairApi.language(ctx))));
    }

    void minutesCsv(Context ctx) {
        byte[] csv = MinutesCsv.write(station.desk().minutes(ctx.pathParam("pollId"), ChairApi.language(ctx)));
        ctx.header("Content-Disposition", "attachment; filename=\"bien-ban-" + ctx.pathParam("pollId") + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    void minutesPage(Context ctx) {
        ctx.html(MinutesPage.render(station.desk().minutes(ctx.pathParam("pollId"), ChairApi.language(ctx))));
    }

    /** Streams a run's printable slip sheet as the answer. */
    static void sendSheet(Context ctx, Station station, kioskvote.slip.SlipOffice.IssuedRun run) throws java.io.IOException {
        ctx.contentType("text/html; charset=utf-8");
        try (var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            station.slips().writeSheet(run, station.keyFingerprint(), writer);
        }
    }
}
