package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.ProcessTest;
import kioskvote.StationCommand;

/** The command line as an organiser meets it: clear refusals with the file and field, slips, token checks. */
@ProcessTest
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenMeetingDefinitionIsRefusedWithTheFileTheFieldAndNoStackTrace() throws Exception {
        Path config = Files.createDirectories(dir.resolve("broken"));
        String demo = Files.readString(FullConfidenceVoteTest.DEMO.resolve("meeting.yaml"));
        Files.writeString(config.resolve("meeting.yaml"), demo.replace("        position: Phó Giám đốc Sở\n      - name: Lê Hoàng Cường",
                "      - name: Lê Hoàng Cường"));
        var result = StationCommand.run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString(), "--port", "0");
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("meeting.yaml: polls[0].subjects[1].position: is missing"), result.output());
        assertFalse(result.output().contains("\tat "), "no stack trace");
    }

    @Test
    void yamlThatDoesNotParseIsRefusedWithItsLine() throws Exception {
        Path config = Files.createDirectories(dir.resolve("syntax"));
        Files.writeString(config.resolve("meeting.yaml"), "meeting:\n  id: x\n  title: [unclosed\n");
        var result = StationCommand.run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.output().contains("(syntax)") && result.output().contains("line"), result.output());
    }

    @Test
    void slipsAreWrittenOfflineAndTheirTokensVerify() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("slips.html");
        var result = StationCommand.run("slips", "--config", FullConfidenceVoteTest.DEMO.toString(), "--data", data.toString(),
                "--count", "9", "--out", out.toString(), "--base-url", "http://192.168.1.10:7070");
        assertEquals(0, result.exitCode(), result.output());
        String html = Files.readString(out);
        assertEquals(9, html.split("<svg", -1).length - 1);
        var matcher = java.util.regex.Pattern.compile("/V#(\\d{39})").matcher(html);
        assertTrue(matcher.find());
        var check = StationCommand.run("verify-token", "--config", FullConfidenceVoteTest.DEMO.toString(), "--data", data.toString(),
                "HTTP://192.168.1.10:7070/V#" + matcher.group(1));
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("readable: short code"), check.output());
        var forged = StationCommand.run("verify-token", "--config", FullConfidenceVoteTest.DEMO.toString(), "--data", data.toString(), "12345");
        assertEquals(1, forged.exitCode());
        assertTrue(forged.output().contains("refused: malformed"), forged.output());
    }

    @Test
    void everySubCommandHasHelp() throws Exception {
        for (String command : new String[] {"serve", "slips", "verify-token"}) {
            var result = StationCommand.run(command, "--help");
            assertEquals(0, result.exitCode());
            assertTrue(result.output().contains("--config"), command);
        }
    }
}
