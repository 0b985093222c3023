package kioskvote.web;

import java.util.List;


import io.javalin.http.Context;

import kioskvote.poll.CountResult;
import kioskvote.seal.CardText;
import kioskvote.poll.OpenedPoll;
import kioskvote.admin.StaffCredentials;
import kioskvote.admin.StaffRole;
import kioskvote.poll.BoxOpening;
import kioskvote.poll.PollLifecycle;
import kioskvote.poll.PollResults;
import kioskvote.poll.PollStatuses;
import kioskvote.slip.SlipOffice.IssuedRun;
import kioskvote.slip.SlipOffice;
import kioskvote.tally.MinutesCsv;
import kioskvote.tally.MinutesJson;
import kioskvote.tally.MinutesPage;

/** Administrative actions: presence, poll lifecycle, slips, minutes. Reached only through AdminGuard. */
public final class AdminApi {
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

    record StaffSecretRequest(String secret) {
    }

    private final PollLifecycle polls;
    private final PollStatuses pollStatuses;
    private final PollResults results;
    private final BoxOpening boxes;
    private final SlipOffice slips;
    private final StaffCredentials staff;
    private final String publicBaseUrl;
    private final String keyFingerprint;
    private final CardDealing dealing;

    public AdminApi(PollLifecycle polls, PollStatuses pollStatuses, PollResults results, BoxOpening boxes,
                    SlipOffice slips, StaffCredentials staff, String publicBaseUrl, String keyFingerprint, CardDealing dealing) {
        this.dealing = dealing;
        this.polls = polls;
        this.pollStatuses = pollStatuses;
        this.results = results;
        this.boxes = boxes;
        this.slips = slips;
        this.staff = staff;
        this.publicBaseUrl = publicBaseUrl;
        this.keyFingerprint = keyFingerprint;
    }

    void setPresent(Context ctx) {
        PresentRequest request = JsonBody.read(ctx, PresentRequest.class);
        if (request.present() == null) throw BadRequest.missing("present");
        polls.setPresent(request.present());
        ctx.json(new AdminJson.Present(request.present()));
    }

    /**
     * The status; for a sealed poll also its box and, for each committee member, where their card is dealt: never a
     * card itself. Each card is fetched once, in an answer of its own ({@link #dealCard}), then wiped.
     */
    void open(Context ctx) {
        boolean confirm = ctx.contentLength() > 0 && Boolean.TRUE.equals(JsonBody.read(ctx, OpenRequest.class).confirmBelowQuorum());
        OpenedPoll opened = polls.open(ctx.pathParam("pollId"), confirm);
        PollStatusJson status = PollStatusJson.of(opened.status());
        opened.shares().ifPresentOrElse(cards -> {
            dealing.start(cards);
            ctx.json(PollChangeJson.Opened.of(status, cards));
        }, () -> ctx.json(new PollChangeJson.Opened(status, null, null)));
    }

    /** POST /api/admin/polls/{id}/cards/{index}: that one card, once (410 card_dealt after); the station then wipes it. */
    void dealCard(Context ctx) {
        CardResponse.dealOne(ctx, dealing);
    }

    void close(Context ctx) {
        ctx.json(PollStatusJson.of(polls.close(ctx.pathParam("pollId"))));
    }

    /** POST /api/admin/polls/{id}/unseal {"shares": [...]}: k share codes open the sealed box; the poll is counted. */
    void unseal(Context ctx) {
        List<CardText> shares = CardCodes.fromJson(ctx); // never Strings of the cards (docs/security.md, "Memory")
        CountResult result;
        try {
            result = boxes.count(ctx.pathParam("pollId"), shares);
        } finally {
            shares.forEach(CardText::wipe);
        }
        ctx.json(PollChangeJson.Counted.of(result));
    }

    /** The next round of a closed election, added as a draft poll; answers its status and definition. */
    void nextRound(Context ctx) {
        var poll = polls.addNextRound(ctx.pathParam("pollId"));
        var election = poll.election().orElseThrow();
        ctx.status(201).json(PollChangeJson.NextRound.of(PollStatusJson.of(pollStatuses.status(poll.id())), election));
    }

    void showResults(Context ctx) {
        ctx.json(PollStatusJson.of(polls.showResults(ctx.pathParam("pollId"))));
    }

    void issueSlips(Context ctx) throws java.io.IOException {
        SlipsRequest request = JsonBody.read(ctx, SlipsRequest.class);
        if (request.count() == null) throw BadRequest.missing("count");
        IssuedRun run = slips.issue(request.count(), request.label(), publicBaseUrl);
        if ("json".equals(request.format())) {
            ctx.json(AdminJson.IssuedSlips.of(run));
        } else {
            sendSheet(ctx, slips, keyFingerprint, run);
        }
    }

    void voidSlip(Context ctx) {
        VoidRequest request = JsonBody.read(ctx, VoidRequest.class);
        if (request.code() == null) throw BadRequest.missing("code");
        slips.voidSlip(request.code());
        ctx.json(new AdminJson.VoidedSlip(request.code()));
    }

    void voidRun(Context ctx) {
        VoidRunRequest request = JsonBody.read(ctx, VoidRunRequest.class);
        if (request.batchId() == null) throw BadRequest.missing("batchId");
        ctx.json(new AdminJson.VoidedRun(request.batchId(), slips.voidUnusedOfRun(request.batchId())));
    }

    /** POST /api/admin/staff/{role}: body {"secret": "…"}; the chair's or the desk clerk's passphrase or PIN. */
    void setStaffSecret(Context ctx) {
        StaffSecretRequest request = JsonBody.read(ctx, StaffSecretRequest.class);
        if (request.secret() == null) throw BadRequest.missing("secret");
        StaffRole role = StaffPages.staffRole(ctx);
        staff.set(role, request.secret());
        ctx.json(new AdminJson.StaffSecret(role.name().toLowerCase(java.util.Locale.ROOT), true));
    }

    void removeStaffSecret(Context ctx) {
        StaffRole role = StaffPages.staffRole(ctx);
        staff.remove(role);
        ctx.json(new AdminJson.StaffSecret(role.name().toLowerCase(java.util.Locale.ROOT), false));
    }

    void batches(Context ctx) {
        ctx.json(AdminJson.Batches.of(slips.batches()));
    }

    void minutesJson(Context ctx) {
        ctx.json(MinutesJson.of(results.minutes(ctx.pathParam("pollId"), ChairApi.language(ctx))));
    }

    void minutesCsv(Context ctx) {
        byte[] csv = MinutesCsv.write(results.minutes(ctx.pathParam("pollId"), ChairApi.language(ctx)));
        ctx.header("Content-Disposition", "attachment; filename=\"bien-ban-" + ctx.pathParam("pollId") + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    void minutesPage(Context ctx) {
        ctx.html(MinutesPage.render(results.minutes(ctx.pathParam("pollId"), ChairApi.language(ctx))));
    }

    /** Streams a run's printable slip sheet as the answer. */
    static void sendSheet(Context ctx, SlipOffice slips, String keyFingerprint, SlipOffice.IssuedRun run) throws java.io.IOException {
        ctx.contentType("text/html; charset=utf-8");
        try (var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            slips.writeSheet(run, keyFingerprint, writer);
        }
    }
}
