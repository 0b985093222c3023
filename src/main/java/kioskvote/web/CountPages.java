package kioskvote.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.meeting.Meeting;
import kioskvote.poll.CountResult;
import kioskvote.poll.BoxOpening;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollRejected;
import kioskvote.poll.PollStatus;
import kioskvote.poll.ShareRefused;
import kioskvote.seal.ShareSplitter;

/** The counting committee's page: the key cards that open a sealed poll's ballot box, then the count (docs/rules.md). */
public final class CountPages {
    private final Meeting meeting;
    private final PollStatuses polls;
    private final BoxOpening boxes;

    public CountPages(Meeting meeting, PollStatuses polls, BoxOpening boxes) {
        this.meeting = meeting;
        this.polls = polls;
        this.boxes = boxes;
    }

    /** GET /admin/polls/{id}/count: a field for each card needed to open the sealed box. */
    void countForm(Context ctx) {
        renderCountForm(ctx, List.of(), "");
    }

    /** POST /admin/polls/{id}/count: the committee's cards; opens the box and counts, or says what is wrong (nothing changed). */
    void count(Context ctx) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= ShareSplitter.MAX_SHARES; i++) {
            String code = ctx.formParam("share" + i);
            if (code == null) break;
            codes.add(code);
        }
        try {
            CountResult result = boxes.count(ctx.pathParam("pollId"), codes);
            ctx.redirect("/admin?done=counted&n=" + result.counted() + (result.storageKeyDestroyed() ? "" : "&erased=no"), HttpStatus.SEE_OTHER);
        } catch (ShareRefused e) {
            ApiError error = ErrorCatalog.of(e);
            List<String> keep = new ArrayList<>(codes);
            if (e.position() > 0 && e.position() <= keep.size()) keep.set(e.position() - 1, ""); // the card to present again
            ctx.status(error.status());
            renderCountForm(ctx, keep, PageText.of(ctx).message(error));
        } catch (PollRejected e) {
            ApiError error = ErrorCatalog.of(e);
            ctx.status(error.status());
            renderCountForm(ctx, codes, PageText.of(ctx).message(error));
        }
    }

    private void renderCountForm(Context ctx, List<String> typed, String error) {
        String pollId = ctx.pathParam("pollId");
        PollStatus status = polls.status(pollId);
        var seal = boxes.sealInfo(pollId).orElseThrow(() -> new PollRejected(PollRejected.Code.NOT_SEALED));
        List<String> fields = new ArrayList<>(typed);
        while (fields.size() < seal.threshold()) fields.add("");
        ctx.header("Referrer-Policy", "no-referrer");
        Map<String, Object> params = new HashMap<>();
        params.put("t", PageText.of(ctx));
        params.put("meeting", meeting);
        params.put("status", status);
        params.put("seal", seal);
        params.put("fields", fields);
        params.put("error", error);
        Pages.render(ctx, "count.jte", params);
    }
}
