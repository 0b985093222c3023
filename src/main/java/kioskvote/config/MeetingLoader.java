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
import kioskvote.meeting.CommitteeMember;
import kioskvote.meeting.DeviceSealingRule;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.MeetingDetails;
import kioskvote.meeting.MeetingSetup;
import kioskvote.meeting.Poll;
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
    private final YamlFields fields;

    private MeetingLoader(String file) {
        this.file = file;
        this.fields = new YamlFields(file);
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
        loader.fields.onlyKeys(root, KnownKeys.TOP, "", "the file");
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
        JsonNode m = fields.required(root, "meeting", "meeting");
        fields.onlyKeys(m, KnownKeys.MEETING, "meeting.", "meeting:");
        String id = fields.text(m, "id", "meeting.id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new ConfigException(file, "meeting.id", "use lowercase letters, digits and dashes (got \"" + id + "\")");
        }
        MeetingDetails details = details(m, "meeting.");
        List<CommitteeMember> committee = committee(root.path("committee"));
        JsonNode p = fields.required(root, "polls", "polls");
        if (!p.isArray() || p.isEmpty()) throw new ConfigException(file, "polls", "must be a non-empty list of polls");
        List<Poll> polls = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            Poll poll = new PollEntryReader(fields).poll(p.get(i), "polls[" + i + "].");
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
        return new PollEntryReader(new YamlFields("")).poll(entry, "");
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
        // the editor's details carry no id (it never changes), except the meeting's own, which it checks itself
        fields.onlyKeys(m, at.isEmpty() ? java.util.stream.Stream.concat(KnownKeys.DETAILS.stream(), java.util.stream.Stream.of("id")).toList()
                : KnownKeys.MEETING, at, "meeting:");
        LocalDate date;
        String dateText = fields.text(m, "date", at + "date");
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new ConfigException(file, at + "date", "must be a date like 2026-12-10 (got \"" + dateText + "\")");
        }
        int summoned = fields.positiveInt(m, "summoned", at + "summoned");
        return new MeetingDetails(fields.text(m, "title", at + "title"), fields.optionalText(m, "organiser").orElse(""), date,
                fields.optionalText(m, "time").orElse(""), fields.optionalText(m, "place").orElse(""), summoned);
    }

    private List<CommitteeMember> committee(JsonNode c) {
        List<CommitteeMember> committee = new ArrayList<>();
        if (!c.isMissingNode() && !c.isNull()) {
            if (!c.isArray()) throw new ConfigException(file, "committee", "must be a list of {name, role}");
            for (int i = 0; i < c.size(); i++) {
                fields.onlyKeys(c.get(i), KnownKeys.COMMITTEE_MEMBER, "committee[" + i + "].", "committee member " + (i + 1));
                committee.add(new CommitteeMember(fields.text(c.get(i), "name", "committee[" + i + "].name"),
                        fields.optionalText(c.get(i), "role").orElse("")));
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
            fields.onlyKeys(seal, KnownKeys.SEAL, "seal.", "seal:");
            if (!seal.path("threshold").isMissingNode()) threshold = fields.positiveInt(seal, "threshold", "seal.threshold");
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

    private StationSettings station(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) return StationSettings.none();
        if (!s.isObject()) throw new ConfigException(file, "station", "must be a mapping");
        fields.onlyKeys(s, KnownKeys.STATION, "station.", "station:");
        Optional<String> passphrase = fields.optionalText(s, "admin_passphrase");
        if (passphrase.isPresent() && passphrase.get().length() < 12) {
            throw new ConfigException(file, "station.admin_passphrase", "must be at least 12 characters");
        }
        Optional<String> baseUrl = fields.optionalText(s, "base_url");
        if (baseUrl.isPresent() && !baseUrl.get().matches("https?://[^/\\s]+")) {
            throw new ConfigException(file, "station.base_url", "must look like http://192.168.1.10:7070 (no path)");
        }
        return new StationSettings(passphrase, baseUrl, fields.optionalText(s, "database_url"), wifi(s.path("wifi")), deviceSealing(s));
    }

    /** {@code device_sealing: preferred | required} (DeviceSealingRule); preferred when left out. */
    private DeviceSealingRule deviceSealing(JsonNode s) {
        Optional<String> value = fields.optionalText(s, "device_sealing");
        if (value.isEmpty()) return DeviceSealingRule.PREFERRED;
        return switch (value.get().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "preferred" -> DeviceSealingRule.PREFERRED;
            case "required" -> DeviceSealingRule.REQUIRED;
            default -> throw new ConfigException(file, "station.device_sealing", "must be preferred or required, not \"" + value.get() + "\"");
        };
    }

    /** {@code wifi: {name: ..., password: ...}}: printed on the slips and shown on the chair's screen as a QR code. */
    private Optional<WifiNetwork> wifi(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) return Optional.empty();
        if (!w.isObject()) throw new ConfigException(file, "station.wifi", "must be a mapping with name and password");
        fields.onlyKeys(w, KnownKeys.WIFI, "station.wifi.", "station.wifi:");
        String name = fields.text(w, "name", "station.wifi.name");
        String password = fields.optionalText(w, "password").orElse("");
        if (!password.isEmpty() && (password.length() < 8 || password.length() > 63)) {
            throw new ConfigException(file, "station.wifi.password", "must be 8 to 63 characters (WPA), or left out for an open network");
        }
        return Optional.of(new WifiNetwork(name, password));
    }
}
