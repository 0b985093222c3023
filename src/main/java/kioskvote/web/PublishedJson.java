package kioskvote.web;

import java.util.List;
import java.util.Map;

/** What the room may read of a poll once the chair has shown its results, and the ballot page's pinned scripts (docs/api.md). */
final class PublishedJson {
    private PublishedJson() {
    }

    /** GET /api/polls/{pollId}/receipts: every receipt code, sorted. */
    record Receipts(String pollId, List<String> receipts) {
    }

    /** GET /api/polls/{pollId}/ballots: every ballot's marks (question id → option ids), anonymous, sorted by content. */
    record Ballots(String pollId, List<Map<String, List<String>>> ballots) {
    }

    /** GET /api/ballot-page: what `kioskvote check-page` compares with (docs/record.md, "The ballot page"). */
    record BallotPage(String format, List<String> scripts, List<CommittedPage> polls) {
    }

    /** An opened poll's commitment to the ballot page's hash. */
    record CommittedPage(String poll, String state, String ballotPageSha256) {
    }
}
