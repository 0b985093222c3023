package kioskvote.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.meeting.Poll;
import kioskvote.tally.PollTally;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;

/** Step 7, tally: the ballots recounted by the station's own rules (tally/), compared field by field with tally.json and counts.json. */
final class TallyCheck {
    private TallyCheck() {
    }

    static void check(RecordZip zip, Optional<Poll> poll, BallotFacts ballots, Optional<JsonNode> counts, Step step) {
        Optional<JsonNode> tally = zip.json(RecordFiles.TALLY).filter(n -> n != null && n.isObject());
        if (tally.isEmpty()) step.fail("tally.json: missing from the record, or not JSON");
        if (counts.isEmpty()) step.fail("counts.json: missing from the record, or not JSON");
        if (poll.isEmpty() || ballots.counter().isEmpty() || tally.isEmpty() || counts.isEmpty()) {
            step.summary("not recounted");
            return;
        }
        Tally.Counter counter = ballots.counter().get();
        JsonNode c = counts.get();
        PollTally recount;
        try {
            recount = counter.finish(new TallyCounts(RecordJson.figures(c), counter.received(), 0));
        } catch (IllegalArgumentException e) {
            step.summary("not recounted").fail("counts.json: " + e.getMessage());
            return;
        }
        long before = step.failureCount();
        try {
            diff("tally.json", tally.get(), RecordFiles.JSON.readTree(RecordJson.tally(recount)), step);
            diff("counts.json", c, RecordFiles.JSON.readTree(RecordJson.counts(recount)), step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long differences = step.failureCount() - before;
        step.summary("recounted " + counter.received() + " ballots on " + recount.questions().size() + " questions: "
                + (differences == 0 ? "the published tally and the minutes' figures match" : "differences from the published figures"));
    }

    /** Reports each field where the published JSON differs from the recount: its path (ids, not indexes), both values. */
    static void diff(String path, JsonNode published, JsonNode recounted, Step step) {
        if (published.isObject() && recounted.isObject()) {
            recounted.fieldNames().forEachRemaining(f -> diff(path + "." + f, published.path(f), recounted.get(f), step));
            published.fieldNames().forEachRemaining(f -> {
                if (!recounted.has(f)) step.fail(path + "." + f + ": published " + published.get(f) + ", not in the recount");
            });
        } else if (published.isArray() && recounted.isArray() && published.size() == recounted.size()) {
            for (int i = 0; i < recounted.size(); i++) {
                JsonNode r = recounted.get(i);
                String name = r.has("id") ? r.get("id").asText() : Integer.toString(i);
                diff(path + "[" + name + "]", published.get(i), r, step);
            }
        } else if (!published.equals(recounted)) {
            step.fail(path + ": published " + (published.isMissingNode() ? "nothing" : VerifyText.abbreviate(published.toString())) + ", recounted "
                    + VerifyText.abbreviate(recounted.toString()));
        }
    }
}
