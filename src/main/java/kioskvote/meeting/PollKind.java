package kioskvote.meeting;

/** The kinds of poll the station holds (docs/rules.md, "The ballots"). */
public enum PollKind {
    /** Lấy phiếu tín nhiệm: one question per subject, three levels. */
    CONFIDENCE,
    /** Biểu quyết: one question, agree / disagree / abstain (labels configurable). */
    MOTION
}
