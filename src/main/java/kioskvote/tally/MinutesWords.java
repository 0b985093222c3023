package kioskvote.tally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

import kioskvote.meeting.Majority;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.text.Language;

/** The words of the printed minutes in one language (docs/rules.md, "The minutes"). Used by minutes.jte. */
public final class MinutesWords {
    private static final Map<String, String> VI = Map.ofEntries(
            Map.entry("title", "BIÊN BẢN KIỂM PHIẾU"),
            Map.entry("organiser", "Cơ quan tổ chức"),
            Map.entry("meeting", "Hội nghị"),
            Map.entry("place", "Địa điểm"),
            Map.entry("dateTime", "Thời gian"),
            Map.entry("poll", "Nội dung bỏ phiếu"),
            Map.entry("openedAt", "Mở bỏ phiếu"),
            Map.entry("closedAt", "Kết thúc bỏ phiếu"),
            Map.entry("committee", "Ban kiểm phiếu"),
            Map.entry("figures", "Số liệu chung"),
            Map.entry("summoned", "Số người được triệu tập"),
            Map.entry("present", "Số người có mặt"),
            Map.entry("handedOut", "Số người đã nhận phiếu"),
            Map.entry("addsUp", "Đối chiếu: số phiếu thu về ≤ số người đã nhận phiếu ≤ số người có mặt ≤ số người được triệu tập"),
            Map.entry("addsUpOk", "khớp"),
            Map.entry("addsUpBad", "KHÔNG KHỚP, Ban kiểm phiếu cần kiểm tra"),
            Map.entry("issued", "Số phiếu phát ra"),
            Map.entry("received", "Số phiếu thu về"),
            Map.entry("voided", "Số phiếu hủy, thay thế"),
            Map.entry("valid", "Số phiếu hợp lệ"),
            Map.entry("invalid", "Số phiếu không hợp lệ"),
            Map.entry("results", "Kết quả kiểm phiếu"),
            Map.entry("subject", "Người được lấy phiếu"),
            Map.entry("position", "Chức vụ"),
            Map.entry("motion", "Nội dung biểu quyết"),
            Map.entry("level", "Mức"),
            Map.entry("option", "Phương án"),
            Map.entry("count", "Số phiếu"),
            Map.entry("flags", "Lưu ý theo quy định"),
            Map.entry("flagsNote", "Các lưu ý chỉ để cấp có thẩm quyền xem xét, không tự động áp dụng."),
            Map.entry("noFlag", "Không có"),
            Map.entry("result", "Kết quả"),
            Map.entry("passed", "THÔNG QUA"),
            Map.entry("notPassed", "KHÔNG THÔNG QUA"),
            Map.entry("evidence", "Dữ liệu kiểm chứng"),
            Map.entry("keyFingerprint", "Dấu vân tay khóa hội nghị"),
            Map.entry("definitionHash", "Mã băm nội dung phiếu (đã khóa)"),
            Map.entry("auditHead", "Mã băm cuối nhật ký"),
            Map.entry("commitment", "Cam kết khi mở bỏ phiếu (số phiếu phát ra)"),
            Map.entry("recordCount", "Số phiếu trong hồ sơ kết quả"),
            Map.entry("recordHead", "Mã băm hồ sơ kết quả"),
            Map.entry("recordCheck", "Kiểm tra hồ sơ"),
            Map.entry("auditLog", "Nhật ký sự kiện"),
            Map.entry("seq", "STT"),
            Map.entry("at", "Thời điểm"),
            Map.entry("event", "Sự kiện"),
            Map.entry("detail", "Chi tiết"),
            Map.entry("hash", "Mã băm"),
            Map.entry("noAudit", "Không có sự kiện."),
            Map.entry("receipts", "Mã biên nhận của các phiếu đã bỏ"),
            Map.entry("noReceipts", "Không có."),
            Map.entry("signatures", "Chữ ký của Ban kiểm phiếu"),
            Map.entry("name", "Họ và tên"),
            Map.entry("role", "Nhiệm vụ"),
            Map.entry("sign", "Ký, ghi rõ họ tên"),
            Map.entry("print", "In biên bản"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "COUNTING MINUTES"),
            Map.entry("organiser", "Organising body"),
            Map.entry("meeting", "Meeting"),
            Map.entry("place", "Place"),
            Map.entry("dateTime", "Date and time"),
            Map.entry("poll", "Poll"),
            Map.entry("openedAt", "Voting opened"),
            Map.entry("closedAt", "Voting closed"),
            Map.entry("committee", "Counting committee"),
            Map.entry("figures", "Figures"),
            Map.entry("summoned", "People summoned"),
            Map.entry("present", "People present"),
            Map.entry("handedOut", "People handed a ballot"),
            Map.entry("addsUp", "Check: ballots received ≤ people handed a ballot ≤ people present ≤ people summoned"),
            Map.entry("addsUpOk", "holds"),
            Map.entry("addsUpBad", "DOES NOT HOLD: the counting committee must check"),
            Map.entry("issued", "Ballots issued"),
            Map.entry("received", "Ballots received"),
            Map.entry("voided", "Slips voided or replaced"),
            Map.entry("valid", "Valid ballots"),
            Map.entry("invalid", "Invalid ballots"),
            Map.entry("results", "Results"),
            Map.entry("subject", "Subject"),
            Map.entry("position", "Position"),
            Map.entry("motion", "Motion"),
            Map.entry("level", "Level"),
            Map.entry("option", "Option"),
            Map.entry("count", "Ballots"),
            Map.entry("flags", "Flags under the regulation"),
            Map.entry("flagsNote", "Flags are for the competent authority to consider; nothing follows automatically."),
            Map.entry("noFlag", "None"),
            Map.entry("result", "Result"),
            Map.entry("passed", "PASSED"),
            Map.entry("notPassed", "NOT PASSED"),
            Map.entry("evidence", "Verification data"),
            Map.entry("keyFingerprint", "Meeting key fingerprint"),
            Map.entry("definitionHash", "Frozen poll definition hash"),
            Map.entry("auditHead", "Audit log head hash"),
            Map.entry("commitment", "Commitment at the open (slips issued)"),
            Map.entry("recordCount", "Ballots in the election record"),
            Map.entry("recordHead", "Election record head"),
            Map.entry("recordCheck", "Check the record"),
            Map.entry("auditLog", "Audit log"),
            Map.entry("seq", "No."),
            Map.entry("at", "Time"),
            Map.entry("event", "Event"),
            Map.entry("detail", "Detail"),
            Map.entry("hash", "Hash"),
            Map.entry("noAudit", "No events."),
            Map.entry("receipts", "Receipt codes of the ballots cast"),
            Map.entry("noReceipts", "None."),
            Map.entry("signatures", "Signatures of the counting committee"),
            Map.entry("name", "Full name"),
            Map.entry("role", "Role"),
            Map.entry("sign", "Signature"),
            Map.entry("print", "Print the minutes"));

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Language language;

    public MinutesWords(Language language) {
        this.language = Objects.requireNonNull(language, "language");
    }

    public Language language() {
        return language;
    }

    /** The word for {@code key}; fails loudly on a missing key rather than printing a blank. */
    public String get(String key) {
        String word = (language == Language.EN ? EN : VI).get(key);
        if (word == null) throw new IllegalArgumentException("no minutes word for " + key);
        return word;
    }

    public String date(LocalDate date) {
        return language == Language.EN ? date.toString() : VI_DATE.format(date);
    }

    public String percent(BigDecimal percent) {
        return Percent.format(percent, language);
    }

    /** Heading of the percentage column: "% of ballots received" and so on. */
    public String percentOf(PercentBase base) {
        if (language == Language.EN) {
            return switch (base) {
                case RECEIVED -> "% of ballots received";
                case ISSUED -> "% of ballots issued";
                case SUMMONED -> "% of people summoned";
            };
        }
        return switch (base) {
            case RECEIVED -> "Tỷ lệ % so với số phiếu thu về";
            case ISSUED -> "Tỷ lệ % so với số phiếu phát ra";
            case SUMMONED -> "Tỷ lệ % so với số người được triệu tập";
        };
    }

    public String questionHeading(PollKind kind) {
        return get(kind == PollKind.CONFIDENCE ? "subject" : "motion");
    }

    public String optionHeading(PollKind kind) {
        return get(kind == PollKind.CONFIDENCE ? "level" : "option");
    }

    /** "Passes with more than 1/2 of ballots received marking “Đồng ý”." */
    public String majorityRule(Majority majority, PercentBase base, String optionLabel) {
        String fraction = majority.numerator() + "/" + majority.denominator();
        if (language == Language.EN) {
            String of = switch (base) {
                case RECEIVED -> "ballots received";
                case ISSUED -> "ballots issued";
                case SUMMONED -> "people summoned";
            };
            return "Passes with more than " + fraction + " of " + of + " marking “" + optionLabel + "”.";
        }
        String of = switch (base) {
            case RECEIVED -> "số phiếu thu về";
            case ISSUED -> "số phiếu phát ra";
            case SUMMONED -> "số người được triệu tập";
        };
        return "Thông qua khi có trên " + fraction + " " + of + " chọn “" + optionLabel + "”.";
    }

    public String result(boolean passed) {
        return get(passed ? "passed" : "notPassed");
    }
}
