package kioskvote.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * meeting.yaml as organisers get it wrong: each mistake is refused with "file: field: problem", the
 * message the command line prints before it exits with code 2 (CommandLineTest runs that path).
 */
class MeetingLoaderTest {
    static final Path DEMO = Path.of("kiosk-config/demo");

    @TempDir
    Path dir;

    @Test
    void theDemoMeetingLoadsWithItsPollsAndNoRoster() {
        MeetingConfig config = MeetingLoader.load(DEMO);
        assertEquals("so-xay-dung-2026", config.meeting().id());
        assertEquals(40, config.meeting().summoned());
        assertEquals(List.of("tin-nhiem", "bieu-quyet-quy-che", "bo-phieu-tin-nhiem", "bau-cu-bch-cong-doan", "bo-phieu-thu"),
                config.meeting().polls().stream().map(p -> p.id()).toList());
        var election = config.meeting().poll("bau-cu-bch-cong-doan").orElseThrow().election().orElseThrow();
        assertEquals(3, election.seats());
        assertEquals(5, election.candidates().size());
        assertEquals("Phòng Quản lý xây dựng", election.candidates().get(0).unit());
        assertTrue(config.meeting().poll("bo-phieu-thu").orElseThrow().practice());
        assertEquals(2, config.meeting().poll("bo-phieu-tin-nhiem").orElseThrow().questions().get(0).options().size());
        assertEquals(4, config.meeting().poll("tin-nhiem").orElseThrow().questions().size());
        assertEquals(64, config.sourceSha256().length());
        assertTrue(config.roster().isEmpty());
        assertTrue(config.station().adminPassphrase().isEmpty());
    }

    static Stream<Arguments> brokenDefinitions() throws Exception {
        return Stream.of(
                Arguments.of("a subject without a position", "        position: Phó Giám đốc Sở\n      - name: Lê Hoàng Cường",
                        "      - name: Lê Hoàng Cường", "polls[0].subjects[1].position", "is missing"),
                Arguments.of("a meeting id with capitals", "id: so-xay-dung-2026", "id: So_Xay_Dung",
                        "meeting.id", "use lowercase letters, digits and dashes (got \"So_Xay_Dung\")"),
                Arguments.of("a date that is not one", "date: 2026-12-10", "date: 10/12/2026",
                        "meeting.date", "must be a date like 2026-12-10 (got \"10/12/2026\")"),
                Arguments.of("nobody summoned", "summoned: 40", "summoned: 0",
                        "meeting.summoned", "must be a whole number of at least 1 (got \"0\")"),
                Arguments.of("summoned as a fraction", "summoned: 40", "summoned: 40.5",
                        "meeting.summoned", "must be a whole number of at least 1 (got \"40.5\")"),
                Arguments.of("a blank title", "  title: Hội nghị lấy phiếu tín nhiệm đối với lãnh đạo Sở Xây dựng năm 2026", "  title: \"  \"",
                        "meeting.title", "must be a non-empty text"),
                Arguments.of("two polls with one id", "id: bieu-quyet-quy-che", "id: tin-nhiem",
                        "polls[1].id", "\"tin-nhiem\" is used by another poll"),
                Arguments.of("an unknown kind of poll", "kind: motion", "kind: referendum",
                        "polls[1].kind", "must be confidence, confidence_vote, motion, election or open_motion (got \"referendum\")"),
                Arguments.of("a pass rule in words", "passes_with: more than 1/2", "passes_with: a simple majority",
                        "polls[1].passes_with", "write it as \"more than 1/2\", \"more than 2/3\" or \"2/3 or more\" (got \"a simple majority\")"),
                Arguments.of("a pass rule above one", "passes_with: more than 1/2", "passes_with: more than 3/2",
                        "polls[1].passes_with", "the fraction must be between 0 and 1 (got \"more than 3/2\")"),
                Arguments.of("an unknown percentage base", "    base: received\n    subjects:", "    base: present\n    subjects:",
                        "polls[0].base", "must be received, issued or summoned (got \"present\")"),
                Arguments.of("a confidence vote without subjects", "    subjects:\n      - name: Lê Hoàng Cường\n        position: Phó Giám đốc Sở\n\n",
                        "    subjects: []\n\n", "polls[2].subjects", "must list the people rated, each with name and position"),
                Arguments.of("a short admin passphrase", "polls:\n", "station:\n  admin_passphrase: short\npolls:\n",
                        "station.admin_passphrase", "must be at least 12 characters"),
                Arguments.of("a base URL with a path", "polls:\n", "station:\n  base_url: http://192.168.1.10:7070/vote\npolls:\n",
                        "station.base_url", "must look like http://192.168.1.10:7070 (no path)"),
                Arguments.of("a committee that is not a list", "committee:\n  - name: Phạm Thị Hoa\n    role: Trưởng ban kiểm phiếu\n  - name: Đỗ Minh Khang\n"
                        + "    role: Thành viên\n  - name: Vũ Ngọc Lan\n    role: Thành viên\n", "committee: Phạm Thị Hoa\n",
                        "committee", "must be a list of {name, role}"),
                // a key the loader does not know is refused with the nearest one, never dropped with the rule it carried
                Arguments.of("a misspelt pass rule", "    passes_with: more than 1/2\n\n  # Bỏ", "    pass_with: more than 1/2\n\n  # Bỏ",
                        "polls[1].pass_with", "unknown key `pass_with` in poll `bieu-quyet-quy-che` — did you mean `passes_with`?"),
                Arguments.of("abstention for abstentions", "    passes_with: more than 1/2\n\n  # Bỏ",
                        "    passes_with: more than 1/2\n    abstention: not_counted\n\n  # Bỏ",
                        "polls[1].abstention", "unknown key `abstention` in poll `bieu-quyet-quy-che` — did you mean `abstentions`?"),
                Arguments.of("abstentions sideways without a pass rule", "    passes_with: more than 1/2\n\n  # Bỏ", "    abstentions: sideways\n\n  # Bỏ",
                        "polls[1].abstentions", "must be counted or not_counted (got \"sideways\")"),
                Arguments.of("a pass base without a pass rule", "    passes_with: more than 1/2\n\n  # Bỏ", "    pass_base: everyone\n\n  # Bỏ",
                        "polls[1].pass_base", "must be received, valid, present, issued or summoned (got \"everyone\")"),
                Arguments.of("a misspelt motion option", "    passes_with: more than 1/2\n\n  # Bỏ",
                        "    passes_with: more than 1/2\n    options:\n      agre: Tán thành\n\n  # Bỏ",
                        "polls[1].options.agre", "unknown key `agre` in the options of poll `bieu-quyet-quy-che` — did you mean `agree`?"),
                Arguments.of("an election's key on a motion", "    passes_with: more than 1/2\n\n  # Bỏ", "    passes_with: more than 1/2\n    seats: 2\n\n  # Bỏ",
                        "polls[1].seats", "unknown key `seats` in poll `bieu-quyet-quy-che` — the keys allowed here are id, kind, title, base, "
                                + "practice, sealed, motion, options, passes_with, pass_base, abstentions"),
                Arguments.of("a tie broken by age", "    seats: 3\n", "    seats: 3\n    tie: older_candidate\n", "polls[3].tie",
                        "must be next_round or meeting_decides (the station breaks no tie by age, name or chance; got \"older_candidate\")"),
                Arguments.of("a majority of people present", "    seats: 3\n", "    seats: 3\n    majority_of: present\n", "polls[3].majority_of",
                        "must be received or valid (got \"present\")"),
                Arguments.of("a sealed open vote", "    kind: motion\n    title: Biểu quyết thông qua", "    kind: open_motion\n    sealed: true\n    title: Biểu quyết thông qua",
                        "polls[1].sealed", "an open vote (open_motion) shows its counts while it runs, so it is never sealed: use kind: motion for a secret vote"),
                Arguments.of("an open election", "    seats: 3\n", "    seats: 3\n    open: true\n", "polls[3].open",
                        "unknown key `open` in poll `bau-cu-bch-cong-doan` — the keys allowed here are id, kind, title, base, practice, sealed, seats, "
                                + "candidates, round, from_poll, majority_of, tie"),
                Arguments.of("a misspelt candidate name", "      - name: Đặng Thu Hà", "      - nmae: Đặng Thu Hà",
                        "polls[3].candidates[0].nmae", "unknown key `nmae` in candidate 1 of poll `bau-cu-bch-cong-doan` — did you mean `name`?"),
                Arguments.of("a misspelt subject position", "        position: Giám đốc Sở\n", "        postion: Giám đốc Sở\n",
                        "polls[0].subjects[0].postion", "unknown key `postion` in subject 1 of poll `tin-nhiem` — did you mean `position`?"),
                Arguments.of("a misspelt meeting key", "  summoned: 40", "  sumoned: 40",
                        "meeting.sumoned", "unknown key `sumoned` in meeting: — did you mean `summoned`?"),
                Arguments.of("a misspelt section", "seal:\n  threshold: 2", "seals:\n  threshold: 2",
                        "seals", "unknown key `seals` in the file — did you mean `seal`?"),
                Arguments.of("a misspelt threshold", "  threshold: 2", "  treshold: 2",
                        "seal.treshold", "unknown key `treshold` in seal: — did you mean `threshold`?"),
                Arguments.of("a misspelt committee role", "    role: Trưởng ban kiểm phiếu", "    rol: Trưởng ban kiểm phiếu",
                        "committee[0].rol", "unknown key `rol` in committee member 1 — did you mean `role`?"),
                Arguments.of("a misspelt station key", "polls:\n", "station:\n  base_ulr: http://192.168.1.10:7070\npolls:\n",
                        "station.base_ulr", "unknown key `base_ulr` in station: — did you mean `base_url`?"));
    }

    @ParameterizedTest(name = "{0} is refused at {3}")
    @MethodSource("brokenDefinitions")
    void aBrokenDefinitionIsRefusedWithTheFileTheFieldAndTheProblem(String what, String demoText, String replacement,
                                                                   String field, String problem) throws Exception {
        String demo = Files.readString(DEMO.resolve("meeting.yaml"), StandardCharsets.UTF_8);
        assertTrue(demo.contains(demoText), what + ": the demo file no longer contains the text to change");
        Path config = write(demo.replace(demoText, replacement));
        ConfigException refused = assertThrows(ConfigException.class, () -> MeetingLoader.load(config), what);
        assertEquals(config.resolve("meeting.yaml") + ": " + field + ": " + problem, refused.getMessage(), what);
    }

    @Test
    void aMotionWithoutARuleIsGivenTheDefaultAndOneWithOnlyAPassBaseIsGivenItWithThatBase() throws Exception {
        String demo = Files.readString(DEMO.resolve("meeting.yaml"), StandardCharsets.UTF_8);
        String rule = "    passes_with: more than 1/2\n\n  # Bỏ";
        var none = MeetingLoader.load(write(demo.replace(rule, "\n  # Bỏ"))).meeting().poll("bieu-quyet-quy-che").orElseThrow();
        assertTrue(none.majority().isEmpty() && none.usesDefaultRule(), "nothing written in the definition (its hash unchanged)");
        assertEquals(kioskvote.meeting.Majority.DEFAULT, none.motionRule().orElseThrow());
        var valid = MeetingLoader.load(write(demo.replace(rule, "    pass_base: valid\n\n  # Bỏ"))).meeting().poll("bieu-quyet-quy-che").orElseThrow();
        assertEquals("more than 1/2", valid.majority().orElseThrow().rule());
        assertEquals(java.util.Optional.of(kioskvote.meeting.Majority.VoteBase.VALID), valid.majority().orElseThrow().of());
    }

    @Test
    void anElectionNamesItsMajorityBaseAndTieRuleAndTheExportWritesThemBack() throws Exception {
        String demo = Files.readString(DEMO.resolve("meeting.yaml"), StandardCharsets.UTF_8);
        var meeting = MeetingLoader.load(write(demo.replace("    seats: 3\n", "    seats: 3\n    majority_of: valid\n    tie: meeting_decides\n"))).meeting();
        var election = meeting.poll("bau-cu-bch-cong-doan").orElseThrow().election().orElseThrow();
        assertEquals(kioskvote.meeting.Election.MajorityOf.VALID, election.majorityOf());
        assertEquals(kioskvote.meeting.Election.TieRule.MEETING_DECIDES, election.tie());
        var again = MeetingLoader.load(write(MeetingYaml.write(meeting, java.util.Optional.empty(), java.util.Optional.empty()))).meeting();
        assertEquals(meeting.poll("bau-cu-bch-cong-doan"), again.poll("bau-cu-bch-cong-doan"));
    }

    @Test
    void keysAreSuggestedOnlyWhenNearEnoughToBeASlip() {
        assertEquals(java.util.Optional.of("passes_with"), KnownKeys.nearest("pass_with", KnownKeys.poll("motion")));
        assertEquals(java.util.Optional.of("passes_with"), KnownKeys.nearest("passes_wiht", KnownKeys.poll("motion")));
        assertEquals(java.util.Optional.of("abstentions"), KnownKeys.nearest("Abstention", KnownKeys.poll("motion")));
        assertEquals(java.util.Optional.empty(), KnownKeys.nearest("quorum", KnownKeys.poll("motion")));
        assertEquals(2, KnownKeys.distance("pass_with", "passes_with"));
        assertEquals(1, KnownKeys.distance("nmae", "name"), "a swap of two letters is one slip");
    }

    @Test
    void aMissingFileIsRefusedNamingTheFileItLookedFor() {
        ConfigException refused = assertThrows(ConfigException.class, () -> MeetingLoader.load(dir));
        assertEquals(dir.resolve("meeting.yaml") + ": (file): not found; a meeting folder must contain meeting.yaml", refused.getMessage());
    }

    @Test
    void yamlThatDoesNotParseIsRefusedWithItsLine() throws Exception {
        Path config = write("meeting:\n  id: x\n  title: [unclosed\n");
        String message = assertThrows(ConfigException.class, () -> MeetingLoader.load(config)).getMessage();
        assertTrue(message.startsWith(config.resolve("meeting.yaml") + ": (syntax): not valid YAML at line "), message);
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws Exception {
        Path config = write("- just\n- a list\n");
        assertEquals(config.resolve("meeting.yaml") + ": (top): the file must be a YAML mapping with meeting:, polls:",
                assertThrows(ConfigException.class, () -> MeetingLoader.load(config)).getMessage());
    }

    @Test
    void aMissingSectionIsNamed() throws Exception {
        Path config = write("meeting:\n  id: x\n");
        assertEquals(config.resolve("meeting.yaml") + ": meeting.date: is missing",
                assertThrows(ConfigException.class, () -> MeetingLoader.load(config)).getMessage());
    }

    @Test
    void aRosterCsvWithBadRowsIsRefusedListingEachLine() throws Exception {
        Path config = write(Files.readString(DEMO.resolve("meeting.yaml"), StandardCharsets.UTF_8));
        Files.writeString(config.resolve("roster.csv"), "name,unit\nPhạm Thị Hoa,Văn phòng Sở\n,Thanh tra Sở\nPhạm Thị Hoa,Văn phòng Sở\n",
                StandardCharsets.UTF_8);
        String message = assertThrows(ConfigException.class, () -> MeetingLoader.load(config)).getMessage();
        assertTrue(message.startsWith(config.resolve("roster.csv") + ": (rows): fix these rows and start again:"), message);
        assertTrue(message.contains("\n  line 3: ") && message.contains("\n  line 4: "), message);
    }

    @Test
    void aGoodRosterCsvIsLoadedWithTheMeeting() throws Exception {
        Path config = write(Files.readString(DEMO.resolve("meeting.yaml"), StandardCharsets.UTF_8));
        Files.writeString(config.resolve("roster.csv"), "name,unit\nPhạm Thị Hoa,Văn phòng Sở\nĐỗ Minh Khang,Thanh tra Sở\n", StandardCharsets.UTF_8);
        assertEquals(2, MeetingLoader.load(config).roster().orElseThrow().entries().size());
    }

    private Path write(String yaml) throws Exception {
        Path config = Files.createTempDirectory(dir, "meeting-");
        Files.writeString(config.resolve("meeting.yaml"), yaml, StandardCharsets.UTF_8);
        return config;
    }
}
