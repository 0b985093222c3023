package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;

/**
 * An election's outcome is in its record (tally.json: who is elected, tied, ranked out, the seats left and who a
 * next round holds) and `verify` recomputes it: an outcome changed and everything re-signed with the meeting key
 * fails the recount, named by candidate.
 */
class ElectionOutcomeRecordTest {
    @RegisterExtension
    final StationExtension demoStation = StationExtension.inProcess().startedByTheTest();

    private static final String ELECTION = "bau-cu-bch-cong-doan";

    @TempDir
    Path dir;

    @Test
    void theOutcomeIsInTheRecordAndRecomputed() throws Exception {
        Path record;
        kioskvote.token.MeetingKey key;
        try (DemoStation station = DemoStation.on(demoStation)) {
            var api = station.api;
            List<String> tokens = api.issueTokens(10);
            assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
            assertEquals(200, api.adminPost("/api/admin/polls/" + ELECTION + "/open", Map.of()).status());
            // 10 ballots, 3 seats: c1 10 votes, c2 and c3 6 each, c4 4, c5 4.
            List<List<String>> ballots = new ArrayList<>();
            for (int i = 0; i < 6; i++) ballots.add(List.of("c1", "c2", "c3"));
            for (int i = 0; i < 4; i++) ballots.add(List.of("c1", "c4", "c5"));
            for (int i = 0; i < 10; i++) station.cast(ELECTION, tokens.get(i), Map.of("election", ballots.get(i)));
            assertEquals(200, api.closeCountAndShow(ELECTION).status());
            record = station.download(ELECTION, dir.resolve("election.zip"));
            key = station.key();
        }
        Forger f = new Forger(record);
        JsonNode election = RecordFiles.JSON.readTree(f.files.get(RecordFiles.TALLY)).path("election");
        assertEquals(3, election.path("seats").asInt(), election.toString());
        assertEquals(3, election.path("elected").asInt(), election.toString());
        assertEquals(0, election.path("remainingSeats").asInt());
        assertEquals(false, election.path("tie").asBoolean());
        assertEquals(0, election.path("nextRound").size());
        Map<String, String> outcome = new java.util.TreeMap<>();
        election.path("ranked").forEach(c -> outcome.put(c.path("id").asText(), c.path("outcome").asText()));
        assertEquals(Map.of("c1", "ELECTED", "c2", "ELECTED", "c3", "ELECTED", "c4", "NO_MAJORITY", "c5", "NO_MAJORITY"), outcome);
        assertEquals(VerifyCommand.VERIFIED, run(record).exit(), run(record).output());

        // c4 declared elected instead of c3, the record recomputed and re-signed with the meeting key itself.
        String tally = f.files.get(RecordFiles.TALLY);
        f.files.put(RecordFiles.TALLY, tally.replaceFirst("(\"id\":\"c4\",\"votes\":4,\"percent\":\"[0-9.]+\",\"rank\":\\d+,\"outcome\":)\"NO_MAJORITY\"",
                "$1\"ELECTED\""));
        f.rewriteChainAndHead(ELECTION);
        f.writeSigned(dir.resolve("forged-outcome.zip"), key);
        Run forged = run(dir.resolve("forged-outcome.zip"));
        assertEquals(VerifyCommand.TAMPERED, forged.exit(), forged.output());
        assertTrue(forged.output().contains("tally.json.election.ranked[c4].outcome: published \"ELECTED\", recounted \"NO_MAJORITY\""), forged.output());
        assertTrue(forged.output().contains("[7/8] tally:") && forged.output().contains("— FAIL"), forged.output());
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), record.toString());
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
