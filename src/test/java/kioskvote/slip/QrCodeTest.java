package kioskvote.slip;

import kioskvote.token.MeetingKey;
import kioskvote.token.Token;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class QrCodeTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theLongestLanSlipUrlFitsVersionSixAtLevelM() {
        assertFitsVersionSix("http://192.168.100.100:65535");
    }

    @Test
    void aTypicalLanSlipUrlFitsVersionSixAtLevelM() {
        assertFitsVersionSix("http://10.0.0.5:7070");
    }

    @Test
    void theWorstCaseTokenOfAllNinesStillFits() {
        // all-digit tokens cost the same whatever the digits, but check the largest anyway
        String url = QrCode.slipUrl("http://192.168.100.100:65535", "3" + "9".repeat(38));
        int version = QrCode.encode(url).version();
        System.out.println("QR version for worst-case digits: " + version);
        assertTrue(version <= 6, "version " + version);
    }

    private void assertFitsVersionSix(String base) {
        int worst = 0;
        for (int i = 0; i < 50; i++) {
            String url = QrCode.slipUrl(base, Token.random(random).encoded());
            worst = Math.max(worst, QrCode.encode(url).version());
        }
        System.out.println("QR version for " + base + ": " + worst
                + " (URL length " + QrCode.slipUrl(base, "0".repeat(39)).length() + ")");
        assertTrue(worst <= 6, "version " + worst + " for " + base);
    }

    @Test
    void theModulesDecodeBackToTheSlipUrl() throws Exception {
        String url = QrCode.slipUrl("http://192.168.100.100:65535", Token.random(random).encoded());
        QrCode qr = QrCode.encode(url);
        com.google.zxing.common.BitMatrix modules = new com.google.zxing.common.BitMatrix(qr.size());
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                if (qr.isDark(x, y)) modules.set(x, y);
            }
        }
        assertEquals(url, new com.google.zxing.qrcode.decoder.Decoder().decode(modules).getText());
    }

    @Test
    void slipUrlsAreUppercaseWithoutADoubleSlash() {
        assertEquals("HTTP://10.0.0.5:7070/V#0123", QrCode.slipUrl("http://10.0.0.5:7070/", "0123"));
        assertEquals("HTTP://10.0.0.5:7070/V#0123", QrCode.slipUrl("http://10.0.0.5:7070", "0123"));
    }

    @Test
    void theSvgHasAViewBoxWithTheQuietZoneOnePathAndAnEscapedLabel() {
        QrCode qr = QrCode.encode(QrCode.slipUrl("http://10.0.0.5:7070", Token.random(random).encoded()));
        int side = qr.size() + 8;
        assertEquals(17 + 4 * qr.version(), qr.size());
        String svg = qr.toSvg("A \"quoted\" <label> & more");
        assertTrue(svg.startsWith("<svg "), svg);
        assertTrue(svg.contains("viewBox=\"0 0 " + side + " " + side + "\""));
        assertTrue(svg.contains("shape-rendering=\"crispEdges\""));
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("aria-label=\"A &quot;quoted&quot; &lt;label&gt; &amp; more\""));
        assertEquals(1, svg.split("<path", -1).length - 1);
        // the top-left finder pattern starts right after the quiet zone
        assertTrue(svg.contains("d=\"M4 4.5h7"), svg.substring(0, 300));
        assertTrue(qr.toSvg().contains("aria-label=\""));
        assertEquals(modulesOf(qr), modulesDrawnBy(svg), "the path draws exactly the dark modules");
    }

    static java.util.Set<String> modulesOf(QrCode qr) {
        java.util.Set<String> dark = new java.util.HashSet<>();
        for (int y = 0; y < qr.size(); y++) for (int x = 0; x < qr.size(); x++) if (qr.isDark(x, y)) dark.add(x + "," + y);
        return dark;
    }

    /** Reads the stroked path back: M x y.5 starts a row, m dx 0 moves along it, h n draws n modules. */
    static java.util.Set<String> modulesDrawnBy(String svg) {
        String d = svg.replaceAll("(?s).*<path stroke=\"#000\" d=\"([^\"]*)\".*", "$1");
        java.util.Set<String> dark = new java.util.HashSet<>();
        var m = java.util.regex.Pattern.compile("([Mmh])([-0-9.]+)(?: ([-0-9.]+))?").matcher(d);
        double x = 0;
        double y = 0;
        while (m.find()) {
            double a = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "M" -> { x = a; y = Double.parseDouble(m.group(3)); }
                case "m" -> x += a;
                default -> {
                    for (int i = 0; i < a; i++) dark.add((int) (x + i - QrCode.QUIET_ZONE) + "," + (int) (y - 0.5 - QrCode.QUIET_ZONE));
                    x += a;
                }
            }
        }
        return dark;
    }

    @Test
    void theTerminalRenderingPacksTwoRowsPerLineInsideAQuietZone() {
        QrCode qr = QrCode.encode("HTTP://10.0.0.5:7070/V/123");
        String[] lines = qr.toTerminal().split("\n");
        int side = qr.size() + 8;
        assertEquals((side + 1) / 2, lines.length);
        for (String line : lines) {
            String cells = line.replaceAll("\u001b\\[[0-9;]*m", "");
            assertEquals(side, cells.length());
            assertTrue(cells.chars().allMatch(c -> " ▀▄█".indexOf(c) >= 0), cells);
        }
        String firstLine = lines[0].replaceAll("\u001b\\[[0-9;]*m", "");
        assertEquals(" ".repeat(side), firstLine);
        String finderTop = lines[2].replaceAll("\u001b\\[[0-9;]*m", ""); // rows 4 and 5
        assertEquals("    " + "█▀▀▀▀▀█", finderTop.substring(0, 11));
        System.out.println(qr.toTerminal());
    }

    @Test
    void toStringDoesNotRevealTheEncodedText() {
        String url = QrCode.slipUrl("http://10.0.0.5:7070", Token.random(random).encoded());
        QrCode qr = QrCode.encode(url);
        assertFalse(qr.toString().contains("7070"));
        assertFalse(new Slip(url, "ABCDE-12345", qr).toString().contains("ABCDE"));
        assertFalse(Arrays.toString(new Object[] {qr}).contains(url));
    }
}
