package kioskvote.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import kioskvote.StationExtension;

/**
 * docs/demo-record.zip: the record of the demo meeting's confidence vote (40 summoned, 30 present, 32 slips
 * printed, one voided, one printed after the open, 30 ballots), with `verify`'s output beside it in
 * docs/demo-record-verify.txt. Regenerate both with
 * {@code mvn -o -Dtest=DemoRecordTest -Dkioskvote.writeDemoRecord=true test}.
 */
class DemoRecordTest {
    @RegisterExtension
    final StationExtension demoStation = StationExtension.inProcess().startedByTheTest();

    static final Path RECORD = Path.of("docs/demo-record.zip");
    static final Path OUTPUT = Path.of("docs/demo-record-verify.txt");
    static final String RECEIPT_FILE = "docs/demo-record-receipt.txt";

    @Test
    void theDemoRecordInDocsVerifiesAsItsPrintedOutputSays() throws Exception {
        String receipt = Files.readString(Path.of(RECEIPT_FILE)).strip();
        assertEquals(Files.readString(OUTPUT), run(receipt));
    }

    @Test
    @EnabledIfSystemProperty(named = "kioskvote.writeDemoRecord", matches = "true")
    void writesTheDemoRecord() throws Exception {
        String receipt;
        try (DemoStation station = DemoStation.on(demoStation)) {
            var api = station.api;
            List<String> tokens = api.issueTokens(32);
            api.adminPost("/api/admin/slips/void", Map.of("code", kioskvote.token.Token.decode(tokens.get(31)).shortCode()));
            api.adminPost("/api/admin/present", Map.of("present", 30));
            api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
            List<String> late = api.issueTokens(1); // a slip printed after the open: logged, not committed
            receipt = station.cast("tin-nhiem", late.get(0), DemoStation.ballotOf(0));
            for (int i = 1; i < 30; i++) station.cast("tin-nhiem", tokens.get(i), DemoStation.ballotOf(i));
            api.closeCountAndShow("tin-nhiem");
            station.download("tin-nhiem", RECORD);
        }
        Files.writeString(Path.of(RECEIPT_FILE), receipt + "\n");
        Files.writeString(OUTPUT, run(receipt));
    }

    private static String run(String receipt) throws Exception {
        var head = new Forger(RECORD).files.get(RecordFiles.HEAD);
        String headHash = kioskvote.audit.Sha256.hex(head);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String fingerprint = RecordFiles.JSON.readTree(new Forger(RECORD).files.get(RecordFiles.MANIFEST)).path("keyFingerprint").asText();
        String[] args = {RECORD.toString(), "--key", fingerprint.replace(" ", ""), "--receipt", receipt, "--count", "30", "--head", headHash.substring(0, 16)};
        out.println("$ java -jar target/kioskvote.jar verify " + String.join(" ", args));
        int exit = VerifyCommand.run(out, args);
        out.println("(exit code " + exit + ")");
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
