package kioskvote.web;

import java.util.List;

import kioskvote.editor.EditRefused;
import kioskvote.text.Refused;

/**
 * A refusal of what was typed in one field of a form, as the page shows it: the words next to the input whose id
 * this names, the input marked {@code aria-invalid} and described by them, and focused when the page comes back.
 */
public record FieldError(String inputId, String message) {
    public static final FieldError NONE = new FieldError("", "");
    /** The poll form's inputs, by field name (p-passes-with for passes_with); the others are hidden or absent. */
    private static final List<String> POLL_INPUTS = List.of("id", "kind", "title", "base", "subjects", "motion", "agree", "disagree",
            "abstain", "passes_with", "pass_base", "abstentions", "seats", "candidates", "majority_of", "tie", "sealed", "practice");

    /**
     * A refusal of the meeting editor page's form {@code where} (details, committee, poll): tied to the input it is
     * about when there is one. A field the loader refused in meeting.yaml's words (a check the page's own FormCheck
     * does not make first) is said in the page's words on a Vietnamese page, which never shows a key of the file.
     */
    static FieldError of(String where, Refused refused, PageText t) {
        String message = t.message(ErrorCatalog.of(refused));
        if (!(refused instanceof EditRefused e)) return new FieldError("", message);
        String field = e.field().isEmpty() ? switch (e.reasonCode()) {
            case POLL_ID_TAKEN -> "id";
            case SUMMONED_BELOW_PRESENT -> "summoned";
            case INVALID_ENTRY, UNKNOWN_KEY, UNKNOWN_KEY_NO_MATCH -> entryField(String.valueOf(e.args().get("field")));
            default -> "";
        } : e.field();
        boolean loaderWords = List.of(EditRefused.Code.INVALID_ENTRY, EditRefused.Code.UNKNOWN_KEY, EditRefused.Code.UNKNOWN_KEY_NO_MATCH)
                .contains(e.reasonCode());
        if (loaderWords && !t.en()) message = t.get("editor.notAccepted");
        String input = switch (where) {
            case "details" -> List.of("title", "organiser", "date", "time", "place", "summoned").contains(field) ? "d-" + field : "";
            case "committee" -> field.matches("(name|role)[0-9]{1,3}|threshold") ? field : "";
            case "poll" -> POLL_INPUTS.contains(field) ? "p-" + field.replace('_', '-') : "";
            default -> "";
        };
        return new FieldError(input, message);
    }

    /** meeting.yaml's path of a field as the form names it: committee[2].name is name3, subjects[1].position is subjects. */
    private static String entryField(String path) {
        if (path.matches("committee\\[[0-9]+]\\.(name|role)")) {
            return path.replaceAll(".*\\.", "") + (Integer.parseInt(path.replaceAll("\\D", "")) + 1);
        }
        if (path.equals("seal.threshold")) return "threshold";
        if (path.startsWith("options.")) return path.substring("options.".length());
        return path.replaceAll("^polls\\[[0-9]+]\\.", "").replaceAll("[\\[.].*", "");
    }

    public boolean at(String input) {
        return !inputId.isEmpty() && inputId.equals(input);
    }

    /** {@code aria-invalid}'s value: "true" on the refused input, else none (the attribute is left out). */
    public String invalid(String input) {
        return at(input) ? "true" : null;
    }

    /** {@code aria-describedby}: the input's help (may be empty) and, when refused, its words; none when neither. */
    public String describedBy(String input, String help) {
        String ids = (help.isEmpty() ? "" : help) + (at(input) ? (help.isEmpty() ? "" : " ") + input + "-error" : "");
        return ids.isEmpty() ? null : ids;
    }
}
