package kioskvote.editor;

import java.util.List;
import java.util.Map;

import kioskvote.config.ConfigException;
import kioskvote.config.UnknownKeyException;
import kioskvote.text.Refused;

/** A change to the meeting that the station refuses; nothing was changed. */
public class EditRefused extends Refused {
    public enum Code implements Refused.Code {
        /** A field the loader's rules refuse (the words are the loader's: the same as for meeting.yaml). */
        INVALID_ENTRY,
        /** A key meeting.yaml does not know, with the nearest known one (the loader's check: a misspelt rule is never dropped). */
        UNKNOWN_KEY,
        /** A key meeting.yaml does not know and no known key is near: the keys allowed there are listed. */
        UNKNOWN_KEY_NO_MATCH,
        /** The poll opened: its definition was frozen and hashed then, and is bound into its record and sealed box. */
        POLL_FROZEN,
        /** A draft with something stored for it (a spent slip, a ballot, a paper batch, a commitment). */
        POLL_HAS_TRACES,
        POLL_ID_TAKEN,
        POLL_NOT_IN_MEETING,
        /** The body names another poll than the URL (a poll's id does not change). */
        POLL_ID_MISMATCH,
        /** A new order must name every poll of the meeting exactly once. */
        ORDER_INCOMPLETE,
        /** A meeting has at least one poll (meeting.yaml's rule). */
        LAST_POLL,
        /** Members who hold key cards of a sealed poll not yet counted stay, by name and in order. */
        COMMITTEE_HOLDS_CARDS,
        /** The database's meeting is not this station's any more (another station changed it): restart to see it. */
        MEETING_CHANGED_ELSEWHERE,
        /** Without a roster, more are present (the typed count) than the new number summoned. */
        SUMMONED_BELOW_PRESENT,
        MEETING_ID_READ_ONLY;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case INVALID_ENTRY -> List.of("field", "problem");
                case UNKNOWN_KEY -> List.of("field", "key", "suggestion");
                case UNKNOWN_KEY_NO_MATCH -> List.of("field", "key", "known");
                case POLL_FROZEN -> List.of("poll", "hash");
                case POLL_HAS_TRACES, POLL_ID_TAKEN, POLL_NOT_IN_MEETING, COMMITTEE_HOLDS_CARDS -> List.of("poll");
                case SUMMONED_BELOW_PRESENT -> List.of("present");
                default -> List.of();
            };
        }
    }

    public EditRefused(Code code) {
        super(code);
    }

    private EditRefused(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static EditRefused invalid(ConfigException e) {
        if (e instanceof UnknownKeyException unknown) {
            return unknown.suggestion()
                    .map(s -> new EditRefused(Code.UNKNOWN_KEY, Map.of("field", e.field(), "key", unknown.key(), "suggestion", s)))
                    .orElseGet(() -> new EditRefused(Code.UNKNOWN_KEY_NO_MATCH, Map.of("field", e.field(), "key", unknown.key(),
                            "known", String.join(", ", unknown.known()))));
        }
        return new EditRefused(Code.INVALID_ENTRY, Map.of("field", e.field(), "problem", e.problem()));
    }

    public static EditRefused frozen(String pollId, String hash) {
        return new EditRefused(Code.POLL_FROZEN, Map.of("poll", pollId, "hash", hash));
    }

    public static EditRefused about(Code code, String pollId) {
        return new EditRefused(code, Map.of("poll", pollId));
    }

    public static EditRefused summonedBelowPresent(int present) {
        return new EditRefused(Code.SUMMONED_BELOW_PRESENT, Map.of("present", present));
    }

    public Code reasonCode() {
        return (Code) reason();
    }
}
