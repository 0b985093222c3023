package kioskvote.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Meeting;

/**
 * The minutes as a tree of plain values (maps, lists, strings, numbers, booleans) for the API to
 * serialise. Percentages are strings ("96.30") so no JSON reader turns them into binary floats.
 * Absent values (opening time, a motion result) are left out rather than written as null.
 */
public final class MinutesJson {
    private MinutesJson() {
    }

    public static Map<String, Object> toMap(Minutes minutes) {
        PollTally tally = minutes.tally();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("language", minutes.language().code());
        root.put("meeting", meeting(minutes.meeting()));

        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("id", tally.poll().id());
        poll.put("kind", tally.poll().kind().name());
        poll.put("title", tally.poll().title());
        poll.put("baseKind", tally.poll().base().name());
        tally.poll().election().ifPresent(e -> {
            poll.put("round", e.round());
            e.fromPoll().ifPresent(from -> poll.put("fromPoll", from));
        });
        tally.poll().motionRule().ifPresent(m -> {
            Map<String, Object> majority = new LinkedHashMap<>();
            majority.put("optionId", m.optionId());
            majority.put("numerator", m.numerator());
            majority.put("denominator", m.denominator());
            majority.put("orMore", m.orMore());
            majority.put("of", m.of().map(b -> b.name()).orElse(tally.poll().base().name()));
            majority.put("abstentionsCounted", m.abstentionsCounted());
            if (tally.poll().usesDefaultRule()) majority.put("defaultRule", true); // docs/rules.md, "Motions"
            poll.put("majority", majority);
        });
        minutes.openedAt().ifPresent(at -> poll.put("openedAt", at));
        minutes.closedAt().ifPresent(at -> poll.put("closedAt", at));
        root.put("poll", poll);

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("summoned", tally.counts().summoned());
        counts.put("present", tally.counts().present());
        if (tally.counts().fromRoster()) counts.put("handedOut", tally.counts().handedOut());
        counts.put("issued", tally.counts().issued());
        counts.put("received", tally.counts().received());
        counts.put("voided", tally.counts().voided());
        counts.put("fromRoster", tally.counts().fromRoster());
        counts.put("addsUp", tally.counts().addsUp());
        counts.put("brokenRules", tally.counts().broken().stream().map(Enum::name).toList()); // which check fails (meeting/CountRules)
        root.put("counts", counts);
        root.put("base", tally.base());

        List<Object> questions = new ArrayList<>();
        for (QuestionTally question : tally.questions()) {
            questions.add(question(question, minutes));
        }
        root.put("questions", questions);
        tally.election().ifPresent(e -> root.put("election", election(e, minutes)));
        root.put("onPaper", tally.counts().onPaper());

        root.put("keyFingerprint", minutes.keyFingerprint());
        root.put("pollDefinitionHash", minutes.pollDefinitionHash());
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("sealed", minutes.seal().sealed());
        minutes.seal().boxFingerprint().ifPresent(f -> box.put("fingerprint", f));
        if (minutes.seal().sealed()) {
            box.put("threshold", minutes.seal().threshold());
            box.put("shares", minutes.seal().shares());
            box.put("sealedOnDevices", minutes.seal().onDevices());
            box.put("sealedAtStation", minutes.seal().atStation());
            box.put("unreadable", minutes.seal().unreadable());
        }
        root.put("ballotBox", box);
        root.put("auditHeadHash", minutes.auditHeadHash());
        minutes.record().ifPresent(r -> {
            root.put("commitmentSha256", r.commitmentSha256());
            r.ballots().ifPresent(n -> root.put("recordBallots", n));
            r.recordHead().ifPresent(h -> root.put("recordHead", h));
        });
        List<Object> audit = new ArrayList<>();
        for (AuditLine line : minutes.auditLog()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", line.seq());
            entry.put("at", line.at());
            entry.put("event", line.event());
            entry.put("detail", line.detail());
            entry.put("hash", line.hash());
            audit.add(entry);
        }
        root.put("auditLog", audit);
        root.put("receiptCodes", List.copyOf(minutes.receiptCodes()));
        return root;
    }

    /** An election's result: ballots sorted, candidates ranked with their outcome, seats left, the next round's candidates. */
    private static Map<String, Object> election(ElectionResult election, Minutes minutes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seats", election.seats());
        map.put("received", election.received());
        map.put("valid", election.valid());
        map.put("blank", election.blank());
        map.put("overLimit", election.overLimit());
        map.put("elected", election.elected());
        map.put("remainingSeats", election.remainingSeats());
        map.put("tie", election.tie());
        map.put("majorityOf", election.majorityOf().name());
        map.put("majorityBase", election.majorityBase());
        map.put("tieRule", election.tieRule().name());
        List<Object> ranked = new ArrayList<>();
        for (CandidateResult r : election.ranked()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.candidate().id());
            c.put("name", r.candidate().name());
            c.put("position", r.candidate().position());
            c.put("unit", r.candidate().unit());
            c.put("votes", r.votes());
            c.put("percent", Percent.plain(r.percent()));
            c.put("majorityPercent", Percent.plain(r.majorityPercent()));
            c.put("rank", r.rank());
            c.put("outcome", r.outcome().name());
            c.put("outcomeText", new MinutesWords(minutes.language()).outcome(r.outcome(), election.majorityOf()));
            ranked.add(c);
        }
        map.put("ranked", ranked);
        map.put("undecided", election.undecided().stream().map(c -> c.id()).toList());
        return map;
    }

    private static Map<String, Object> meeting(Meeting meeting) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", meeting.id());
        map.put("title", meeting.title());
        map.put("organiser", meeting.organiser());
        map.put("date", meeting.date().toString());
        map.put("time", meeting.time());
        map.put("place", meeting.place());
        List<Object> committee = new ArrayList<>();
        for (CommitteeMember member : meeting.committee()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", member.name());
            m.put("role", member.role());
            committee.add(m);
        }
        map.put("committee", committee);
        return map;
    }

    private static Map<String, Object> question(QuestionTally question, Minutes minutes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", question.question().id());
        map.put("title", question.question().title());
        map.put("subtitle", question.question().subtitle());
        map.put("received", question.received());
        map.put("valid", question.valid());
        map.put("invalid", question.invalid());
        List<Object> options = new ArrayList<>();
        for (OptionCount option : question.options()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", option.option().id());
            o.put("label", option.option().label(minutes.language()));
            o.put("labelVi", option.option().labelVi());
            o.put("labelEn", option.option().labelEn());
            o.put("count", option.count());
            o.put("percent", Percent.plain(option.percent()));
            options.add(o);
        }
        map.put("options", options);
        List<Object> flags = new ArrayList<>();
        for (ThresholdFlag flag : question.flags()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("code", flag.name());
            f.put("text", flag.text(minutes.language()));
            flags.add(f);
        }
        map.put("flags", flags);
        question.passed().ifPresent(passed -> map.put("passed", passed));
        question.majorityBase().ifPresent(base -> map.put("majorityBase", base));
        question.outcome().ifPresent(outcome -> map.put("outcome", outcome.code()));
        return map;
    }
}
