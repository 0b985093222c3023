package kioskvote.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RosterCsvTest {
    @Test
    void badRowsAreReportedWithTheLineNumberAPersonSeesInTheFile() {
        var parsed = RosterCsv.parse("\uFEFFname,unit\n,X\nA,B\n\n\"C, D\",E\nF,G,H\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2, 6), parsed.badRows().stream().map(RosterCsv.BadRow::line).toList());
        assertEquals(List.of(3, 5), parsed.entries().stream().map(RosterCsv.Entry::line).toList());
        assertEquals("C, D", parsed.entries().get(1).fullName());
    }

    @Test
    void semicolonSeparatedFilesAndVietnameseHeadersAreRead() {
        var parsed = RosterCsv.parse("Họ và tên;Đơn vị\r\nNguyễn Văn An;Phòng A\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, parsed.entries().size());
        assertEquals("Phòng A", parsed.entries().get(0).unit());
    }

    @Test
    void aFileWithoutNameAndUnitColumnsIsRefused() {
        assertThrows(RosterRejected.class, () -> RosterCsv.parse("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void searchKeysDropDiacriticsAndMapDjToD() {
        assertEquals("nguyen van an", SearchKey.of("  Nguyễn   Văn An "));
        assertEquals("do minh khang", SearchKey.of("Đỗ Minh Khang"));
        assertEquals(List.of("hoang", "thi", "dung"), SearchKey.words("HOÀNG thị Dũng"));
    }
}
