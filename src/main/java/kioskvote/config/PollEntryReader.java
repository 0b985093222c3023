package kioskvote.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.Candidate;
import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.Election;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;

/**
 * One poll entry of meeting.yaml, checked: the one validator of a poll, whether it comes from the file at start or
 * from the meeting editor (its page and its API), so the same entry is accepted or refused with the same words
 * either way. Every key is known for the poll's kind (a misspelt one is refused with the nearest known key), and
 * every value is checked whether or not another key makes it matter.
 */
final class PollEntryReader {
    private static final String ID = "[a-z0-9][a-z0-9-]{0,62}";

    private final YamlFields fields;
    private final String file;

    PollEntryReader(YamlFields fields) {
        this.fields = fields;
        this.file = fields.file();
    }

    /** The entry at {@code at} ({@code polls[2].}, or "" for an entry read alone). */
    Poll poll(JsonNode p, String at) {
        if (!p.isObject()) throw new ConfigException(file, at.isEmpty() ? "(poll)" : at.substring(0, at.length() - 1),
                "must be a mapping like a poll of meeting.yaml (id, kind, title…)");
        String rawId = p.path("id").asText("");
        String place = rawId.matches(ID) ? "poll `" + rawId + "`" : at.isEmpty() ? "the poll" : "poll " + at.substring(0, at.length() - 1);
        fields.onlyKeys(p, KnownKeys.poll(p.path("kind").asText("")), at, place);
        String id = fields.text(p, "id", at + "id");
        if (!id.matches(ID)) {
            throw new ConfigException(file, at + "id", "use lowercase letters, digits and dashes (got \"" + id + "\")");
        }
        String title = fields.text(p, "title", at + "title");
        PercentBase base = percentBase(p, at);
        String kind = fields.text(p, "kind", at + "kind");
        boolean practice = fields.flag(p, "practice", at + "practice");
        Poll poll = switch (kind) {
            case "confidence" -> new Poll(id, PollKind.CONFIDENCE, title, subjects(p, at, place, BallotOptions.confidenceLevels()), base,
                    Optional.empty());
            case "confidence_vote" -> new Poll(id, PollKind.CONFIDENCE_VOTE, title, subjects(p, at, place, BallotOptions.confidenceVoteLevels()),
                    base, Optional.empty());
            case "motion" -> motion(p, at, place, id, title, base, PollKind.MOTION);
            case "open_motion" -> motion(p, at, place, id, title, base, PollKind.OPEN_MOTION);
            case "election" -> Poll.election(id, title, base, election(p, at, place), false);
            default -> throw new ConfigException(file, at + "kind",
                    "must be confidence, confidence_vote, motion, election or open_motion (got \"" + kind + "\")");
        };
        return poll.asPractice(practice).withSealed(sealed(p, at, practice || poll.open()));
    }

    /**
     * {@code sealed: false} makes an informal poll whose ballots are stored readable (the minutes say "not sealed").
     * A practice poll is not sealed unless it says {@code sealed: true}: its cards would be a rehearsal nobody needs.
     */
    private boolean sealed(JsonNode p, String at, boolean practice) {
        JsonNode value = p.path("sealed");
        if (value.isMissingNode() || value.isNull()) return !practice;
        if (!value.isBoolean()) throw new ConfigException(file, at + "sealed", "must be true or false (got \"" + value.asText() + "\")");
        if (value.asBoolean() && "open_motion".equals(p.path("kind").asText())) {
            throw new ConfigException(file, at + "sealed", "an open vote (open_motion) shows its counts while it runs, so it is never sealed: "
                    + "use kind: motion for a secret vote");
        }
        return value.asBoolean();
    }

    /**
     * Bầu cử: seats and candidates (name, position, unit); docs/rules.md, "Election". A next round exported from
     * a station also says {@code round:} and {@code from_poll:}, and its candidates keep their {@code id:} from the
     * first round (so its definition, and its hash, are the same on a station started from the export).
     */
    private Election election(JsonNode p, String at, String place) {
        int seats = fields.positiveInt(p, "seats", at + "seats");
        JsonNode c = fields.required(p, "candidates", at + "candidates");
        if (!c.isArray() || c.isEmpty()) {
            throw new ConfigException(file, at + "candidates", "must list the candidates, each with name, position and unit");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            String where = at + "candidates[" + i + "].";
            fields.onlyKeys(c.get(i), KnownKeys.CANDIDATE, where, "candidate " + (i + 1) + " of " + place);
            String candidateId = fields.optionalText(c.get(i), "id").orElse("c" + (i + 1));
            if (!candidateId.matches("[a-z0-9_-]{1,40}")) {
                throw new ConfigException(file, where + "id", "use 1 to 40 lowercase letters, digits, _ and - (got \"" + candidateId + "\")");
            }
            if (candidates.stream().anyMatch(other -> other.id().equals(candidateId))) {
                throw new ConfigException(file, where + "id", "\"" + candidateId + "\" is used by another candidate");
            }
            candidates.add(new Candidate(candidateId, fields.text(c.get(i), "name", where + "name"),
                    fields.optionalText(c.get(i), "position").orElse(""), fields.optionalText(c.get(i), "unit").orElse("")));
        }
        int round = p.path("round").isMissingNode() ? 1 : fields.positiveInt(p, "round", at + "round");
        Optional<String> fromPoll = fields.optionalText(p, "from_poll");
        if (fromPoll.isPresent() && !fromPoll.get().matches(ID)) {
            throw new ConfigException(file, at + "from_poll", "must be the id of the election's earlier round (got \"" + fromPoll.get() + "\")");
        }
        return new Election(seats, candidates, round, fromPoll, majorityOf(p, at), tie(p, at));
    }

    /** majority_of: received (the default) or valid; docs/rules.md, "Election". */
    private Election.MajorityOf majorityOf(JsonNode p, String at) {
        String value = fields.optionalText(p, "majority_of").orElse("received");
        return switch (value) {
            case "received" -> Election.MajorityOf.RECEIVED;
            case "valid" -> Election.MajorityOf.VALID;
            default -> throw new ConfigException(file, at + "majority_of", "must be received or valid (got \"" + value + "\")");
        };
    }

    /** tie: next_round (the default) or meeting_decides; the station never breaks a tie itself. */
    private Election.TieRule tie(JsonNode p, String at) {
        String value = fields.optionalText(p, "tie").orElse("next_round");
        return switch (value) {
            case "next_round" -> Election.TieRule.NEXT_ROUND;
            case "meeting_decides" -> Election.TieRule.MEETING_DECIDES;
            default -> throw new ConfigException(file, at + "tie", "must be next_round or meeting_decides (the station breaks no tie by "
                    + "age, name or chance; got \"" + value + "\")");
        };
    }

    private List<Question> subjects(JsonNode p, String at, String place, List<Option> levels) {
        JsonNode s = fields.required(p, "subjects", at + "subjects");
        if (!s.isArray() || s.isEmpty()) {
            throw new ConfigException(file, at + "subjects", "must list the people rated, each with name and position");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String where = at + "subjects[" + i + "].";
            fields.onlyKeys(s.get(i), KnownKeys.SUBJECT, where, "subject " + (i + 1) + " of " + place);
            questions.add(new Question("s" + (i + 1), fields.text(s.get(i), "name", where + "name"),
                    fields.text(s.get(i), "position", where + "position"), levels, ChoiceRule.exactlyOne()));
        }
        return questions;
    }

    /**
     * Biểu quyết. Its rule's three keys are each checked whether or not the others are written. Without
     * {@code passes_with} the rule is the station's default, more than 1/2 (docs/rules.md, "Motions"): a motion
     * that names none gets it at the count ({@link Poll#motionRule()}), one that names only {@code pass_base} or
     * {@code abstentions} gets it with them.
     */
    private Poll motion(JsonNode p, String at, String place, String id, String title, PercentBase base, PollKind kind) {
        String motion = fields.text(p, "motion", at + "motion");
        JsonNode labels = p.path("options");
        if (!labels.isMissingNode() && !labels.isNull() && !labels.isObject()) {
            throw new ConfigException(file, at + "options", "must be a mapping like {agree: Tán thành, disagree: Không tán thành}");
        }
        fields.onlyKeys(labels, KnownKeys.MOTION_OPTIONS, at + "options.", "the options of " + place);
        List<Option> options = BallotOptions.motionOptions(
                fields.optionalText(labels, BallotOptions.AGREE).orElse(BallotOptions.AGREE_VI),
                fields.optionalText(labels, BallotOptions.DISAGREE).orElse(BallotOptions.DISAGREE_VI),
                fields.optionalText(labels, BallotOptions.ABSTAIN).orElse(BallotOptions.ABSTAIN_VI));
        Optional<String> rule = fields.optionalText(p, "passes_with");
        Optional<Majority.VoteBase> of = voteBase(p, at);
        boolean abstentionsCounted = abstentions(p, at);
        Optional<Majority> majority = rule.isEmpty() && of.isEmpty() && abstentionsCounted ? Optional.empty()
                : Optional.of(majority(rule.orElse(Majority.DEFAULT.rule()), at + "passes_with", of, abstentionsCounted));
        Question question = new Question("motion", motion, "", options, ChoiceRule.exactlyOne());
        return new Poll(id, kind, title, List.of(question), base, majority, kind != PollKind.OPEN_MOTION);
    }

    /** "more than 1/2", "2/3 or more" (also "at least 2/3"); docs/rules.md, "Motions". */
    private Majority majority(String rule, String field, Optional<Majority.VoteBase> of, boolean abstentionsCounted) {
        var moreThan = java.util.regex.Pattern.compile("more than (\\d+)/(\\d+)").matcher(rule.trim());
        var orMore = java.util.regex.Pattern.compile("(?:(\\d+)/(\\d+) or more|at least (\\d+)/(\\d+))").matcher(rule.trim());
        boolean atLeast;
        int numerator;
        int denominator;
        if (moreThan.matches()) {
            atLeast = false;
            numerator = Integer.parseInt(moreThan.group(1));
            denominator = Integer.parseInt(moreThan.group(2));
        } else if (orMore.matches()) {
            atLeast = true;
            numerator = Integer.parseInt(orMore.group(1) != null ? orMore.group(1) : orMore.group(3));
            denominator = Integer.parseInt(orMore.group(2) != null ? orMore.group(2) : orMore.group(4));
        } else {
            throw new ConfigException(file, field, "write it as \"more than 1/2\", \"more than 2/3\" or \"2/3 or more\" (got \"" + rule + "\")");
        }
        if (numerator < 1 || numerator >= denominator) {
            throw new ConfigException(file, field, "the fraction must be between 0 and 1 (got \"" + rule + "\")");
        }
        if (!atLeast && of.isEmpty() && abstentionsCounted) return new Majority(BallotOptions.AGREE, numerator, denominator);
        return new Majority(BallotOptions.AGREE, atLeast, numerator, denominator, of, abstentionsCounted);
    }

    /** pass_base: what the majority is taken of; absent: the poll's base. */
    private Optional<Majority.VoteBase> voteBase(JsonNode p, String at) {
        Optional<String> base = fields.optionalText(p, "pass_base");
        if (base.isEmpty()) return Optional.empty();
        for (Majority.VoteBase b : Majority.VoteBase.values()) {
            if (b.code().equals(base.get())) return Optional.of(b);
        }
        throw new ConfigException(file, at + "pass_base",
                "must be received, valid, present, issued or summoned (got \"" + base.get() + "\")");
    }

    /** abstentions: counted (they stay in the base, the default) or not_counted (taken out of it). */
    private boolean abstentions(JsonNode p, String at) {
        String value = fields.optionalText(p, "abstentions").orElse("counted");
        return switch (value) {
            case "counted" -> true;
            case "not_counted" -> false;
            default -> throw new ConfigException(file, at + "abstentions", "must be counted or not_counted (got \"" + value + "\")");
        };
    }

    private PercentBase percentBase(JsonNode p, String at) {
        String base = fields.optionalText(p, "base").orElse("received");
        return switch (base) {
            case "received" -> PercentBase.RECEIVED;
            case "issued" -> PercentBase.ISSUED;
            case "summoned" -> PercentBase.SUMMONED;
            default -> throw new ConfigException(file, at + "base", "must be received, issued or summoned (got \"" + base + "\")");
        };
    }
}
