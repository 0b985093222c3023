package kioskvote.web;

import java.util.List;
import java.util.Map;

import kioskvote.paper.PaperDesk;

/**
 * POST /api/admin/polls/{pollId}/paper-batches (docs/api.md, "Paper ballots"): the batch's state after this teller's
 * entry, and where the two tellers' entries differ (each side's marks, question id → option ids).
 */
record PaperEntryJson(String state, String batch, int ballots, List<String> tellers, List<Difference> differences) {

    static PaperEntryJson of(PaperDesk.Outcome outcome) {
        return new PaperEntryJson(outcome.state().name(), outcome.batch(), outcome.ballots(), outcome.tellers(),
                outcome.differences().stream().map(d -> new Difference(d.code(), d.first(), d.second(), d.inFirst(), d.inSecond()))
                        .toList());
    }

    record Difference(String code, Map<String, List<String>> first, Map<String, List<String>> second, boolean inFirst,
                      boolean inSecond) {
    }
}
