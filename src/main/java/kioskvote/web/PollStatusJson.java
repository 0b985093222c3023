package kioskvote.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import kioskvote.meeting.MeetingFigures;
import kioskvote.poll.PollStatus;

/**
 * The public JSON shape of a poll's state and turnout (docs/api.md, "GET /api/polls"), in this order. The hash and
 * times are null until the poll has them; {@code liveCounts} is there only for an open vote while it is open
 * (docs/rules.md, "Open vote"), each option's ballots in the ballot's order, then {@code blank}.
 */
record PollStatusJson(String pollId, String title, String kind, boolean practice, String state,
                      String phase, // "counting": closed, sealed box not yet opened by the committee
                      boolean sealed, boolean awaitingCount, int summoned, int present, boolean quorumMet, long handedOut,
                      boolean rosterUsed, boolean addsUp, long issued, long voided, long cast, String definitionHash,
                      String openedAt, String closedAt, boolean resultsShown,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> liveCounts) {

    static PollStatusJson of(PollStatus s) {
        MeetingFigures f = s.figures();
        return new PollStatusJson(s.pollId(), s.title(), s.kind(), s.practice(), s.state().code(), s.phase(), s.sealed(),
                s.awaitingCount(), (int) f.summoned(), (int) f.present(), f.quorumMet(), f.handedOut(), f.fromRoster(),
                s.addsUp(), f.issued(), f.voided(), s.cast(), s.definitionHash().orElse(null), s.openedAt().orElse(null),
                s.closedAt().orElse(null), s.resultsShown(), s.liveCounts());
    }

    /** GET /api/polls, and each event of the live feed. */
    record Polls(List<PollStatusJson> polls) {
        static Polls of(List<PollStatus> statuses) {
            return new Polls(statuses.stream().map(PollStatusJson::of).toList());
        }
    }
}
