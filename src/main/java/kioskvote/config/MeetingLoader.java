package kioskvote.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kioskvote.audit.Sha256;
import kioskvote.meeting.BallotOptions;
import kioskvote.meeting.Candidate;
import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.Election;
import kioskvote.meeting.Majority;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingDetails;
import kioskvote.meeting.MeetingSetup;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;
import kioskvote.meeting.WifiNetwork;
import kioskvote.roster.RosterCsv;
import kioskvote.roster.RosterRejected;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * Reads kiosk-config/NAME/meeting.yaml into a {@link MeetingConfig}, checking every field so that a
 * broken definition is refused at start with the file, the field and the problem.
 */
public final class MeetingLoader {
    public static final String FILE_NAME = "meeting.yaml";
    public static final String ROSTER_FILE = "roster.csv";

    private final String file;

    private MeetingLoader(String file) {
        this.file = file;
    }

    public static MeetingConfig load(Path configDir) {
        Path path = configDir.resolve(FILE_NAME);
        String shown = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(shown, "(file)", "not found; a meeting folder must contain " + FILE_NAME);
        }
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(path);
            root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(shown, "(syntax)", "not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(shown, "(file)", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(shown, "(top)", "the file must be a YAML mapping with meeting:, polls:");
        }
        MeetingLoader loader = new MeetingLoader(shown);
        return new MeetingConfig(loader.meeting(root), loader.station(root.path("station")), Sha256.hex(bytes), roster(configDir));
    }

    /** kiosk-config/NAME/roster.csv, if there is one: every row must be good, or the station does not start. */
    private static Optional<RosterCsv.Parsed> roster(Path configDir) {
        Path path = configDir.resolve(ROSTER_FILE);
        if (!Files.isRegularFile(path)) return Optional.empty();
        RosterCsv.Parsed parsed;
        try {
            parsed = RosterCsv.parse(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "(file)", "cannot be read: " + e.getMessage());
        } catch (RosterRejected e) {
            throw new ConfigException(path.toString(), "(file)", Texts.of(Language.EN).message(e));
        }
        if (!parsed.badRows().isEmpty()) {
            StringBuilder rows = new StringBuilder();
            for (RosterCsv.BadRow bad : parsed.badRows()) rows.append("\n  line ").append(bad.line()).append(": ").append(bad.problemEn());
            throw new ConfigException(path.toString(), "(rows)", "fix these rows and start again:" + rows);
        }
        return Optional.of(parsed);
    }

    private Meeting meeting(JsonNode root) {
        JsonNode m = required(root, "meeting", "meeting");
        String id = text(m, "id", "meeting.id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new ConfigException(file, "meeting.id", "use lowercase letters, digits and dashes (got \"" + id + "\")");
        }
        MeetingDetails details = details(m, "meeting.");
        List<CommitteeMember> committee = committee(root.path("committee"));
        JsonNode p = required(root, "polls", "polls");
        if (!p.isArray() || p.isEmpty()) throw new ConfigException(file, "polls", "must be a non-empty list of polls");
        List<Poll> polls = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            Poll poll = poll(p.get(i), "polls[" + i + "].");
            if (polls.stream().anyMatch(other -> other.id().equals(poll.id()))) {
                throw new ConfigException(file, "polls[" + i + "].id", "\"" + poll.id() + "\" is used by another poll");
            }
            polls.add(poll);
        }
        int threshold = sealThreshold(root.path("seal"), committee, polls);
        return new Meeting(id, new MeetingSetup(details, committee, threshold, polls));
    }

    /**
     * One poll entry, in the keys of a meeting.yaml poll (the admin pages' meeting editor and its API): checked
     * by the same rules, refused with the same words; the field is named without the {@code polls[i].} prefix.
     */
    public static Poll readPoll(JsonNode entry) {
        if (entry == null || !entry.isObject()) throw new ConfigException("", "(poll)", "must be a mapping like a poll of meeting.yaml");
        return new MeetingLoader("").poll(entry, "");
    }

    /** The keys of meeting.yaml's {@code meeting:} section but the id (which never changes). */
    public static MeetingDetails readDetails(JsonNode entry) {
        if (entry == null || !entry.isObject()) throw new ConfigException("", "(meeting)", "must be a mapping like meeting.yaml's meeting:");
        return new MeetingLoader("").details(entry, "");
    }

    /** The committee and its seal threshold, from meeting.yaml's {@code committee:} and {@code seal:}, checked against the polls. */
    public static MeetingSetup readCommittee(JsonNode committee, JsonNode seal, MeetingSetup current) {
        MeetingLoader loader = new MeetingLoader("");
        List<CommitteeMember> members = loader.committee(committee == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : committee);
        int threshold = loader.sealThreshold(seal == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : seal, members, current.polls());
        return current.withCommittee(members, threshold);
    }

    /** The loader's checks of a whole setup: a sealed poll needs a committee that can open its box (the meeting editor's polls). */
    public static void checkSealing(MeetingSetup setup) {
        new MeetingLoader("").checkSealing(setup.committee(), setup.sealThreshold(), setup.polls());
    }

    private MeetingDetails details(JsonNode m, String at) {
        LocalDate date;
        String dateText = text(m, "date", at + "date");
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new ConfigException(file, at + "date", "must be a date like 2026-12-10 (got \"" + dateText + "\")");
        }
        int summoned = positiveInt(m, "summoned", at + "summoned");
        return new MeetingDetails(text(m, "title", at + "title"), optionalText(m, "organiser").orElse(""), date,
                optionalText(m, "time").orElse(""), optionalText(m, "place").orElse(""), summoned);
    }

    private List<CommitteeMember> committee(JsonNode c) {
        List<CommitteeMember> committee = new ArrayList<>();
        if (!c.isMissingNode() && !c.isNull()) {
            if (!c.isArray()) throw new ConfigException(file, "committee", "must be a list of {name, role}");
            for (int i = 0; i < c.size(); i++) {
                committee.add(new CommitteeMember(text(c.get(i), "name", "committee[" + i + "].name"),
                        optionalText(c.get(i), "role").orElse("")));
            }
        }
        if (committee.size() > kioskvote.seal.ShareSplitter.MAX_SHARES) {
            throw new ConfigException(file, "committee", "at most " + kioskvote.seal.ShareSplitter.MAX_SHARES + " members");
        }
        return committee;
    }

    /**
     * {@code seal: {threshold: K}}: how many committee members' key shares open a sealed ballot box
     * (default 2, or 1 for a committee of one). A sealed poll needs a committee to hold the shares.
     */
    private int sealThreshold(JsonNode seal, List<CommitteeMember> committee, List<Poll> polls) {
        int threshold = Meeting.defaultThreshold(committee);
        if (!seal.isMissingNode() && !seal.isNull()) {
            if (!seal.isObject()) throw new ConfigException(file, "seal", "must be a mapping like {threshold: 2}");
            if (!seal.path("threshold").isMissingNode()) threshold = positiveInt(seal, "threshold", "seal.threshold");
        }
        checkSealing(committee, threshold, polls);
        return threshold;
    }

    private void checkSealing(List<CommitteeMember> committee, int threshold, List<Poll> polls) {
        boolean anySealed = polls.stream().anyMatch(Poll::sealed);
        if (anySealed && committee.isEmpty()) {
            int first = 0;
            while (!polls.get(first).sealed()) first++;
            throw new ConfigException(file, "polls[" + first + "].sealed", "a sealed poll needs the counting committee (committee:) to hold "
                    + "the shares of its ballot-box key; list the committee, or write sealed: false for a practice poll (the first sealed one is \"" + polls.get(first).id() + "\")");
        }
        if (anySealed && threshold > committee.size()) {
            throw new ConfigException(file, "seal.threshold", "is " + threshold + ", more than the " + committee.size()
                    + " members of the committee: the ballot box could never be opened");
        }
    }

    /**
     * {@code sealed: false} makes an informal poll whose ballots are stored readable (the minutes say "not sealed").
     * A practice poll is not sealed unless it says {@code sealed: true}: its cards would be a rehearsal nobody needs.
     */
    private boolean sealed(JsonNode p, String at, boolean practice) {
        JsonNode value = p.path("sealed");
        if (value.isMissingNode() || value.isNull()) return !practice;
        if (!value.isBoolean()) throw new ConfigException(file, at + "sealed", "must be true or false (got \"" + value.asText() + "\")");
        return value.asBoolean();
    }

    private Poll poll(JsonNode p, String at) {
        String id = text(p, "id", at + "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new ConfigException(file, at + "id", "use lowercase letters, digits and dashes (got \"" + id + "\")");
        }
        String title = text(p, "title", at + "title");
        PercentBase base = percentBase(p, at);
        String kind = text(p, "kind", at + "kind");
        boolean practice = flag(p, "practice", at + "practice");
        Poll poll = switch (kind) {
            case "confidence" -> new Poll(id, PollKind.CONFIDENCE, title, subjects(p, at, BallotOptions.confidenceLevels()), base, Optional.empty());
            case "confidence_vote" -> new Poll(id, PollKind.CONFIDENCE_VOTE, title, subjects(p, at, BallotOptions.confidenceVoteLevels()),
                    base, Optional.empty());
            case "motion" -> motion(p, at, id, title, base);
            case "election" -> Poll.election(id, title, base, election(p, at), false);
            default -> throw new ConfigException(file, at + "kind",
                    "must be confidence, confidence_vote, motion or election (got \"" + kind + "\")");
        };
        return poll.asPractice(practice).withSealed(sealed(p, at, practice));
    }

    /**
     * Bầu cử: seats and candidates (name, position, unit); docs/rules.md, "Election". A next round exported from
     * a station also says {@code round:} and {@code from_poll:}, and its candidates keep their {@code id:} from the
     * first round (so its definition, and its hash, are the same on a station started from the export).
     */
    private Election election(JsonNode p, String at) {
        int seats = positiveInt(p, "seats", at + "seats");
        JsonNode c = required(p, "candidates", at + "candidates");
        if (!c.isArray() || c.isEmpty()) {
            throw new ConfigException(file, at + "candidates", "must list the candidates, each with name, position and unit");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            String where = at + "candidates[" + i + "].";
            String candidateId = optionalText(c.get(i), "id").orElse("c" + (i + 1));
            if (!candidateId.matches("[a-z0-9_-]{1,40}")) {
                throw new ConfigException(file, where + "id", "use 1 to 40 lowercase letters, digits, _ and - (got \"" + candidateId + "\")");
            }
            if (candidates.stream().anyMatch(other -> other.id().equals(candidateId))) {
                throw new ConfigException(file, where + "id", "\"" + candidateId + "\" is used by another candidate");
            }
            candidates.add(new Candidate(candidateId, text(c.get(i), "name", where + "name"),
                    optionalText(c.get(i), "position").orElse(""), optionalText(c.get(i), "unit").orElse("")));
        }
        int round = p.path("round").isMissingNode() ? 1 : positiveInt(p, "round", at + "round");
        Optional<String> fromPoll = optionalText(p, "from_poll");
        if (fromPoll.isPresent() && !fromPoll.get().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new ConfigException(file, at + "from_poll", "must be the id of the election's earlier round (got \"" + fromPoll.get() + "\")");
        }
        return new Election(seats, candidates, round, fromPoll);
    }

    private boolean flag(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) return false;
        if (!value.isBoolean()) throw new ConfigException(file, field, "must be true or false (got \"" + value.asText() + "\")");
        return value.asBoolean();
    }

    private List<Question> subjects(JsonNode p, String at, List<Option> levels) {
        JsonNode s = required(p, "subjects", at + "subjects");
        if (!s.isArray() || s.isEmpty()) {
            throw new ConfigException(file, at + "subjects", "must list the people rated, each with name and position");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String where = at + "subjects[" + i + "].";
            questions.add(new Question("s" + (i + 1), text(s.get(i), "name", where + "name"),
                    text(s.get(i), "position", where + "position"), levels, ChoiceRule.exactlyOne()));
        }
        return questions;
    }

    private Poll motion(JsonNode p, String at, String id, String title, PercentBase base) {
        String motion = text(p, "motion", at + "motion");
        JsonNode labels = p.path("options");
        List<Option> options = BallotOptions.motionOptions(
                optionalText(labels, BallotOptions.AGREE).orElse(BallotOptions.AGREE_VI),
                optionalText(labels, BallotOptions.DISAGREE).orElse(BallotOptions.DISAGREE_VI),
                optionalText(labels, BallotOptions.ABSTAIN).orElse(BallotOptions.ABSTAIN_VI));
        Optional<Majority> majority = optionalText(p, "passes_with").map(rule -> majority(rule, at + "passes_with",
                voteBase(p, at), abstentions(p, at)));
        Question question = new Question("motion", motion, "", options, ChoiceRule.exactlyOne());
        return new Poll(id, PollKind.MOTION, title, List.of(question), base, majority);
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
        Optional<String> base = optionalText(p, "pass_base");
        if (base.isEmpty()) return Optional.empty();
        for (Majority.VoteBase b : Majority.VoteBase.values()) {
            if (b.code().equals(base.get())) return Optional.of(b);
        }
        throw new ConfigException(file, at + "pass_base",
                "must be received, valid, present, issued or summoned (got \"" + base.get() + "\")");
    }

    /** abstentions: counted (they stay in the base, the default) or not_counted (taken out of it). */
    private boolean abstentions(JsonNode p, String at) {
        String value = optionalText(p, "abstentions").orElse("counted");
        return switch (value) {
            case "counted" -> true;
            case "not_counted" -> false;
            default -> throw new ConfigException(file, at + "abstentions", "must be counted or not_counted (got \"" + value + "\")");
        };
    }

    private PercentBase percentBase(JsonNode p, String at) {
        String base = optionalText(p, "base").orElse("received");
        return switch (base) {
            case "received" -> PercentBase.RECEIVED;
            case "issued" -> PercentBase.ISSUED;
            case "summoned" -> PercentBase.SUMMONED;
            default -> throw new ConfigException(file, at + "base", "must be received, issued or summoned (got \"" + base + "\")");
        };
    }

    private StationSettings station(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) return StationSettings.none();
        if (!s.isObject()) throw new ConfigException(file, "station", "must be a mapping");
        Optional<String> passphrase = optionalText(s, "admin_passphrase");
        if (passphrase.isPresent() && passphrase.get().length() < 12) {
            throw new ConfigException(file, "station.admin_passphrase", "must be at least 12 characters");
        }
        Optional<String> baseUrl = optionalText(s, "base_url");
        if (baseUrl.isPresent() && !baseUrl.get().matches("https?://[^/\\s]+")) {
            throw new ConfigException(file, "station.base_url", "must look like http://192.168.1.10:7070 (no path)");
        }
        return new StationSettings(passphrase, baseUrl, optionalText(s, "database_url"), wifi(s.path("wifi")));
    }

    /** {@code wifi: {name: ..., password: ...}}: printed on the slips and shown on the chair's screen as a QR code. */
    private Optional<WifiNetwork> wifi(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) return Optional.empty();
        if (!w.isObject()) throw new ConfigException(file, "station.wifi", "must be a mapping with name and password");
        String name = text(w, "name", "station.wifi.name");
        String password = optionalText(w, "password").orElse("");
        if (!password.isEmpty() && (password.length() < 8 || password.length() > 63)) {
            throw new ConfigException(file, "station.wifi.password", "must be 8 to 63 characters (WPA), or left out for an open network");
        }
        return Optional.of(new WifiNetwork(name, password));
    }

    private JsonNode required(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) throw new ConfigException(file, field, "is missing");
        return value;
    }

    private String text(JsonNode node, String name, String field) {
        JsonNode value = required(node, name, field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new ConfigException(file, field, "must be a non-empty text");
        }
        return value.asText().strip();
    }

    private Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) return Optional.empty();
        return Optional.of(value.asText().strip());
    }

    private int positiveInt(JsonNode node, String name, String field) {
        JsonNode value = required(node, name, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new ConfigException(file, field, "must be a whole number of at least 1 (got \"" + value.asText() + "\")");
        }
        return value.asInt();
    }
}
