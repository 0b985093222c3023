package kioskvote.meeting;

import java.util.Locale;

/** Where a poll is in its life: draft → open → closed (docs/rules.md, "Poll lifecycle"). */
public enum PollState {
    DRAFT, OPEN, CLOSED;

    /** The lower-case word stored in poll_state.state and shown in the JSON API and CSS classes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PollState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
