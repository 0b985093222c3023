package kioskvote.meeting;

/** The kinds of poll the station holds (domain.md). */
public enum PollKind {
    /** Lấy phiếu tín nhiệm: one question per subject, three levels. */
    CONFIDENCE,
    /** Biểu quyết: one question, agree / disagree / abstain (labels configurable). */
    MOTION
}
