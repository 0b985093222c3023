package kioskvote.roster;

/** A roster or desk request the station refuses; nothing was changed. */
public class RosterRejected extends RuntimeException {
    public enum Code {
        UNKNOWN_PERSON(404, "Không có người này trong danh sách triệu tập.", "This person is not on the roster."),
        ALREADY_HANDED_OUT(409, "Người này đã nhận phiếu; phiếu dùng được cho mọi cuộc bỏ phiếu của hội nghị (cả ở máy bỏ phiếu, "
                + "bằng cách quét hoặc gõ mã ngắn). Mỗi người chỉ nhận một phiếu; nếu phiếu bị mất, hãy huỷ phiếu cũ rồi phát phiếu thay thế.",
                "This person has already received a ballot, and it works in every poll of the meeting (at a kiosk too, scanned "
                        + "or by its short code). One ballot per person: if it was lost, void it and hand out a replacement."),
        NOT_HANDED_OUT(409, "Người này chưa nhận phiếu, nên không có phiếu để thay.",
                "This person has not received a ballot, so there is nothing to replace."),
        SLIP_ALREADY_CAST(409, "Phiếu in mới này đã được dùng để bỏ phiếu, nên không thể dùng làm phiếu thay thế.",
                "The new printed slip has already been cast, so it cannot be the replacement."),
        SLIP_ALREADY_VOID(409, "Phiếu mang mã này đã bị huỷ.", "The slip with this code has already been voided."),
        NEW_SLIP_CODE_MISSING(400, "Phiếu thay thế là phiếu in: hãy nhập mã ngắn của phiếu in mới (newCode).",
                "A printed replacement: type the short code of the new printed slip (newCode)."),
        KIOSK_VOTER_HAS_NO_SLIP(409, "Người này bỏ phiếu tại máy bỏ phiếu và không giữ phiếu nào để thay: hãy gửi phiếu tới máy bỏ phiếu.",
                "This person votes at a kiosk and holds no slip to replace: send them a ballot to the kiosk."),
        KIOSK_BALLOT_ALREADY_SENT(409, "Người này đã được gửi phiếu tới máy bỏ phiếu trong cuộc bỏ phiếu này.",
                "This person has already been sent a kiosk ballot in this poll."),
        HAS_BALLOT(409, "Người này đã nhận phiếu, nên không thể bỏ đánh dấu có mặt.",
                "This person has received a ballot, so they cannot be marked absent."),
        POLL_CLOSED(409, "Cuộc bỏ phiếu này (hoặc mọi cuộc bỏ phiếu của hội nghị) đã kết thúc; không phát thêm phiếu.",
                "This poll (or every poll of the meeting) is closed; no more ballots are handed out."),
        PRESENCE_FROM_ROSTER(409, "Số người có mặt được tính theo danh sách điểm danh; hãy đánh dấu từng người tại bàn điểm danh.",
                "The number present comes from the roster: mark people present at the check-in desk."),
        BAD_KIND(400, "Cách phát phiếu phải là SLIP, QR hoặc KIOSK (phiếu thay thế: SLIP hoặc QR).",
                "The kind of ballot must be SLIP, QR or KIOSK (a replacement: SLIP or QR)."),
        BAD_CSV(400, "Tệp danh sách không đọc được.", "The roster file cannot be read.");

        public final int status;
        public final String vi;
        public final String en;

        Code(int status, String vi, String en) {
            this.status = status;
            this.vi = vi;
            this.en = en;
        }
    }

    private final Code code;
    private final String detail;

    public RosterRejected(Code code) {
        this(code, "");
    }

    /** @param detail what exactly was wrong (a CSV problem), shown after the message */
    public RosterRejected(Code code, String detail) {
        super(code.en + (detail.isEmpty() ? "" : " " + detail));
        this.code = code;
        this.detail = detail;
    }

    public Code code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
