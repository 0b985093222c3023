package kioskvote.poll;

import java.util.Optional;

import kioskvote.meeting.MeetingFigures;
import kioskvote.meeting.PollState;

/**
 * A poll's public state and turnout: what the chair's screen may show before the close. The meeting's
 * {@link MeetingFigures} (summoned, present, handed out, issued net of the voided slips, voided); see
 * {@link #addsUp()} for how they add up with the ballots cast. A practice
 * poll ({@code practice}) is labelled so on every screen. {@code liveCounts}: an open vote's counts while it is
 * open (docs/rules.md, "Open vote"); empty for every other poll and state.
 */
public record PollStatus(String pollId, String title, String kind, PollState state, MeetingFigures figures, long cast,
                         Optional<String> definitionHash, Optional<String> openedAt, Optional<String> closedAt,
                         boolean practice, boolean sealed, boolean counted, boolean resultsShown,
                         java.util.Map<String, Long> liveCounts) {
    public PollStatus {
        java.util.Objects.requireNonNull(figures, "figures");
        liveCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(liveCounts)); // the ballot's order, as answered
    }

    /** Closed, sealed, and not yet opened by the committee: no result, receipt or minutes yet. */
    public boolean awaitingCount() {
        return state == PollState.CLOSED && sealed && !counted;
    }

    /** Results, receipts, minutes and the ballot list may be published. */
    public boolean resultsReady() {
        return state == PollState.CLOSED && !awaitingCount();
    }

    /**
     * The one gate of what the room may read (docs/api.md, "When results are public"): a poll's results, anonymous
     * ballots, receipt codes and record are published when the chair shows its results, not at the close or the
     * count, so nobody knows the outcome before the chair announces it. Staff keep the count and the minutes.
     */
    public void requirePublished() {
        if (awaitingCount()) throw new PollRejected(PollRejected.Code.AWAITING_COUNT);
        if (!resultsReady()) throw new PollRejected(PollRejected.Code.RESULTS_NOT_READY);
        if (!resultsShown) throw new PollRejected(PollRejected.Code.RESULTS_NOT_SHOWN);
    }

    /** What screens show and watch: the state, or "counting" between the close and the count of a sealed poll. */
    public String phase() {
        return awaitingCount() ? "counting" : state.code();
    }

    /** The identities the minutes check (meeting/CountRules), with the ballots cast so far as received. */
    public boolean addsUp() {
        return figures.addsUp(cast);
    }

    /** The state as the projector follows it: a closed poll whose results the chair has shown is one more step. */
    public String screenState() {
        return state().code() + (resultsShown ? "+shown" : "");
    }
}
