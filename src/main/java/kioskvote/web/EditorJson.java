package kioskvote.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import kioskvote.config.MeetingYaml;
import kioskvote.editor.MeetingEditor;
import kioskvote.meeting.Meeting;

/**
 * GET /api/admin/meeting and the editor's changes (docs/api.md, "The meeting editor"): the details, the committee and
 * its threshold, and every poll. A poll is its meeting.yaml entry, whose keys differ by kind (the file's own format,
 * config/MeetingYaml), then its {@code state} and, once opened, its {@code definitionHash}.
 */
record EditorJson(Details meeting, List<Member> committee, Seal seal, List<Map<String, Object>> polls) {

    static EditorJson of(MeetingEditor editor) {
        Meeting meeting = editor.meeting();
        var d = meeting.details();
        List<Map<String, Object>> polls = editor.polls().stream().map(p -> {
            Map<String, Object> poll = new LinkedHashMap<>(MeetingYaml.entry(p.poll()));
            poll.put("state", p.state().code());
            p.definitionHash().ifPresent(hash -> poll.put("definitionHash", hash));
            return poll;
        }).toList();
        return new EditorJson(new Details(meeting.id(), d.title(), d.organiser(), d.date().toString(), d.time(), d.place(), d.summoned()),
                meeting.committee().stream().map(c -> new Member(c.name(), c.role())).toList(), new Seal(meeting.sealThreshold()), polls);
    }

    /** {@code summoned}: the figure typed (or meeting.yaml's), the quorum's base without a roster. */
    record Details(String id, String title, String organiser, String date, String time, String place, int summoned) {
    }

    /** A member without a role has none in the answer, as in meeting.yaml. */
    record Member(String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) String role) {
    }

    record Seal(int threshold) {
    }

    /** POST /api/admin/polls (201) and /api/admin/polls/{pollId}: the poll's id. */
    record PollId(String id) {
    }

    /** POST /api/admin/polls/{pollId}/delete */
    record Deleted(String deleted) {
    }

    /** POST /api/admin/polls/order: the polls in their new order. */
    record Order(List<String> ids) {
    }
}
