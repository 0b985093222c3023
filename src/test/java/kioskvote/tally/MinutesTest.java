package kioskvote.tally;

import static kioskvote.tally.Fixtures.ballot;
import static kioskvote.tally.Fixtures.concat;
import static kioskvote.tally.Fixtures.confidencePoll;
import static kioskvote.tally.Fixtures.minutes;
import static kioskvote.tally.Fixtures.motion;
import static kioskvote.tally.Fixtures.times;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import kioskvote.ballot.Answers;
import kioskvote.meeting.Majority;
import kioskvote.text.Language;

class MinutesTest {
    /** 30 received: director 5 high, 2 medium, 20 low, 3 blank; deputy 26 high, 4 medium. */
    private static PollTally demoTally() {
        List<Answers> ballots = concat(times(5, ballot("director", "high", "deputy", "high")),
                times(2, ballot("director", "medium", "deputy", "high")),
                times(19, ballot("director", "low", "deputy", "high")),
                times(1, ballot("director", "low", "deputy", "medium")),
                times(3, ballot("director", null, "deputy", "medium")));
        return Tally.count(confidencePoll(), ballots, new TallyCounts(40, 35, 32, 30, 2));
    }

    private static List<String[]> parseCsv(byte[] csv) throws IOException {
        byte[] body = Arrays.copyOfRange(csv, 3, csv.length);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(body)) {
            return rows.readAll();
        }
    }

    @Test
    void csvStartsWithAUtf8ByteOrderMarkSoExcelReadsVietnamese() {
        byte[] csv = MinutesCsv.write(minutes(demoTally(), Language.VI));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        assertTrue(new String(csv, StandardCharsets.UTF_8).contains("Tín nhiệm thấp"));
    }

    @Test
    void csvParsesBackWithTheRightCountsAndAScriptCanRecountThePercentages() throws IOException {
        List<String[]> rows = parseCsv(MinutesCsv.write(minutes(demoTally(), Language.VI)));

        Map<String, String> header = new java.util.HashMap<>();
        int tableStart = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0].equals(MinutesCsv.headings(Language.VI).get(0))) { // headings in the language of the minutes
                tableStart = i;
                break;
            }
            header.put(rows.get(i)[0], rows.get(i).length > 1 ? rows.get(i)[1] : "");
        }
        assertEquals("Hội nghị lấy phiếu tín nhiệm", header.get("meeting"));
        assertEquals("40", header.get("summoned"));
        assertEquals("35", header.get("present"));
        assertEquals("32", header.get("issued"));
        assertEquals("30", header.get("received"));
        assertEquals("2", header.get("voided"));
        assertEquals("30", header.get("base"));
        assertEquals("SHA256:ab12cd34ef56", header.get("key_fingerprint"));
        assertEquals("def0123456789abcdef", header.get("definition_hash"));
        assertEquals("aud1e0ffee", header.get("audit_head"));

        assertEquals(MinutesCsv.headings(Language.VI), List.of(rows.get(tableStart)));
        assertEquals("Mã câu hỏi", rows.get(tableStart)[0]);
        List<String[]> table = rows.subList(tableStart + 1, rows.size());
        assertEquals(6, table.size());
        assertArrayEquals(new String[] {"director", "Nguyễn Văn An", "Giám đốc Sở", "30", "27", "3", "low",
                "Tín nhiệm thấp", "20", "66.67", "LOW_TWO_THIRDS_OR_MORE", ""}, table.get(2));

        long base = Long.parseLong(header.get("base"));
        for (String[] row : table) {
            BigDecimal recounted = new BigDecimal(row[8]).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
            assertEquals(recounted.toPlainString(), row[9]);
            assertEquals(Long.parseLong(row[3]), Long.parseLong(row[4]) + Long.parseLong(row[5]));
        }
        long directorValid = table.stream().filter(r -> r[0].equals("director")).mapToLong(r -> Long.parseLong(r[8])).sum();
        assertEquals(27, directorValid);
    }

    @Test
    void csvQuotesCommasAndNeutralisesFormulasInFreeText() throws IOException {
        assertEquals("'=HYPERLINK(\"x\")", MinutesCsv.text("=HYPERLINK(\"x\")"));
        assertEquals("Sở Xây dựng, thành phố", MinutesCsv.text("Sở Xây dựng, thành phố"));
        List<String[]> rows = parseCsv(MinutesCsv.write(minutes(demoTally(), Language.EN)));
        assertTrue(rows.stream().anyMatch(r -> r[0].equals("place") && r[1].equals("Hội trường tầng 3")));
        assertTrue(rows.stream().anyMatch(r -> r.length > 7 && r[7].equals("Low confidence")));
    }

    @Test
    void jsonCarriesPercentsAsStringsTheReceiptCodesAndTheAuditLog() throws IOException {
        String text = new ObjectMapper().writeValueAsString(MinutesJson.of(minutes(demoTally(), Language.VI)));
        var json = new ObjectMapper().readTree(text);
        assertEquals(30L, json.get("base").longValue());
        assertEquals("[\"AB3X\",\"M9PD\",\"ZK7Q\"]", json.get("receiptCodes").toString());
        assertEquals(2, json.get("auditLog").size());

        var director = json.get("questions").get(0);
        assertEquals(3L, director.get("invalid").longValue());
        var low = director.get("options").get(2);
        assertEquals("66.67", low.get("percent").textValue(), "a percentage is a string, never a binary float");
        assertFalse(director.has("passed"));

        assertTrue(text.contains("\"LOW_TWO_THIRDS_OR_MORE\""));
        assertFalse(text.contains("null"));
    }

    @Test
    void theMinutesPageContainsTheFiguresTheFingerprintAndTheCommitteeNames() {
        String html = MinutesPage.render(minutes(demoTally(), Language.VI));

        assertTrue(html.contains("<html lang=\"vi\">"));
        assertTrue(html.contains("BIÊN BẢN KIỂM PHIẾU"));
        assertTrue(html.contains("Sở Xây dựng thành phố"));
        assertTrue(html.contains("Hội trường tầng 3"));
        assertTrue(html.contains("14/03/2025"));
        assertTrue(html.contains("Số người được triệu tập</th><td class=\"num\">40<"));
        assertTrue(html.contains("Số người có mặt</th><td class=\"num\">35<"));
        assertTrue(html.contains("Số phiếu phát ra</th><td class=\"num\">32<"));
        assertTrue(html.contains("Số phiếu thu về</th><td class=\"num\">30<"));
        assertTrue(html.contains("Số phiếu hủy, thay thế</th><td class=\"num\">2<"));
        assertTrue(html.contains("Nguyễn Văn An"));
        assertTrue(html.contains("Giám đốc Sở"));
        assertTrue(html.contains("66,67%"));
        assertTrue(html.contains("86,67%")); // deputy: 26 of 30 high
        assertTrue(html.contains("miễn nhiệm"));
        assertTrue(html.contains("SHA256:ab12cd34ef56"));
        assertTrue(html.contains("def0123456789abcdef"));
        assertTrue(html.contains("aud1e0ffee"));
        assertTrue(html.contains("<td>Kết thúc bỏ phiếu</td>")); // the event's name in the language of the minutes
        assertTrue(html.contains("09 giờ 10, ngày 14/03/2025"));
        assertTrue(html.contains("Lê Văn Cường"));
        assertTrue(html.contains("Trưởng ban"));
        assertTrue(html.contains("Phạm Thị Dung"));
        assertTrue(html.contains("@page { size: A4; margin: 15mm; }"));
    }

    @Test
    void theMinutesPageIsInEnglishWhenAskedAndShowsAMotionResult() {
        PollTally tally = Tally.count(motion(Optional.of(new Majority("agree", 1, 2))),
                concat(times(16, ballot("motion", "agree")), times(14, ballot("motion", "disagree"))),
                new TallyCounts(40, 35, 30, 30, 0));
        String html = MinutesPage.render(minutes(tally, Language.EN));

        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("COUNTING MINUTES"));
        assertTrue(html.contains("PASSED"));
        assertFalse(html.contains("NOT PASSED"));
        assertTrue(html.contains("53.33%"));
        assertTrue(html.contains("2025-03-14"));
    }

    @Test
    void theMinutesPageEscapesTextTypedByTheOrganiser() {
        PollTally tally = demoTally();
        Minutes minutes = new Minutes(Fixtures.meeting(tally.poll()), tally, "<script>alert(1)</script>", "d", "a",
                List.of(), Optional.empty(), Optional.empty(), List.of(), Language.VI);
        String html = MinutesPage.render(minutes);
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }
}
