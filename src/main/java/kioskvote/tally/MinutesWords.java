package kioskvote.tally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import kioskvote.meeting.Majority;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.PollKind;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * The words of the printed minutes in one language (docs/rules.md, "The minutes"), from the bundles'
 * {@code minutes.*} keys. Used by minutes.jte.
 */
public final class MinutesWords {
    private static final String PREFIX = "minutes.";
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm, 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    private final Language language;
    private final Texts texts;

    public MinutesWords(Language language) {
        this.language = Objects.requireNonNull(language, "language");
        this.texts = Texts.of(language);
    }

    public Language language() {
        return language;
    }

    /** The word for {@code key}; fails loudly on a missing key rather than printing a blank. */
    public String get(String key) {
        return texts.get(PREFIX + key);
    }

    public String date(LocalDate date) {
        return language == Language.EN ? date.toString() : VI_DATE.format(date);
    }

    public String percent(BigDecimal percent) {
        return Percent.format(percent, language);
    }

    /** Heading of the percentage column: "% of ballots received" and so on. */
    public String percentOf(PercentBase base) {
        return get("percentOf." + baseKey(base));
    }

    public String questionHeading(PollKind kind) {
        return get(kind.isMotion() ? "motion" : kind == PollKind.ELECTION ? "candidate" : "subject");
    }

    public String optionHeading(PollKind kind) {
        return get(kind.isMotion() ? "option" : "level");
    }

    /** "Passes with more than 1/2 of ballots received marking “Đồng ý”." */
    public String majorityRule(Majority majority, PercentBase base, String optionLabel) {
        String of = majority.of().map(b -> get("base." + b.code())).orElse(get("base." + baseKey(base)));
        String rule = texts.format(PREFIX + (majority.orMore() ? "majorityRuleOrMore" : "majorityRule"),
                Map.of("fraction", majority.numerator() + "/" + majority.denominator(), "base", of, "option", optionLabel));
        return majority.abstentionsCounted() ? rule : rule + " " + get("abstentionsNotCounted");
    }

    /**
     * A motion's rule in words, on the ballot, the chair's screen and the minutes: the rule it names, or the station's
     * default with a note saying so (docs/rules.md, "Motions"). Empty for other kinds of poll.
     */
    public String motionRule(kioskvote.meeting.Poll poll) {
        return poll.motionRule().map(m -> {
            String label = poll.questions().get(0).option(m.optionId()).map(o -> o.label(language)).orElse(m.optionId());
            String rule = majorityRule(m, poll.base(), label);
            return poll.usesDefaultRule() ? rule + " " + get("defaultRule") : rule;
        }).orElse("");
    }

    /** "16 of the 30 ballots received chose “Đồng ý” (more than 1/2 needed: 16 > 15): PASSED." */
    public String motionOutcome(QuestionTally question, Majority majority, String optionLabel) {
        long base = question.majorityBase().orElse(0L);
        var outcome = question.outcome().orElse(QuestionTally.MotionOutcome.NOT_PASSED);
        return switch (outcome) {
            case NO_VOTES_COUNTED -> texts.format(PREFIX + "motionOutcomeNoVotes", Map.of("count", question.count(majority.optionId()),
                    "option", optionLabel, "result", result(false)));
            case BASE_NEGATIVE -> {
                long abstain = question.count(kioskvote.meeting.BallotOptions.ABSTAIN);
                yield texts.format(PREFIX + "motionOutcomeNegativeBase", Map.of("of", base + abstain, "abstain", abstain, "base", base));
            }
            default -> texts.format(PREFIX + "motionOutcome", Map.of("count", question.count(majority.optionId()), "base", base,
                    "option", optionLabel, "result", result(outcome == QuestionTally.MotionOutcome.PASSED)));
        };
    }

    /** Each option of a question in words: "Tín nhiệm cao: 20 phiếu (66,67%); Tín nhiệm: 6 phiếu (20,00%)…". */
    public String optionsInWords(QuestionTally question) {
        StringBuilder out = new StringBuilder();
        for (OptionCount option : question.options()) {
            if (!out.isEmpty()) out.append("; ");
            out.append(texts.format(PREFIX + "optionInWords", Map.of("option", option.option().label(language),
                    "count", option.count(), "percent", percent(option.percent()))));
        }
        return out.append('.').toString();
    }

    /** The words of {@code key} with its named placeholders filled. */
    public String format(String key, Map<String, ?> values) {
        return texts.format(PREFIX + key, values);
    }

    /** The check the minutes print: the roster's chain of figures, or without one the typed count of those present. */
    public String addsUpRule(TallyCounts counts) {
        return get(counts.figures().fromRoster() ? "addsUp" : "addsUpNoRoster");
    }

    /** A rule of the check that these figures break, in words with the figures ("Ballots received (67) are more than…"). */
    public String brokenRule(kioskvote.meeting.CountRules.Rule rule, TallyCounts c) {
        return format("broken." + rule.name(), Map.of("received", c.received(), "issued", c.figures().issued(), "handedOut", c.figures().handedOut(),
                "present", c.figures().present(), "summoned", c.figures().summoned()));
    }

    /** "Nguyễn Văn A, Trần Thị B". */
    public static String names(java.util.List<CandidateResult> results) {
        return String.join(", ", results.stream().map(r -> r.candidate().name()).toList());
    }

    public static String candidateNames(java.util.List<kioskvote.meeting.Candidate> candidates) {
        return String.join(", ", candidates.stream().map(kioskvote.meeting.Candidate::name).toList());
    }

    /** A candidate's outcome in words: the bundles' {@code minutes.outcome.<outcome>}. */
    public String outcome(CandidateResult.Outcome outcome) {
        return get("outcome." + outcome.name().toLowerCase(Locale.ROOT));
    }

    /** The outcome in words, naming the majority's base when it is the valid ballots ("not more than half of the valid ballots"). */
    public String outcome(CandidateResult.Outcome outcome, kioskvote.meeting.Election.MajorityOf of) {
        if (outcome == CandidateResult.Outcome.NO_MAJORITY && of == kioskvote.meeting.Election.MajorityOf.VALID) return get("outcome.no_majority_valid");
        return outcome(outcome);
    }

    /** "Elect 3 of 5. Elected with more than half of the ballots received (30: 16 votes or more)…", or of the valid ballots. */
    public String electionRule(ElectionResult election, int candidates) {
        boolean valid = election.majorityOf() == kioskvote.meeting.Election.MajorityOf.VALID;
        return format(valid ? "electionRuleValid" : "electionRule", Map.of("seats", election.seats(), "candidates", candidates,
                "received", election.majorityBase(), "needed", election.majorityBase() / 2 + 1));
    }

    /**
     * The minutes show each candidate's percentage of the majority's base beside that of the poll's base when the two
     * differ, so nobody reads "elected" beside a figure under 50 % of the base that elected them.
     */
    public static boolean showsMajorityPercent(PercentBase pollBase, ElectionResult election) {
        return pollBase != PercentBase.RECEIVED || election.majorityOf() != kioskvote.meeting.Election.MajorityOf.RECEIVED;
    }

    /** Heading of that column: "% of valid ballots" or "% of ballots received". */
    public String majorityPercentOf(ElectionResult election) {
        return get("percentOf." + election.majorityOf().code());
    }

    /** How a tie for the last seats is settled, in words: by a next round (said by the seats-left line) or as the meeting decides. */
    public java.util.Optional<String> tieRule(ElectionResult election) {
        if (!election.tie() || election.tieRule() == kioskvote.meeting.Election.TieRule.NEXT_ROUND) return java.util.Optional.empty();
        return java.util.Optional.of(get("tieMeetingDecides"));
    }

    /** An audit event's name in the language of the minutes; an event without words is shown as it is stored. */
    public String event(String event) {
        String key = PREFIX + "event." + event;
        return texts.has(key) ? texts.get(key) : event;
    }

    /** An audit line's detail in the language of the minutes (tally/AnnexDetail); the stored text is unchanged. */
    public String detail(String event, String detail) {
        return new AnnexDetail(texts).render(event, detail);
    }

    /** Events of the check-in desk, printed in their own annex. */
    public static boolean isCheckIn(String event) {
        return event.startsWith("person-") || event.startsWith("ballot-");
    }

    /**
     * A stored ISO time as the minutes print it, in the station's own offset: "08 giờ 51, ngày 10/12/2026" in
     * Vietnamese, "08:51, 10/12/2026" in English. Text that is not a time is printed as it is.
     */
    public String dateTime(String iso) {
        try {
            var at = java.time.OffsetDateTime.parse(iso);
            return language == Language.EN ? EN_TIME.format(at) : VI_TIME.format(at);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    public String result(boolean passed) {
        return get(passed ? "passed" : "notPassed");
    }

    private static String baseKey(PercentBase base) {
        return base.name().toLowerCase(Locale.ROOT);
    }
}
