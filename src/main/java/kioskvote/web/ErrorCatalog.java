package kioskvote.web;

import kioskvote.ballot.BallotRejected;
import kioskvote.kiosk.KioskRejected;
import kioskvote.poll.QuorumNotMet;
import kioskvote.roster.RosterRejected;
import kioskvote.token.TokenRejected;

/** Every refusal the station can give, as HTTP status, stable code and vi/en message: the one place they are mapped. */
public final class ErrorCatalog {
    private ErrorCatalog() {
    }

    public static ApiError of(TokenRejected e) {
        return switch (e.reason()) {
            case MALFORMED -> new ApiError(400, "token_malformed",
                    "Mã phiếu không đọc được. Hãy quét lại mã QR hoặc nhập lại mã.",
                    "The ballot code cannot be read. Scan the QR code again or retype the code.");
            case BAD_SIGNATURE -> new ApiError(403, "token_bad_signature",
                    "Phiếu này không do Ban kiểm phiếu phát ra (chữ ký không hợp lệ).",
                    "This slip was not issued by the counting committee (its signature is not valid).");
            case OTHER_MEETING -> new ApiError(403, "token_other_meeting",
                    "Phiếu này thuộc một hội nghị khác.", "This slip belongs to another meeting.");
            case ALREADY_USED -> new ApiError(409, "token_already_used",
                    "Phiếu đã được sử dụng.", "This ballot slip has already been used.");
            case VOIDED -> new ApiError(403, "token_voided",
                    "Phiếu này đã bị huỷ. Hãy liên hệ Ban kiểm phiếu.", "This slip has been voided. Please see the counting committee.");
            case NOT_ISSUED -> new ApiError(403, "token_not_issued",
                    "Phiếu này không có trong danh sách phiếu đã phát.", "This slip is not among the slips issued.");
        };
    }

    public static ApiError of(BallotRejected e) {
        BallotRejected.Code code = e.code();
        return new ApiError(code.status, code.name().toLowerCase(), code.vi, code.en);
    }

    public static ApiError of(RosterRejected e) {
        RosterRejected.Code code = e.code();
        String detail = e.detail().isEmpty() ? "" : " " + e.detail();
        return new ApiError(code.status, code.name().toLowerCase(), code.vi + detail, code.en + detail);
    }

    public static ApiError of(QuorumNotMet e) {
        return new ApiError(409, "quorum_not_met",
                "Số người có mặt (" + e.present() + "/" + e.summoned() + ") chưa đủ 2/3 số người được triệu tập. "
                        + "Xác nhận nếu vẫn muốn mở bỏ phiếu.",
                "Present (" + e.present() + " of " + e.summoned() + ") is below two thirds of those summoned. "
                        + "Confirm to open the poll anyway.");
    }

    public static ApiError of(KioskRejected e) {
        String kiosk = e.kiosk();
        return switch (e.code()) {
            case BAD_KIOSK_NAME -> badKioskName();
            case KIOSK_BUSY -> kioskBusy(kiosk);
            case KIOSK_SESSION_GONE -> kioskSessionGone();
            case KIOSK_NOT_ENROLLED -> kioskNotEnrolled();
            case KIOSK_UNKNOWN -> kioskUnknown(kiosk);
        };
    }

    public static ApiError kioskBusy(String kiosk) {
        return new ApiError(409, "kiosk_busy", "Máy " + kiosk + " đang chờ một cử tri khác. Hãy chọn máy khác hoặc chờ.",
                "Kiosk " + kiosk + " is still waiting for another voter. Choose another kiosk or wait.");
    }

    public static ApiError badKioskName() {
        return new ApiError(400, "bad_kiosk_name", "Tên máy bỏ phiếu chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ phong-1).",
                "A kiosk name is lowercase letters, digits and dashes (for example phong-1).");
    }

    public static ApiError kioskSessionGone() {
        return new ApiError(410, "kiosk_session_gone", "Phiên bỏ phiếu trên máy này đã kết thúc. Hãy bắt đầu lại bằng phiếu của bạn.",
                "This kiosk's ballot session has ended. Please start again with your slip.");
    }

    public static ApiError kioskNotEnrolled() {
        return new ApiError(403, "kiosk_not_enrolled", "Máy tính bảng này chưa được đăng ký làm máy bỏ phiếu. Hãy báo Ban tổ chức.",
                "This tablet is not enrolled as a voting kiosk. Please ask the organiser.");
    }

    public static ApiError kioskUnknown(String kiosk) {
        return new ApiError(409, "kiosk_unknown", "Chưa có máy bỏ phiếu nào được đăng ký với tên " + kiosk + ". Hãy kiểm tra tên, hoặc đăng ký máy trước.",
                "No kiosk is enrolled under the name " + kiosk + ". Check the name, or enrol the tablet first.");
    }

    public static ApiError photoUnreadable() {
        return new ApiError(400, "photo_no_code", "Không đọc được mã QR trong ảnh. Hãy chụp lại gần hơn, đủ sáng, hoặc nhập mã ngắn in trên phiếu.",
                "No QR code could be read in the photo. Take it again, closer and in good light, or type the short code printed on the slip.");
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Cần mật khẩu quản trị đúng.", "The right admin passphrase is needed.");
    }

    public static ApiError crossSite() {
        return new ApiError(403, "cross_site", "Yêu cầu này không đến từ trang quản trị của máy bỏ phiếu.",
                "This request did not come from the station's own admin page.");
    }

    public static ApiError tooManyAttempts(long seconds) {
        return new ApiError(429, "too_many_attempts",
                "Nhập sai mật khẩu quá nhiều lần. Thử lại sau " + seconds + " giây.",
                "Too many wrong passphrases. Try again in " + seconds + " seconds.");
    }

    public static ApiError notFound() {
        return new ApiError(404, "not_found", "Không tìm thấy trang này.", "There is no such page.");
    }

    public static ApiError unavailable() {
        return new ApiError(503, "try_again", "Máy chủ đang bận, phiếu CHƯA được ghi nhận. Vui lòng thử lại.",
                "The station is busy; the ballot was NOT recorded. Please try again.");
    }
}
