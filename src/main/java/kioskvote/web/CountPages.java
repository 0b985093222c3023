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
import kioskvote.seal.CardText;

/**
 * The counting committee's page: the key cards that open a sealed poll's ballot box, typed group by group (or
 * scanned), then the count (docs/rules.md). A mistake is shown beside the group or card it is about, and what was
 * typed stays in the fields.
 */
public final class CountPages {
    private final Meeting meeting;
    private final PollStatuses polls;
    private final BoxOpening boxes;

    public CountPages(Meeting meeting, PollStatuses polls, BoxOpening boxes) {
        this.meeting = meeting;
        this.polls = polls;
        this.boxes = boxes;
    }

    /** GET /admin/polls/{id}/count: a card's groups of fields for each card needed to open the sealed box. */
    void countForm(Context ctx) {
        renderCountForm(ctx, seal -> CardEntry.empty(seal.threshold()), List.of(), "");
    }

    /**
     * POST /admin/polls/{id}/count: the committee's cards; opens the box and counts, or says what is wrong
     * (nothing changed). With {@code relang} (the language switch) the same form comes back in the other language,
     * nothing checked and nothing counted.
     */
    void count(Context ctx) {
        PageText t = PageText.of(ctx);
        // The cards are read from the request's bytes as wipeable characters, never as Strings: a count that
        // succeeds leaves no copy of a card in the station (docs/security.md, "Memory").
        CardCodes.CountForm form = CardCodes.countForm(ctx);
        List<CardText> codes = form.codes();
        try {
            if (form.relang()) {
                renderCountForm(ctx, seal -> form.typed(), List.of(), "");
                return;
            }
            CountResult result = boxes.count(ctx.pathParam("pollId"), codes);
            ctx.redirect("/admin?done=counted&n=" + result.counted() + (result.storageKeyDestroyed() ? "" : "&erased=no"), HttpStatus.SEE_OTHER);
        } catch (ShareRefused e) {
            // Refused, nothing changed: the cards go back into the form to be corrected, as Strings (a refused
            // attempt may leave copies; docs/security.md, "Memory"), each mistake beside its group or card.
            List<CardEntry.Card> cards = form.typed();
            List<CardEntry.Problem> problems = CardEntry.check(cards, t);
            ApiError error = ErrorCatalog.of(e);
            if (!problems.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST); // as the same mistakes answer from the API (share_check_character…)
                renderCountForm(ctx, seal -> cards, problems, "");
            } else if (e.position() > 0) { // a card of another poll, or one given twice: said beside that card
                ctx.status(error.status());
                renderCountForm(ctx, seal -> cards, List.of(new CardEntry.Problem(e.position(), 0, t.message(error))), "");
            } else {
                ctx.status(error.status());
                renderCountForm(ctx, seal -> cards, List.of(), t.message(error));
            }
        } catch (PollRejected e) {
            ApiError error = ErrorCatalog.of(e);
            ctx.status(error.status());
            renderCountForm(ctx, seal -> form.typed(), List.of(), t.message(error));
        } finally {
            codes.forEach(CardText::wipe);
            form.wipe();
        }
    }

    private void renderCountForm(Context ctx, java.util.function.Function<BoxOpening.SealInfo, List<CardEntry.Card>> cards,
            List<CardEntry.Problem> problems, String general) {
        String pollId = ctx.pathParam("pollId");
        PollStatus status = polls.status(pollId);
        var seal = boxes.sealInfo(pollId).orElseThrow(() -> new PollRejected(PollRejected.Code.NOT_SEALED));
        List<CardEntry.Card> fields = new ArrayList<>(cards.apply(seal));
        fields.addAll(CardEntry.empty(seal.threshold()).subList(Math.min(fields.size(), seal.threshold()), seal.threshold()));
        PageText t = PageText.of(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("meeting", meeting);
        params.put("status", status);
        params.put("seal", seal);
        params.put("form", CountForm.of(fields, problems, general));
        params.put("langSwitch", "/admin/polls/" + pollId + "/count?lang=" + t.otherLang());
        Pages.render(ctx, "count.jte", params);
    }
}
