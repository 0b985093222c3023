package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.App;
import kioskvote.ProcessTest;
import kioskvote.StationExtension;
import kioskvote.config.MeetingLoader;
import kioskvote.StationCommand;
import kioskvote.store.Database;
import kioskvote.token.MeetingKey;

/**
 * The election record end to end: a vote on the demo meeting (slips issued before the open and one after,
 * a voided slip), the record downloaded, `verify` passing; then each kind of tampering, and `verify`
 * failing at the step that should catch it.
 */
class ElectionRecordTest {
    private static final String POLL = "tin-nhiem";
    private static final Pattern STEP = Pattern.compile("^\\[(\\d+)/(\\d+)\\] .* — (pass|FAIL)$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final StationExtension STATION = StationExtension.inProcess();
    /** The station whose audit log one test edits. */
    @RegisterExtension
    final StationExtension brokenStation = StationExtension.inProcess().startedByTheTest();

    static DemoStation station;
    static Path honest;
    static Path later;
    static List<String> receipts = new ArrayList<>();
    static long count;
    static String head;
    static MeetingKey key;

    @BeforeAll
    static void aVoteIsHeldAndItsRecordDownloaded() {
        station = DemoStation.on(STATION);
        var api = station.api;
        List<String> tokens = api.issueTokens(12);
        assertEquals(200, api.adminPost("/api/admin/slips/void", Map.of("code", shortCode(tokens.get(11)))).status());
        assertEquals(200, api.adminPost("/api/admin/present", Map.of("present", 30)).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        // After the open, a run larger than the demo's printable reserve (64, minted in the background and committed if
        // minted before the open): its last slip is minted by the run itself, not in the commitment, logged in the audit chain.
        List<String> late = api.issueTokens(65);
        for (int i = 0; i < 9; i++) receipts.add(station.cast(POLL, tokens.get(i), DemoStation.ballotOf(i)));
        receipts.add(station.cast(POLL, late.get(late.size() - 1), DemoStation.ballotOf(9)));
        assertEquals(200, api.closeCountAndShow(POLL).status());
        JsonNode minutes = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json();
        count = minutes.path("recordBallots").asLong();
        head = minutes.path("recordHead").asText();
        honest = station.download(POLL, dir.resolve("record-honest.zip"));
        // More happens at the station after the close; a later copy of the same record has a longer audit chain.
        assertEquals(200, api.adminPost("/api/admin/polls/bieu-quyet-quy-che/open", Map.of()).status());
        later = station.download(POLL, dir.resolve("record-later.zip"));
        key = station.key();
    }

    record Run(int exit, String output, Set<Integer> failed, int steps) {
        int firstFailed() {
            return failed.isEmpty() ? 0 : failed.iterator().next();
        }
    }

    static Run verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args);
        String out = bytes.toString(StandardCharsets.UTF_8);
        Set<Integer> failed = new TreeSet<>();
        int steps = 0;
        Matcher m = STEP.matcher(out);
        while (m.find()) {
            steps = Integer.parseInt(m.group(2));
            if (m.group(3).equals("FAIL")) failed.add(Integer.parseInt(m.group(1)));
        }
        return new Run(exit, out, failed, steps);
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    @Test
    void theHonestRecordVerifiesInEightStepsWithTheirCounts() {
        Run run = verify(honest.toString());
        assertEquals(VerifyCommand.VERIFIED, run.exit(), run.output());
        assertEquals(8, run.steps(), run.output());
        assertTrue(run.output().contains("[3/8] ballots: 10 read, 10 well-formed — pass"), run.output());
        assertTrue(run.output().contains("[4/8] receipt codes: 10 codes, in order; one per ballot — pass"), run.output());
        assertTrue(run.output().contains("10 ballots received, 10 tokens spent, 77 slips issued − 1 voided = 76"), run.output());
        // 11 printed slips not voided, the desk's pool and the printable reserve; the slip minted after the open is logged.
        assertTrue(run.output().matches("(?s).*covers (\\d+) slips and the sealed box.s key [0-9A-F]{8}, signed by the meeting key; 10 spent tokens: 9 committed at the open, 1 logged later, 0 outside.*"), run.output());
        assertEquals(10, count);
        // The commitment pins the ballot page the phones ran; verify reports it (kioskvote check-page --expect).
        assertTrue(run.output().contains("ballot page sha256 " + BallotPage.ofThisStation().sha256()), run.output());
    }

    @Test
    void theRecordHoldsNoTimeDeviceOrTokenOfABallot() throws Exception {
        Forger record = new Forger(honest);
        for (String line : record.lines(RecordFiles.BALLOTS)) {
            JsonNode ballot = RecordFiles.JSON.readTree(line);
            List<String> fields = new ArrayList<>();
            ballot.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("s1", "s2", "s3", "s4"), fields, "the answers and nothing else: " + line);
        }
        List<String> lines = record.lines(RecordFiles.BALLOTS);
        assertEquals(lines.stream().sorted().toList(), lines, "sorted by content, not by casting");
        assertEquals(new TreeSet<>(receipts).stream().toList(), record.lines(RecordFiles.RECEIPTS));
        String everything = String.join("\n", record.files.values());
        for (String token : station.api.issueTokens(1)) {
            assertFalse(everything.contains(token));
            assertFalse(everything.contains(kioskvote.token.TestSlips.keyOf(token)));
        }
    }

    @Test
    void aVoterFindsTheirReceiptAndTheRoomsFiguresMatch() {
        Run run = verify(honest.toString(), "--receipt", receipts.get(3), "--count", Long.toString(count), "--head", head.substring(0, 24));
        assertEquals(VerifyCommand.VERIFIED, run.exit(), run.output());
        assertEquals(10, run.steps());
        Run missing = verify(honest.toString(), "--receipt", "0000-0000");
        assertEquals(Set.of(9), missing.failed(), missing.output());
        assertEquals(VerifyCommand.TAMPERED, missing.exit());
    }

    @Test
    void aChangedBallotFailsTheSignatureAndTheRecount() {
        Forger f = new Forger(honest);
        List<String> ballots = f.lines(RecordFiles.BALLOTS);
        String first = ballots.get(0);
        String changed = first.contains("\"s1\":[\"high\"]") ? first.replace("\"s1\":[\"high\"]", "\"s1\":[\"low\"]")
                : first.replaceFirst("\"s1\":\\[[^\\]]*\\]", "\"s1\":[\"high\"]");
        ballots.set(0, changed);
        ballots.sort(null);
        f.setLines(RecordFiles.BALLOTS, ballots);
        f.writeUnsigned(file("changed.zip"));
        Run run = verify(file("changed.zip").toString());
        assertEquals(1, run.firstFailed(), run.output());
        assertTrue(run.failed().contains(7), run.output());
        assertTrue(run.output().contains("ballots.jsonl: expected sha256"), run.output());
        // Re-signed with the meeting key itself: the recount still differs from the published tally.
        f.writeSigned(file("changed-signed.zip"), key);
        Run signed = verify(file("changed-signed.zip").toString());
        assertEquals(7, signed.firstFailed(), signed.output());
        assertTrue(signed.output().contains("tally.json.questions[s1].options["), signed.output());
    }

    @Test
    void anAddedBallotFailsTheCountsAndTheRecountEvenReSigned() {
        Forger f = new Forger(honest);
        addBallot(f, "{\"s1\":[\"low\"],\"s2\":[\"low\"],\"s3\":[\"low\"],\"s4\":[\"low\"]}", "ZZZZ-ZZZZ");
        f.writeSigned(file("added.zip"), key);
        Run run = verify(file("added.zip").toString());
        assertEquals(5, run.firstFailed(), run.output());
        assertTrue(run.failed().containsAll(Set.of(5, 7, 8)), run.output());
        assertTrue(run.output().contains("counts.json received: 10 as published; expected the 11 ballots"), run.output());
        f.writeUnsigned(file("added-unsigned.zip"));
        assertEquals(1, verify(file("added-unsigned.zip").toString()).firstFailed());
    }

    @Test
    void aRemovedBallotFailsTheCountsAndTheRecount() {
        Forger f = new Forger(honest);
        List<String> ballots = f.lines(RecordFiles.BALLOTS);
        ballots.remove(4);
        f.setLines(RecordFiles.BALLOTS, ballots);
        f.writeUnsigned(file("removed.zip"));
        Run run = verify(file("removed.zip").toString());
        assertEquals(1, run.firstFailed(), run.output());
        assertTrue(run.failed().containsAll(Set.of(5, 7, 8)), run.output());
        assertTrue(run.output().contains("spent-tokens.txt: 10 tokens spent; expected one per ballot, 9"), run.output());
    }

    /** The forger holds the meeting key and recomputes everything: only what the room saw at the close catches it. */
    @Test
    void aBallotRemovedAndEverythingRecomputedAndReSignedIsCaughtOnlyByTheAnchors() {
        Forger f = new Forger(honest);
        removeBallot(f, 2);
        List<String> spent = f.lines(RecordFiles.SPENT_TOKENS);
        spent.remove(0);
        f.setLines(RecordFiles.SPENT_TOKENS, spent);
        f.recount();
        f.rewriteChainAndHead(POLL);
        f.writeSigned(file("forged.zip"), key);
        Run alone = verify(file("forged.zip").toString());
        assertEquals(VerifyCommand.VERIFIED, alone.exit(), "without the anchors, a consistent forgery passes:\n" + alone.output());
        Run anchored = verify(file("forged.zip").toString(), "--count", Long.toString(count), "--head", head);
        assertEquals(VerifyCommand.TAMPERED, anchored.exit());
        assertEquals(Set.of(9), anchored.failed(), anchored.output());
        assertTrue(anchored.output().contains("--count: expected 10 ballots, as shown at the close; the record holds 9"), anchored.output());
        assertTrue(anchored.output().contains("--head: expected " + RecordHead.grouped(head)), anchored.output());
        Run earlier = verify(file("forged.zip").toString(), "--earlier", honest.toString());
        assertEquals(Set.of(9), earlier.failed(), earlier.output());
        assertTrue(earlier.output().contains(": in the earlier copy, removed since"), earlier.output());
    }

    /** Without the meeting key: a fresh key, the commitment's key line and the audit chain rewritten to match. */
    @Test
    void aRecordForgedWithAFreshKeyFailsWithTheMeetingKeyAndIsFlaggedWithoutAnyAnchor() {
        MeetingKey fresh = MeetingKey.generate(new SecureRandom());
        Forger f = new Forger(honest);
        removeBallot(f, 1);
        List<String> spent = f.lines(RecordFiles.SPENT_TOKENS);
        spent.remove(0);
        f.setLines(RecordFiles.SPENT_TOKENS, spent);
        f.rekeyCommitment(fresh);
        f.recount();
        f.rewriteChainAndHead(POLL);
        f.writeSigned(file("keyless.zip"), fresh);
        Run alone = verify(file("keyless.zip").toString());
        assertEquals(VerifyCommand.VERIFIED, alone.exit(), "consistent, so every step passes:\n" + alone.output());
        assertTrue(alone.output().contains("Note: this proves the record is consistent, not whose it is")
                && alone.output().contains("Add --key FINGERPRINT"), alone.output());
        Run keyed = verify(file("keyless.zip").toString(), "--key", key.fingerprint());
        assertEquals(VerifyCommand.TAMPERED, keyed.exit(), keyed.output());
        assertEquals(Set.of(9), keyed.failed(), keyed.output());
        assertTrue(keyed.output().contains("--key: expected the record signed by the meeting key " + key.fingerprint()), keyed.output());
        Run honestKeyed = verify(honest.toString(), "--key", key.fingerprint().substring(0, 19));
        assertEquals(VerifyCommand.VERIFIED, honestKeyed.exit(), honestKeyed.output());
        assertFalse(honestKeyed.output().contains("Note: this proves"), honestKeyed.output());
    }

    @Test
    void aBoxKeySwappedInTheStationsDataFailsTheCommitmentStepThoughTheStationSignsTheRecord() {
        // An administrator swaps the box key in the database (poll_state and the stored commitment, the audit chain
        // re-hashed); the station signs whatever its database holds when the record is downloaded. Only the meeting key's
        // signature of the real box key, committed at the open, tells.
        String attackers;
        try (var pair = kioskvote.seal.BoxKeyPair.generate(new SecureRandom())) {
            attackers = pair.publicKey().hex();
        }
        Forger f = new Forger(honest);
        f.swapBoxKey(Optional.of(attackers), f.boxSignature());
        f.rewriteChainAndHead(POLL);
        f.writeSigned(file("box-swapped.zip"), key);
        Run run = verify(file("box-swapped.zip").toString());
        assertEquals(VerifyCommand.TAMPERED, run.exit(), run.output());
        assertEquals(Set.of(6), run.failed(), "only the commitment step: everything else was recomputed\n" + run.output());
        assertTrue(run.output().contains("[6/8] commitment: ") && run.output().contains("NOT signed by the meeting key"), run.output());
        assertTrue(run.output().contains("commitment.txt line 7: the box key " + kioskvote.seal.BallotBoxKey.fromHex(attackers).fingerprintText()
                + " (line 6) is not the one the meeting key signed at the open (the signature does not verify): the ballot box's key was swapped"),
                run.output());

        // The box key and its signature dropped, as if the poll had never been sealed: poll.json says it is.
        Forger unsealed = new Forger(honest);
        unsealed.swapBoxKey(Optional.empty(), Optional.empty());
        unsealed.rewriteChainAndHead(POLL);
        unsealed.writeSigned(file("box-dropped.zip"), key);
        Run dropped = verify(file("box-dropped.zip").toString());
        assertEquals(Set.of(6), dropped.failed(), dropped.output());
        assertTrue(dropped.output().contains("commitment.txt line 6: no box key, but poll.json says the poll is sealed"), dropped.output());
    }

    @Test
    void theManifestsBallotCountAndFingerprintAreChecked() throws Exception {
        Forger f = new Forger(honest);
        String manifest = f.files.get(RecordFiles.MANIFEST);
        f.files.put(RecordFiles.MANIFEST, manifest.replaceFirst("\"ballots\":\\d+", "\"ballots\":99")
                .replaceFirst("\"keyFingerprint\":\"[^\"]+\"", "\"keyFingerprint\":\"0000 0000\""));
        byte[] bytes = f.files.get(RecordFiles.MANIFEST).getBytes(StandardCharsets.UTF_8);
        f.files.put(RecordFiles.SIGNATURE, java.util.HexFormat.of().formatHex(key.sign(bytes)) + "\n");
        f.writeUnsigned(file("manifest-fields.zip"));
        Run run = verify(file("manifest-fields.zip").toString());
        assertEquals(Set.of(1, 5), run.failed(), run.output());
        assertTrue(run.output().contains("manifest.json keyFingerprint: \"0000 0000\""), run.output());
        assertTrue(run.output().contains("manifest.json ballots: 99; expected the 10 ballots"), run.output());
    }

    @Test
    void aChangedTallyFigureFailsTheRecount() {
        Forger f = new Forger(honest);
        String tally = f.files.get(RecordFiles.TALLY);
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(tally);
        assertTrue(m.find());
        f.files.put(RecordFiles.TALLY, tally.substring(0, m.start()) + "\"count\":" + (Long.parseLong(m.group(1)) + 1) + tally.substring(m.end()));
        f.writeUnsigned(file("tally.zip"));
        Run run = verify(file("tally.zip").toString());
        assertEquals(1, run.firstFailed(), run.output());
        assertTrue(run.failed().contains(7), run.output());
        f.writeSigned(file("tally-signed.zip"), key);
        Run signed = verify(file("tally-signed.zip").toString());
        assertEquals(7, signed.firstFailed(), signed.output());
        assertTrue(signed.output().contains("tally.json.questions[s1].options[") && signed.output().contains(".count: published"), signed.output());
    }

    @Test
    void anEditedAuditLineBreaksTheChainAtThatLine() {
        Forger f = new Forger(honest);
        List<String> audit = f.lines(RecordFiles.AUDIT);
        audit.set(2, audit.get(2).replace("\"detail\":\"", "\"detail\":\"edited "));
        f.setLines(RecordFiles.AUDIT, audit);
        f.writeUnsigned(file("audit.zip"));
        Run run = verify(file("audit.zip").toString());
        assertEquals(Set.of(1, 8), run.failed(), run.output());
        assertTrue(run.output().contains("audit.jsonl line 3 (entry 3,"), run.output());
        f.writeSigned(file("audit-signed.zip"), key);
        assertEquals(Set.of(8), verify(file("audit-signed.zip").toString()).failed());
    }

    @Test
    void aManifestReSignedWithAnotherKeyFailsTheSignatureStep() {
        Forger f = new Forger(honest);
        f.writeSigned(file("other-key.zip"), MeetingKey.generate(new SecureRandom()));
        Run run = verify(file("other-key.zip").toString());
        assertEquals(Set.of(1), run.failed(), run.output());
        assertTrue(run.output().contains("expected the meeting key committed at the open"), run.output());
    }

    @Test
    void aTokenOutsideTheCommitmentIsCaughtEvenWhenEverythingElseIsRecomputed() {
        Forger f = new Forger(honest);
        addBallot(f, "{\"s1\":[\"low\"],\"s2\":[\"low\"],\"s3\":[\"low\"],\"s4\":[\"low\"]}", "ZZZZ-ZZZZ");
        List<String> spent = f.lines(RecordFiles.SPENT_TOKENS);
        spent.add("f".repeat(64)); // a slip nobody committed to
        f.setLines(RecordFiles.SPENT_TOKENS, spent);
        f.recount();
        f.rewriteChainAndHead(POLL);
        f.writeSigned(file("outside.zip"), key);
        Run run = verify(file("outside.zip").toString());
        assertEquals(Set.of(6), run.failed(), run.output());
        assertTrue(run.output().contains("spent-tokens.txt line 11: token ffffffffffffffff… voted, but is neither in the commitment"), run.output());
    }

    @Test
    void aDroppedFileIsNamed() {
        Forger f = new Forger(honest);
        f.files.remove(RecordFiles.TALLY);
        f.writeUnsigned(file("dropped.zip"));
        Run run = verify(file("dropped.zip").toString());
        assertEquals(1, run.firstFailed(), run.output());
        assertTrue(run.output().contains("tally.json: listed in the manifest"), run.output());
        assertTrue(run.failed().containsAll(Set.of(1, 7, 8)), run.output());
    }

    @Test
    void aLaterCopyKeepsEverythingOfAnEarlierOne() {
        Run run = verify(later.toString(), "--earlier", honest.toString());
        assertEquals(VerifyCommand.VERIFIED, run.exit(), run.output());
        assertTrue(run.output().matches("(?s).*earlier copy record-honest.zip: 9 files unchanged; audit chain: \\d+ earlier entries kept, [1-9]\\d* added since.*"),
                run.output());
    }

    @Test
    void everyFailureIsListedUpToACap() {
        Forger f = new Forger(honest);
        List<String> ballots = f.lines(RecordFiles.BALLOTS);
        for (int i = 0; i < ballots.size(); i++) ballots.set(i, ballots.get(i).replace("\"s1\":", "\"s9\":"));
        f.setLines(RecordFiles.BALLOTS, ballots);
        f.writeSigned(file("many.zip"), key);
        Run run = verify(file("many.zip").toString());
        assertTrue(run.failed().contains(3), run.output());
        assertEquals(10, run.output().lines().filter(l -> l.contains("expected only questions of poll tin-nhiem, found \"s9\"")).count(), run.output());
    }

    @ProcessTest
    @Test
    void theRealCommandExitsWithDistinctCodes() throws Exception {
        assertEquals(0, StationCommand.run("verify", honest.toString()).exitCode());
        Forger f = new Forger(honest);
        f.files.remove(RecordFiles.TALLY);
        f.writeUnsigned(file("dropped-process.zip"));
        assertEquals(1, StationCommand.run("verify", file("dropped-process.zip").toString()).exitCode(), "tampered");
        Files.writeString(file("not-a-zip.zip"), "hello");
        var unreadable = StationCommand.run("verify", file("not-a-zip.zip").toString());
        assertEquals(3, unreadable.exitCode(), unreadable.output());
        assertEquals(2, StationCommand.run("verify", honest.toString(), "--receipt", "not a code").exitCode(), "usage");
    }

    @ProcessTest
    @Test
    void aStationWithAnEditedAuditLogRefusesToStartAndNamesTheEntry() throws Exception {
        Path data = brokenStation.dataDir();
        try (DemoStation broken = DemoStation.on(brokenStation)) {
            broken.api.issueTokens(3);
        }
        Jdbi jdbi = Database.open(Database.h2Url(data));
        jdbi.useHandle(h -> h.execute("UPDATE audit_event SET detail = 'batch=x count=300' WHERE event = 'slips-issued'"));
        try {
            jdbi.useHandle(h -> h.execute("SHUTDOWN"));
        } catch (RuntimeException closed) {
            // H2 closes the connection under the statement: the shutdown happened
        }
        var process = StationCommand.run("serve", "--config", DemoStation.DEMO.toString(), "--data", data.toString(), "--port", "0");
        assertEquals(2, process.exitCode(), process.output());
        assertTrue(process.output().lines().anyMatch(l -> l.startsWith("kioskvote: the audit log is broken at entry")), process.output());
        var settings = new App.Settings(MeetingLoader.load(DemoStation.DEMO), data, data, Database.h2Url(data), "http://127.0.0.1:7070");
        var refused = assertThrows(App.StartupRefused.class,
                () -> App.open(settings, Clock.systemDefaultZone(), new SecureRandom(), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(refused.getMessage().matches("the audit log is broken at entry \\d+ \\(slips-issued\\): .*"), refused.getMessage());
    }

    /** Adds a ballot and its receipt code where they sort, as a forger would. */
    static void addBallot(Forger f, String answers, String code) {
        List<String> ballots = f.lines(RecordFiles.BALLOTS);
        ballots.add(RecordFiles.ballotLine(answers));
        ballots.sort(null);
        f.setLines(RecordFiles.BALLOTS, ballots);
        List<String> codes = f.lines(RecordFiles.RECEIPTS);
        codes.add(code);
        codes.sort(null);
        f.setLines(RecordFiles.RECEIPTS, codes);
    }

    /** Removes the i-th ballot and the i-th receipt code (they are not the same voter's: nothing links them). */
    static void removeBallot(Forger f, int i) {
        List<String> ballots = f.lines(RecordFiles.BALLOTS);
        ballots.remove(i);
        f.setLines(RecordFiles.BALLOTS, ballots);
        List<String> codes = f.lines(RecordFiles.RECEIPTS);
        codes.remove(i);
        f.setLines(RecordFiles.RECEIPTS, codes);
    }

    private static String shortCode(String token) {
        return kioskvote.token.Token.decode(token).shortCode();
    }
}
