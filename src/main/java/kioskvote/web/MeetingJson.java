package kioskvote.web;

import java.util.List;
import java.util.Locale;

import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;

/**
 * GET /api/meeting (docs/api.md): what a voter's page needs to show a ballot. {@code summoned} is the roster's count
 * once one is imported; {@code keyFingerprint} the meeting key's, as printed on every slip.
 */
record MeetingJson(String id, String title, String organiser, String date, String time, String place, int summoned,
                   String keyFingerprint, List<PollJson> polls) {

    static MeetingJson of(Meeting m, int summoned, String keyFingerprint) {
        return new MeetingJson(m.id(), m.title(), m.organiser(), m.date().toString(), m.time(), m.place(), summoned,
                keyFingerprint, m.polls().stream().map(PollJson::of).toList());
    }

    /** A poll as its ballot shows it; {@code kind} in lower case (confidence, motion, election…). */
    record PollJson(String id, String kind, String title, List<QuestionJson> questions) {
        static PollJson of(Poll p) {
            return new PollJson(p.id(), p.kind().name().toLowerCase(Locale.ROOT), p.title(),
                    p.questions().stream().map(QuestionJson::of).toList());
        }
    }

    /** One subject (or the motion, or the candidates): between minValid and max marks make it valid. */
    record QuestionJson(String id, String title, String subtitle, int minValid, int max, List<OptionJson> options) {
        static QuestionJson of(Question q) {
            return new QuestionJson(q.id(), q.title(), q.subtitle(), q.rule().minValid(), q.rule().max(),
                    q.options().stream().map(OptionJson::of).toList());
        }
    }

    record OptionJson(String id, String vi, String en) {
        static OptionJson of(Option o) {
            return new OptionJson(o.id(), o.labelVi(), o.labelEn());
        }
    }
}
