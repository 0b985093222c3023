package kioskvote.editor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kioskvote.editor.EditRefused.Code;
import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Majority;

/**
 * The editor page's checks of what the organiser typed, before the entry goes to the loader's rules
 * (config/PollEntryReader, which stay the one judge of a poll and still run after these): each refusal names the
 * form field it is about and is said in the organiser's words (messages_vi/en, {@code error.<code>}), never in
 * meeting.yaml's keys. The lists the page offers are here too, so the page offers only what the loader reads.
 */
public final class FormCheck {
    /** The majorities a motion's form offers (docs/rules.md, "Motions"): meeting.yaml's words for each. */
    public static final List<String> MAJORITIES = List.of("more than 1/2", "1/2 or more", "more than 2/3", "2/3 or more",
            "more than 3/4", "3/4 or more");
    /** What a motion's majority is taken of; "" is the poll's percentage base. */
    public static final List<String> PASS_BASES = List.of("", "received", "valid", "present", "issued", "summoned");
    public static final List<String> PERCENT_BASES = List.of("received", "issued", "summoned");
    public static final List<String> ABSTENTIONS = List.of("counted", "not_counted");
    /** A motion is held by secret ballot (motion) or openly, its counts shown as they come (open_motion). */
    public static final List<String> MOTION_KINDS = List.of("motion", "open_motion");
    public static final List<String> MAJORITY_OF = List.of("received", "valid");
    public static final List<String> TIES = List.of("next_round", "meeting_decides");
    public static final List<String> KINDS = List.of("confidence", "confidence_vote", "motion", "open_motion", "election");

    private static final Pattern RULE = Pattern.compile("more than (\\d{1,3})/(\\d{1,3})|(\\d{1,3})/(\\d{1,3}) or more|at least (\\d{1,3})/(\\d{1,3})");
    private static final String POLL_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private FormCheck() {
    }

    /**
     * A motion's rule as meeting.yaml writes it ("more than 1/2", "2/3 or more", "at least 2/3"), read as a majority of
     * the poll's base; empty when it is not one.
     */
    public static Optional<Majority> majority(String rule) {
        Matcher m = RULE.matcher(rule == null ? "" : rule.strip());
        if (!m.matches()) return Optional.empty();
        int group = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
        int numerator = Integer.parseInt(m.group(group));
        int denominator = Integer.parseInt(m.group(group + 1));
        if (numerator < 1 || numerator >= denominator) return Optional.empty();
        return Optional.of(new Majority(BallotOptions.AGREE, group != 1, numerator, denominator, Optional.empty(), true));
    }

    /** The poll form's fields (web/PollForm.FIELDS); {@code committee} and {@code threshold} are the meeting's now. */
    public static void poll(Map<String, String> form, int committee, int threshold) {
        String kind = value(form, "kind");
        listed(kind, KINDS, "kind");
        String id = value(form, "id");
        if (id.isEmpty()) throw empty("id");
        if (!id.matches(POLL_ID)) throw EditRefused.at("id", Code.POLL_ID_FORMAT, Map.of("value", id));
        text(form, "title", true);
        listed(value(form, "base"), PERCENT_BASES, "base");
        switch (kind) {
            case "confidence", "confidence_vote" -> lines(form, "subjects", 2, Code.SUBJECT_LINE_INCOMPLETE);
            case "motion", "open_motion" -> {
                text(form, "motion", true);
                for (String label : List.of("agree", "disagree", "abstain")) text(form, label, false);
                String rule = value(form, "passes_with");
                if (!rule.isEmpty() && majority(rule).isEmpty()) throw EditRefused.at("passes_with", Code.NOT_IN_LIST, Map.of("value", rule));
                listed(value(form, "pass_base"), PASS_BASES, "pass_base");
                if (!value(form, "abstentions").isEmpty()) listed(value(form, "abstentions"), ABSTENTIONS, "abstentions");
            }
            default -> { // election
                wholeNumber(form, "seats");
                lines(form, "candidates", 1, Code.CANDIDATE_LINE_INCOMPLETE);
                if (!value(form, "majority_of").isEmpty()) listed(value(form, "majority_of"), MAJORITY_OF, "majority_of");
                if (!value(form, "tie").isEmpty()) listed(value(form, "tie"), TIES, "tie");
            }
        }
        boolean sealed = "yes".equals(form.get("sealed")) && !kind.equals("open_motion"); // an open vote is never sealed
        if (sealed && committee == 0) throw EditRefused.at("sealed", Code.COMMITTEE_NEEDED, Map.of());
        if (sealed && threshold > committee) {
            throw EditRefused.at("sealed", Code.THRESHOLD_OVER_MEMBERS, Map.of("threshold", threshold, "members", committee));
        }
    }

    /** The meeting's details; {@code summoned} is not checked when the roster gives it (the form then has none). */
    public static void details(Map<String, String> form, boolean summonedFromRoster) {
        text(form, "title", true);
        for (String field : List.of("organiser", "time", "place")) text(form, field, false);
        String date = value(form, "date");
        if (date.isEmpty()) throw empty("date");
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw EditRefused.at("date", Code.DATE_FORMAT, Map.of("value", date));
        }
        if (!summonedFromRoster) wholeNumber(form, "summoned");
    }

    /** The committee's rows in the form's order (name{i}, role{i}), its threshold, and whether any poll is sealed. */
    public static void committee(List<CommitteeMember> rows, String threshold, boolean anySealed) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().isEmpty()) throw EditRefused.at("name" + (i + 1), Code.MEMBER_NAME_MISSING, Map.of("line", i + 1));
            if (hidden(rows.get(i).name())) throw EditRefused.at("name" + (i + 1), Code.FIELD_HIDDEN_CHARACTER, Map.of());
            if (hidden(rows.get(i).role())) throw EditRefused.at("role" + (i + 1), Code.FIELD_HIDDEN_CHARACTER, Map.of());
        }
        int cards = wholeNumber(Map.of("threshold", threshold), "threshold");
        if (anySealed && rows.isEmpty()) throw EditRefused.at("name1", Code.COMMITTEE_NEEDED, Map.of());
        if (anySealed && cards > rows.size()) {
            throw EditRefused.at("threshold", Code.THRESHOLD_OVER_MEMBERS, Map.of("threshold", cards, "members", rows.size()));
        }
    }

    private static String value(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null ? "" : value.strip();
    }

    private static EditRefused empty(String field) {
        return EditRefused.at(field, Code.FIELD_EMPTY, Map.of());
    }

    private static void text(Map<String, String> form, String field, boolean required) {
        String value = value(form, field);
        if (required && value.isEmpty()) throw empty(field);
        if (hidden(value)) throw EditRefused.at(field, Code.FIELD_HIDDEN_CHARACTER, Map.of());
    }

    private static int wholeNumber(Map<String, String> form, String field) {
        String value = value(form, field);
        if (value.isEmpty()) throw empty(field);
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1) {
            throw EditRefused.at(field, Code.WHOLE_NUMBER_NEEDED, Map.of("value", value));
        }
        return Integer.parseInt(value);
    }

    private static void listed(String value, List<String> allowed, String field) {
        if (!allowed.contains(value)) throw EditRefused.at(field, Code.NOT_IN_LIST, Map.of("value", value));
    }

    /**
     * One person a line, "Name | Position | Unit": the first {@code needed} parts must be written (a subject's name and
     * position, a candidate's name). Blank lines are skipped, as the form does.
     */
    private static void lines(Map<String, String> form, String field, int needed, Code incomplete) {
        String[] lines = value(form, field).split("\\R", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            any = true;
            if (hidden(lines[i])) throw EditRefused.at(field, Code.LINE_HIDDEN_CHARACTER, Map.of("line", i + 1));
            String[] parts = lines[i].split("\\|", -1);
            for (int p = 0; p < needed; p++) {
                if (p >= parts.length || parts[p].isBlank()) throw EditRefused.at(field, incomplete, Map.of("line", i + 1));
            }
        }
        if (!any) throw empty(field);
    }

    /**
     * The loader's rule for a text shown on ballots and in the minutes (config/YamlFields.visible): no control,
     * direction-override or zero-width character, which would make one name look like another.
     */
    static boolean hidden(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
    }
}
