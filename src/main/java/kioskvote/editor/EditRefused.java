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
        MEETING_ID_READ_ONLY,
        // The editor page's own checks of what was typed (FormCheck), each said next to its field in the organiser's words.
        FIELD_EMPTY,
        FIELD_HIDDEN_CHARACTER,
        LINE_HIDDEN_CHARACTER,
        WHOLE_NUMBER_NEEDED,
        POLL_ID_FORMAT,
        DATE_FORMAT,
        SUBJECT_LINE_INCOMPLETE,
        CANDIDATE_LINE_INCOMPLETE,
        NOT_IN_LIST,
        MEMBER_NAME_MISSING,
        /** A sealed poll needs the counting committee to hold its key cards. */
        COMMITTEE_NEEDED,
        /** More cards needed to open a sealed box than the committee has members: the box could never be opened. */
        THRESHOLD_OVER_MEMBERS;

        @Override
        public List<String> parameters() {
            return switch (this) {
                case INVALID_ENTRY -> List.of("field", "problem");
                case UNKNOWN_KEY -> List.of("field", "key", "suggestion");
                case UNKNOWN_KEY_NO_MATCH -> List.of("field", "key", "known");
                case POLL_FROZEN -> List.of("poll", "hash");
                case POLL_HAS_TRACES, POLL_ID_TAKEN, POLL_NOT_IN_MEETING, COMMITTEE_HOLDS_CARDS -> List.of("poll");
                case SUMMONED_BELOW_PRESENT -> List.of("present");
                case WHOLE_NUMBER_NEEDED, POLL_ID_FORMAT, DATE_FORMAT, NOT_IN_LIST -> List.of("value");
                case LINE_HIDDEN_CHARACTER, SUBJECT_LINE_INCOMPLETE, CANDIDATE_LINE_INCOMPLETE, MEMBER_NAME_MISSING -> List.of("line");
                case THRESHOLD_OVER_MEMBERS -> List.of("threshold", "members");
                default -> List.of();
            };
        }
    }

    /** The form field the refusal is about ("" when none): the editor page shows the words next to it. */
    private final String field;

    public EditRefused(Code code) {
        super(code);
        this.field = "";
    }

    private EditRefused(Code code, Map<String, ?> args) {
        this(code, args, "");
    }

    private EditRefused(Code code, Map<String, ?> args, String field) {
        super(code, args);
        this.field = field;
    }

    /** A refusal of what was typed in one field of the editor page ({@code title}, {@code subjects}, {@code name3}…). */
    public static EditRefused at(String field, Code code, Map<String, ?> args) {
        return new EditRefused(code, args, field);
    }

    public String field() {
        return field;
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
