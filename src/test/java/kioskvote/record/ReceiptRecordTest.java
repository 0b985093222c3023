package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;

/**
 * A receipt proves counting, not content (docs/security.md, "Receipts"): a voter who shows their code to
 * someone, or a boss who demands it, learns from the public record (the zip, the API, the pages) that the
 * ballot was counted, never what it says. Two voters whose secrets give the same 40-bit code are both
 * counted, and the record verifies.
 */
class ReceiptRecordTest {
    private static final String POLL = "tin-nhiem";
    /** Two receipt secrets with the same receipt code (D5RS-WKXE), found by a birthday search over 3 million secrets. */
    private static final String TWIN_A = "XFEB-0000-0000-T89C-7777-7777";
    private static final String TWIN_B = "34K3-2000-0000-43M4-5777-7777";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final StationExtension STATION = StationExtension.inProcess();
    static DemoStation station;
    static Path record;
    static String twinCode;
    static final List<String> codes = new ArrayList<>();
    static final List<Map<String, List<String>>> cast = new ArrayList<>();

    @BeforeAll
    static void aVoteWithTwoVotersSharingAReceiptCode() {
        twinCode = ReceiptCode.codeOf(TWIN_A);
        assertEquals(twinCode, ReceiptCode.codeOf(TWIN_B));
        station = DemoStation.on(STATION);
        var api = station.api;
        List<String> tokens = api.issueTokens(8);
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        for (int i = 0; i < 8; i++) {
            Map<String, List<String>> marks = DemoStation.ballotOf(i);
            String secret = i == 2 ? TWIN_A : i == 5 ? TWIN_B : DemoStation.secret();
            assertEquals(200, api.cast(POLL, tokens.get(i), marks, secret).status(), "ballot " + i);
            codes.add(ReceiptCode.codeOf(secret));
            cast.add(marks);
        }
        assertEquals(200, api.closeCountAndShow(POLL).status());
        record = station.download(POLL, dir.resolve("record.zip"));
    }

    @Test
    void twoBallotsWithTheSameReceiptCodeVerifyAndTheCodeIsListedTwice() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), record.toString(), "--receipt", twinCode);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(VerifyCommand.VERIFIED, exit, out);
        assertTrue(out.contains("[4/9] receipt codes: 8 codes, in order, 1 listed again (two ballots with the same code); one per ballot — pass"), out);
        assertTrue(out.contains("receipt " + twinCode + ": counted in poll " + POLL), out);
        assertEquals(2, new Forger(record).lines(RecordFiles.RECEIPTS).stream().filter(twinCode::equals).count());
    }

    @Test
    void theRecordIsTheSameWhateverCodeWentWithWhateverBallot() throws Exception {
        Forger zip = new Forger(record);
        // ballots.jsonl is the cast answers sorted by their text, receipts.txt the codes sorted: each is a function of
        // its own multiset, so swapping which voter had which code (or which answers) gives the same files.
        List<String> ballots = zip.lines(RecordFiles.BALLOTS);
        assertEquals(ballots.stream().sorted().toList(), ballots);
        List<Map<String, List<String>>> read = new ArrayList<>();
        for (String line : ballots) read.add(marksOf(RecordFiles.JSON.readTree(line)));
        assertEquals(sorted(cast), sorted(read), "the ballots are the answers cast, nothing more");
        assertEquals(codes.stream().sorted().toList(), zip.lines(RecordFiles.RECEIPTS));
        for (var file : zip.files.entrySet()) {
            if (file.getKey().equals(RecordFiles.RECEIPTS)) continue;
            for (String code : codes) assertFalse(file.getValue().contains(code), code + " appears in " + file.getKey());
        }
    }

    @Test
    void theApiAndThePagesSayCountedInThePollNeverTheAnswers() {
        var api = station.api;
        JsonNode anonymous = api.adminGet("/api/polls/" + POLL + "/ballots").json();
        assertEquals(8, anonymous.path("ballots").size());
        String ballotsText = anonymous.toString();
        assertFalse(ballotsText.contains("receipt"), ballotsText);
        for (String code : codes) assertFalse(ballotsText.contains(code), ballotsText);
        Poll poll = MeetingLoader.load(DemoStation.DEMO).meeting().poll(POLL).orElseThrow();
        for (String code : codes) {
            for (String page : List.of(api.get("/receipts?code=" + code).body(), api.get("/receipts?code=" + code + "&lang=en").body(),
                    api.get("/receipt/" + code + "?poll=" + POLL).body())) {
                for (Question q : poll.questions()) {
                    for (Option o : q.options()) {
                        assertFalse(page.contains(o.labelVi()) || page.contains(o.labelEn()), "the receipt page for " + code + " shows " + o.id());
                    }
                }
            }
            String found = api.get("/receipts?code=" + code + "&lang=en").body();
            assertTrue(found.contains("Code " + code + ": the ballot was counted in the poll “" + poll.title() + "”"), found);
        }
    }

    @Test
    void aPracticePollPublishesNoBallotsAndNoReceiptsAfterItsClose() {
        var api = station.api;
        String practice = "bo-phieu-thu";
        List<String> tokens = api.issueTokens(2);
        assertEquals(200, api.adminPost("/api/admin/polls/" + practice + "/open", Map.of()).status());
        String secret = DemoStation.secret();
        assertEquals(200, api.cast(practice, tokens.get(0), Map.of("motion", List.of("agree")), secret).status());
        assertEquals(200, api.closeCountAndShow(practice).status());
        for (String path : List.of("/api/polls/" + practice + "/ballots", "/api/polls/" + practice + "/receipts")) {
            var reply = api.adminGet(path);
            assertEquals(409, reply.status(), path + ": " + reply.body());
            assertEquals("practice_has_no_minutes", reply.errorCode(), path);
        }
        assertEquals(409, api.get("/api/polls/" + practice + "/record").status());
        String page = api.get("/receipts?code=" + ReceiptCode.codeOf(secret) + "&lang=en").body();
        assertTrue(page.contains("data-result=\"not-found\""), "a practice code is in no published poll");
    }

    private static Map<String, List<String>> marksOf(JsonNode answers) {
        Map<String, List<String>> marks = new TreeMap<>();
        answers.fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(m -> ids.add(m.asText()));
            marks.put(e.getKey(), ids);
        });
        return marks;
    }

    private static List<String> sorted(List<Map<String, List<String>>> ballots) {
        return ballots.stream().map(m -> new TreeMap<>(m).toString()).sorted().toList();
    }
}
