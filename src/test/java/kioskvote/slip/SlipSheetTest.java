package kioskvote.slip;

import kioskvote.token.MeetingKey;
import kioskvote.token.ShortCode;
import kioskvote.token.Token;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class SlipSheetTest {
    private final SecureRandom random = new SecureRandom();
    private final MeetingKey key = MeetingKey.generate(random);
    private final SlipHeader header = new SlipHeader("Hội nghị lấy phiếu tín nhiệm <Sở Xây dựng> 2025",
            "Lấy phiếu tín nhiệm Ban Giám đốc", "Lô 1", key.fingerprint());

    @Test
    void sixteenSlipsMakeTwoPagesOfEightWithEveryQrAndShortCode() throws Exception {
        List<Slip> slips = slips(16);
        String html = SlipSheet.render(header, slips);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "slips-sample.html"), html);

        assertEquals(16, count(html, "<svg "));
        assertEquals(16, count(html, "class=\"slip\""));
        assertEquals(2, count(html, "<section class=\"page\">"));
        assertTrue(html.contains(".page:last-of-type { break-after: auto"));
        assertTrue(html.contains("@page { size: A4; margin: 10mm }"));
        for (Slip slip : slips) {
            assertEquals(1, count(html, slip.shortCode()), slip.shortCode());
            assertEquals(1, count(html, slip.url()));
        }
        for (String page : html.split("<section class=\"page\">", -1)) {
            assertTrue(count(page, "class=\"slip\"") <= 8);
        }
    }

    @Test
    void theSheetIsVietnameseFirstWithEnglishAndAScreenOnlyPrintButton() {
        String html = SlipSheet.render(header, slips(3));
        assertTrue(html.contains("<html lang=\"vi\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("PHIẾU BẦU ĐIỆN TỬ"));
        assertTrue(html.contains("Electronic ballot slip"));
        assertTrue(html.contains("Quét mã QR bằng điện thoại để bỏ phiếu"));
        assertTrue(html.contains("Scan the QR code with your phone to vote"));
        assertTrue(html.contains("hoặc nhập mã tại máy bỏ phiếu"));
        assertTrue(html.contains("or type the code at the voting kiosk"));
        assertTrue(html.contains("onclick=\"window.print()\""));
        assertTrue(html.contains("@media print { .print, .sheet-title { display: none } }"));
        assertTrue(html.contains(key.fingerprint()));
        assertEquals(1, count(html, "<section class=\"page\">"));
        assertEquals(0, count(html, "class=\"wifi\""), "no Wi-Fi code without station.wifi");
    }

    @Test
    void withTheRoomsWifiEverySlipCarriesItsQrCode() {
        var withWifi = new SlipHeader(header.meetingTitle(), header.pollNote(), header.batchLabel(), header.fingerprint(),
                java.util.Optional.of(new kioskvote.meeting.WifiNetwork("PhongHop-A", "hop2026an")));
        String html = SlipSheet.render(withWifi, slips(3));
        assertEquals(3, count(html, "<div class=\"wifi\">"));
        assertEquals(1, count(html, "<section class=\"page with-wifi\">"));
        assertTrue(html.contains("PhongHop-A") && html.contains("hop2026an"));
        assertTrue(html.contains("Mã QR Wi-Fi / Wi-Fi QR code"));
    }

    @Test
    void seventeenSlipsSpillOntoAThirdPage() {
        assertEquals(3, count(SlipSheet.render(header, slips(17)), "<section class=\"page\">"));
    }

    @Test
    void theMeetingTitleIsEscaped() {
        String html = SlipSheet.render(header, slips(1));
        assertTrue(html.contains("&lt;Sở Xây dựng&gt;"));
        assertFalse(html.contains("<Sở Xây dựng>"));
    }

    private List<Slip> slips(int n) {
        List<Slip> slips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Token token = Token.random(random);
            String url = QrCode.slipUrl("http://192.168.1.10:7070", token.encoded());
            slips.add(new Slip(url, token.shortCode(), QrCode.encode(url)));
        }
        return slips;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
