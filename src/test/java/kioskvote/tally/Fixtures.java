package kioskvote.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kioskvote.ballot.Answers;
import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;
import kioskvote.text.Language;

/** Small builders for the tally tests: the demo's confidence poll and a motion. */
final class Fixtures {
    private Fixtures() {
    }

    static List<Option> levels() {
        return List.of(new Option("high", "Tín nhiệm cao", "High confidence"),
                new Option("medium", "Tín nhiệm", "Confidence"),
                new Option("low", "Tín nhiệm thấp", "Low confidence"));
    }

    static Question subject(String id, String name, String position) {
        return new Question(id, name, position, levels(), ChoiceRule.exactlyOne());
    }

    static Poll confidencePoll(PercentBase base) {
        return new Poll("confidence", PollKind.CONFIDENCE, "Lấy phiếu tín nhiệm năm 2025",
                List.of(subject("director", "Nguyễn Văn An", "Giám đốc Sở"),
                        subject("deputy", "Trần Thị Bình", "Phó Giám đốc Sở")),
                base, Optional.empty());
    }

    static Poll confidencePoll() {
        return confidencePoll(PercentBase.RECEIVED);
    }

    static Poll motion(Optional<Majority> majority) {
        Question question = new Question("motion", "Thông qua quy chế làm việc", "",
                List.of(new Option("agree", "Đồng ý", "Agree"), new Option("disagree", "Không đồng ý", "Disagree"),
                        new Option("abstain", "Không biểu quyết", "Abstain")),
                ChoiceRule.exactlyOne());
        return new Poll("rules", PollKind.MOTION, "Biểu quyết quy chế", List.of(question), PercentBase.RECEIVED, majority);
    }

    /** One ballot: question id → the single marked option id, or null for a question left blank. */
    static Answers ballot(String... questionThenOption) {
        Map<String, List<String>> marks = new HashMap<>();
        for (int i = 0; i < questionThenOption.length; i += 2) {
            String option = questionThenOption[i + 1];
            marks.put(questionThenOption[i], option == null ? List.of() : List.of(option));
        }
        return new Answers(marks);
    }

    static List<Answers> times(int n, Answers ballot) {
        return new ArrayList<>(Collections.nCopies(n, ballot));
    }

    @SafeVarargs
    static List<Answers> concat(List<Answers>... parts) {
        List<Answers> all = new ArrayList<>();
        for (List<Answers> part : parts) all.addAll(part);
        return all;
    }

    static TallyCounts countsFor(List<Answers> ballots) {
        return new TallyCounts(40, 35, ballots.size(), ballots.size(), 0);
    }

    static Meeting meeting(Poll poll) {
        return new Meeting("so-xay-dung-2025", "Hội nghị lấy phiếu tín nhiệm", "Sở Xây dựng thành phố",
                LocalDate.of(2025, 3, 14), "08:30", "Hội trường tầng 3",
                40, List.of(new CommitteeMember("Lê Văn Cường", "Trưởng ban"),
                        new CommitteeMember("Phạm Thị Dung", "Thành viên")),
                List.of(poll));
    }

    static Minutes minutes(PollTally tally, Language language) {
        return new Minutes(meeting(tally.poll()), tally, "SHA256:ab12cd34ef56", "def0123456789abcdef",
                "aud1e0ffee", List.of(new AuditLine(1, "2025-03-14T08:40:00+07:00", "poll-opened", "confidence", "h1"),
                        new AuditLine(2, "2025-03-14T09:10:00+07:00", "poll-closed", "confidence", "h2")),
                Optional.of("2025-03-14T08:40:00+07:00"), Optional.of("2025-03-14T09:10:00+07:00"),
                List.of("ZK7Q", "AB3X", "M9PD"), language);
    }
}
