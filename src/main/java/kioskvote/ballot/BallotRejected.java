package kioskvote.ballot;

/** A request about polls or ballots that the station refuses; nothing was changed. */
public class BallotRejected extends RuntimeException {
    public enum Code {
        UNKNOWN_POLL(404, "Không có cuộc bỏ phiếu này.", "There is no such poll."),
        POLL_NOT_OPEN(409, "Cuộc bỏ phiếu này chưa mở hoặc đã kết thúc.", "This poll is not open for voting."),
        POLL_NOT_DRAFT(409, "Cuộc bỏ phiếu này đã được mở trước đó.", "This poll has already been opened."),
        POLL_ALREADY_CLOSED(409, "Cuộc bỏ phiếu này không đang mở nên không thể kết thúc.", "This poll is not open, so it cannot be closed."),
        RESULTS_NOT_READY(409, "Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu.", "Results are shown only after the poll is closed."),
        AWAITING_COUNT(409, "Đã kết thúc bỏ phiếu; hòm phiếu đang niêm phong. Kết quả có sau khi Ban kiểm phiếu mở hòm phiếu.",
                "The poll is closed and its ballot box is sealed: results come once the counting committee opens it."),
        POLL_NOT_CLOSED(409, "Chỉ mở hòm phiếu sau khi kết thúc bỏ phiếu.", "The ballot box is opened only after the poll is closed."),
        NOT_SEALED(409, "Cuộc bỏ phiếu này không niêm phong hòm phiếu: kết quả có ngay khi kết thúc.",
                "This poll is not sealed: its results are there as soon as it is closed."),
        ALREADY_COUNTED(409, "Hòm phiếu này đã được mở và kiểm phiếu.", "This ballot box has already been opened and counted."),
        BOX_DAMAGED(409, "Có phiếu trong hòm không mở được bằng khóa này; chưa có gì thay đổi. Hãy báo người quản trị máy.",
                "A ballot in the box does not open with this key; nothing was changed. Tell the station's administrator."),
        UNKNOWN_QUESTION(400, "Phiếu có mục không thuộc cuộc bỏ phiếu này.", "The ballot names a question or subject that is not on this poll."),
        UNKNOWN_OPTION(400, "Phiếu có lựa chọn không hợp lệ.", "The ballot names an option that this question does not have."),
        TOO_MANY_MARKS(400, "Mỗi mục chỉ được chọn số lựa chọn cho phép (tín nhiệm: đúng một mức).", "Too many options marked for one question (a confidence rating takes exactly one level)."),
        BAD_RECEIPT(400, "Mã biên nhận không đúng định dạng.", "The receipt secret (or code) is not in the expected form."),
        RECEIPT_TAKEN(409, "Mã biên nhận trùng, vui lòng gửi lại phiếu.", "That receipt code is taken; please send the ballot again with a new one."),
        BAD_BALLOT(400, "Phiếu gửi lên không đọc được.", "The ballot could not be read."),
        BAD_COUNT(400, "Số người có mặt không hợp lệ.", "The number present must be a whole number between 0 and the number summoned."),
        BAD_SLIP_COUNT(400, "Số phiếu cần in phải từ 1 đến 2000.", "The number of slips must be between 1 and 2000."),
        UNKNOWN_SLIP(404, "Không có phiếu mang mã này.", "No slip has that code.");

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

    public BallotRejected(Code code) {
        super(code.en);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
