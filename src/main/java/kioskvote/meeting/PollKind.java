package kioskvote.meeting;

/** The kinds of poll the station holds (docs/rules.md, "The ballots"). */
public enum PollKind {
    /** Lấy phiếu tín nhiệm: one question per subject, three levels (a basis for evaluation). */
    CONFIDENCE,
    /** Bỏ phiếu tín nhiệm: one question per subject, two levels, tín nhiệm / không tín nhiệm (a basis for dismissal). */
    CONFIDENCE_VOTE,
    /** Biểu quyết: one question, agree / disagree / abstain (labels configurable), with its pass rule. */
    MOTION,
    /** Bầu cử: one question whose options are the candidates; the voter keeps up to {@code seats} names. */
    ELECTION,
    /**
     * Biểu quyết công khai: a motion (same ballot, rule, tally and minutes) held openly, for procedural items: never
     * sealed, its running counts on the chair's screen while it is open (docs/rules.md, "Open vote").
     */
    OPEN_MOTION;

    /** A motion, secret or open: one question, agree / disagree / abstain, a pass rule. */
    public boolean isMotion() {
        return this == MOTION || this == OPEN_MOTION;
    }

    /** The word of meeting.yaml's {@code kind:} and of the JSON API: confidence, confidence_vote, motion, election, open_motion. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
