package kioskvote.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import kioskvote.ballot.BallotRejected;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.poll.PollRejected;
import kioskvote.poll.PollRecords;
import kioskvote.tally.Minutes.RecordAnchor;

/**
 * The election record for anyone (docs/record.md): the receipt page, where a voter types the receipt code
 * and learns whether it was counted, and each closed poll's signed record to download for `kioskvote verify`.
 */
public final class RecordPages {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A closed poll as the receipt page lists it: its record's count and head, for checking a copy. */
    public record Published(Poll poll, RecordAnchor anchor) {
    }

    private final Meeting meeting;
    private final PollRecords records;

    public RecordPages(Meeting meeting, PollRecords records) {
        this.meeting = meeting;
        this.records = records;
    }

    /** GET /receipts[?code=XXXX-XXXX]: the form, the answer for a code, and the records to download. */
    void receipts(Context ctx) {
        PageText t = PageText.of(ctx);
        String typed = Optional.ofNullable(ctx.queryParam("code")).orElse("").strip();
        Optional<String> code = normalize(typed);
        List<Poll> found = code.map(records::pollsWithReceipt).orElse(List.of());
        List<Published> published = meeting.polls().stream()
                .filter(p -> records.recordReady(p.id()))
                .flatMap(p -> records.anchor(p.id()).map(a -> new Published(p, a)).stream())
                .toList();
        String result = typed.isEmpty() ? "none" : code.isEmpty() ? "malformed" : found.isEmpty() ? "notFound" : "found";
        Pages.render(ctx, "receipts.jte", Map.of("t", t, "meeting", meeting, "typed", typed, "code", code.orElse(typed),
                "result", result, "found", found, "published", published,
                "langSwitch", "?lang=" + t.otherLang() + (typed.isEmpty() ? "" : "&code=" + code.orElse(""))));
    }

    /** GET /api/polls/{pollId}/record: the signed zip, streamed. */
    void download(Context ctx) throws java.io.IOException {
        String pollId = ctx.pathParam("pollId");
        if (meeting.poll(pollId).isEmpty()) throw new BallotRejected(BallotRejected.Code.UNKNOWN_POLL);
        if (!records.recordReady(pollId)) {
            boolean counted = records.anchor(pollId).flatMap(RecordAnchor::recordHead).isPresent();
            throw new PollRejected(counted ? PollRejected.Code.RESULTS_NOT_SHOWN : PollRejected.Code.RESULTS_NOT_READY);
        }
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"record-" + pollId + ".zip\"");
        ctx.header("Cache-Control", "no-store");
        try (var out = ctx.outputStream()) {
            records.writeRecord(pollId, out);
        }
    }

    /** What a person typed as a receipt code, in its printed form: case, spaces and dashes ignored, O read as 0, I and L as 1. */
    static Optional<String> normalize(String typed) {
        StringBuilder clean = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) continue;
            char mapped = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (CROCKFORD.indexOf(mapped) < 0 || clean.length() == 8) return Optional.empty();
            clean.append(mapped);
        }
        return clean.length() == 8 ? Optional.of(clean.substring(0, 4) + "-" + clean.substring(4)) : Optional.empty();
    }
}
