package kioskvote.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingFigures;
import kioskvote.tally.CandidateResult;
import kioskvote.tally.ElectionResult;
import kioskvote.tally.OptionCount;
import kioskvote.tally.Percent;
import kioskvote.tally.PollTally;
import kioskvote.tally.QuestionTally;
import kioskvote.tally.ThresholdFlag;
import kioskvote.tally.TallyCounts;

/**
 * meeting.json, counts.json and tally.json of the record: plain, language-neutral JSON with a fixed field
 * order, written the same way by the station at the close and by `verify` from its own recount, so the two
 * can be compared field by field. Percentages are strings ("96.30").
 */
public final class RecordJson {
    private RecordJson() {
    }

    public static String meeting(Meeting meeting) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", meeting.id());
        map.put("title", meeting.title());
        map.put("organiser", meeting.organiser());
        map.put("date", meeting.date().toString());
        map.put("time", meeting.time());
        map.put("place", meeting.place());
        map.put("summoned", meeting.summoned());
        List<Object> committee = new ArrayList<>();
        for (CommitteeMember member : meeting.committee()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", member.name());
            m.put("role", member.role());
            committee.add(m);
        }
        map.put("committee", committee);
        return write(map);
    }

    /**
     * The minutes' figures: summoned, present, handed out, slips issued (all of them) and voided, ballots
     * received, and per question received / valid / invalid.
     */
    public static String counts(PollTally tally) {
        TallyCounts c = tally.counts();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("summoned", c.figures().summoned());
        map.put("present", c.figures().present());
        map.put("fromRoster", c.figures().fromRoster());
        map.put("handedOut", c.figures().handedOut());
        map.put("issued", c.figures().issued() + c.figures().voided()); // the minutes' "issued" is net of the voided slips
        map.put("voided", c.figures().voided());
        map.put("received", c.received());
        map.put("addsUp", c.addsUp());
        List<Object> questions = new ArrayList<>();
        for (QuestionTally q : tally.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.question().id());
            m.put("received", q.received());
            m.put("valid", q.valid());
            m.put("invalid", q.invalid());
            questions.add(m);
        }
        map.put("questions", questions);
        return write(map);
    }

    /** sealing.json: where a sealed poll's ballots were sealed, and how many the count could not read (the minutes' figures). */
    public static String sealing(long onDevices, long atStation, long unreadable) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sealedOnDevices", onDevices);
        map.put("sealedAtStation", atStation);
        map.put("unreadable", unreadable);
        return write(map);
    }

    /** The result: the base of the percentages, and per question each option's count and percentage, flags, passed. */
    public static String tally(PollTally tally) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("poll", tally.poll().id());
        map.put("baseKind", tally.poll().base().name());
        map.put("base", tally.base());
        List<Object> questions = new ArrayList<>();
        for (QuestionTally q : tally.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.question().id());
            List<Object> options = new ArrayList<>();
            for (OptionCount o : q.options()) {
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("id", o.option().id());
                option.put("count", o.count());
                option.put("percent", Percent.plain(o.percent()));
                options.add(option);
            }
            m.put("options", options);
            m.put("flags", q.flags().stream().map(ThresholdFlag::name).toList());
            q.passed().ifPresent(p -> m.put("passed", p));
            questions.add(m);
        }
        map.put("questions", questions);
        tally.election().ifPresent(e -> map.put("election", election(e)));
        return write(map);
    }

    /**
     * An election's outcome (docs/rules.md, "Election"): the ballots sorted, each candidate's votes, rank and
     * outcome (elected, tied, ranked out, no majority), the seats filled and left, and who a next round holds.
     * In tally.json, so `verify` recomputes who was elected, not only the counts.
     */
    private static Map<String, Object> election(ElectionResult election) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seats", election.seats());
        map.put("received", election.received());
        map.put("valid", election.valid());
        map.put("blank", election.blank());
        map.put("overLimit", election.overLimit());
        List<Object> ranked = new ArrayList<>();
        for (CandidateResult r : election.ranked()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.candidate().id());
            c.put("votes", r.votes());
            c.put("percent", Percent.plain(r.percent()));
            c.put("rank", r.rank());
            c.put("outcome", r.outcome().name());
            ranked.add(c);
        }
        map.put("ranked", ranked);
        map.put("elected", election.elected());
        map.put("tie", election.tie());
        map.put("remainingSeats", election.remainingSeats());
        map.put("nextRound", election.undecided().stream().map(c -> c.id()).toList());
        return map;
    }

    /** Reads back the turnout figures {@link #counts} wrote (the station's own counts.json, not a downloaded one). */
    public static MeetingFigures figures(String countsJson) {
        try {
            return figures(RecordFiles.JSON.readTree(countsJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts.json as the station wrote it", e);
        }
    }

    /** counts.json's turnout figures. Its "issued" counts the voided slips too; the figures' is net of them, as in TallyCounts. */
    public static MeetingFigures figures(JsonNode counts) {
        return new MeetingFigures(counts.path("summoned").asLong(), counts.path("present").asLong(), counts.path("fromRoster").asBoolean(),
                counts.path("handedOut").asLong(), counts.path("issued").asLong() - counts.path("voided").asLong(), counts.path("voided").asLong());
    }

    static String write(Object value) {
        try {
            return RecordFiles.JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record JSON is plain data", e);
        }
    }
}
