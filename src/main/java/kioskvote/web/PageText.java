package kioskvote.web;

import java.util.Map;
import java.util.Objects;

import io.javalin.http.Context;

import kioskvote.meeting.Meeting;
import kioskvote.poll.PollStatus;
import kioskvote.text.Language;

/**
 * The words of the station's pages (phone ballot, chair screen, admin) in Vietnamese and English:
 * the one place they live. The language is chosen by {@code ?lang=en|vi} (kept in a cookie) and
 * only ever changes the words shown, never what a ballot stores (option ids).
 */
public final class PageText {
    static final String COOKIE = "kv_lang";

    private static final Map<String, String> VI = Map.ofEntries(
            Map.entry("switchTo", "English"),
            Map.entry("ballot.intro", "Chọn một mức cho mỗi người. Phiếu kín: không ai biết bạn đã chọn gì."),
            Map.entry("ballot.review", "Xem lại phiếu"),
            Map.entry("ballot.position", "Chức vụ"),
            Map.entry("review.title", "Xem lại trước khi bỏ phiếu"),
            Map.entry("review.intro", "Kiểm tra các lựa chọn của bạn. Sau khi bấm \u201cBỏ phiếu\u201d, phiếu không thể sửa."),
            Map.entry("review.blank", "Chưa đánh giá"),
            Map.entry("review.blankWarning", "Bạn chưa đánh giá {0}: phiếu của bạn sẽ không hợp lệ đối với người này."),
            Map.entry("review.blankMotion", "Bạn chưa chọn: phiếu của bạn sẽ không hợp lệ đối với nội dung này."),
            Map.entry("review.blankCount", "Còn {0} mục chưa đánh giá."),
            Map.entry("review.change", "Sửa lại lựa chọn"),
            Map.entry("review.cast", "Bỏ phiếu"),
            Map.entry("receipt.title", "Đã bỏ phiếu"),
            Map.entry("receipt.thanks", "Phiếu của bạn đã được ghi nhận. Cảm ơn bạn."),
            Map.entry("receipt.code", "Mã biên nhận"),
            Map.entry("receipt.keep", "Hãy ghi lại mã này. Sau khi kết thúc bỏ phiếu, Ban kiểm phiếu công bố danh sách mã biên nhận "
                    + "để bạn kiểm tra phiếu của mình đã được đếm. Mã này không cho biết bạn đã chọn gì."),
            Map.entry("receipt.nothingKept", "Điện thoại này không lưu lại lựa chọn của bạn. Bạn có thể đóng trang."),
            Map.entry("choose.title", "Chọn nội dung bỏ phiếu"),
            Map.entry("choose.intro", "Đang mở nhiều cuộc bỏ phiếu. Phiếu của bạn dùng được một lần cho mỗi cuộc."),
            Map.entry("choose.done", "đã bỏ phiếu"),
            Map.entry("noPoll.title", "Chưa mở bỏ phiếu"),
            Map.entry("noPoll.text", "Chủ tọa chưa mở cuộc bỏ phiếu nào. Hãy giữ phiếu của bạn và quét lại mã khi chủ tọa tuyên bố mở bỏ phiếu."),
            Map.entry("error.title", "Không thể tiếp tục"),
            Map.entry("error.help", "Nếu cần, hãy liên hệ Ban kiểm phiếu."),
            Map.entry("error.token_already_used.help", "Mỗi phiếu chỉ bỏ được một lần. Nếu bạn vừa bỏ phiếu thì phiếu đã được ghi nhận; "
                    + "lựa chọn của bạn không hiển thị lại ở đây để giữ bí mật. Nếu bạn chưa bỏ phiếu, hãy báo ngay cho Ban kiểm phiếu."),
            Map.entry("error.back", "Trang đầu"),
            Map.entry("state.draft", "Chưa mở"),
            Map.entry("state.open", "Đang bỏ phiếu"),
            Map.entry("state.closed", "Đã kết thúc"),
            Map.entry("chair.turnout", "Số phiếu đã bỏ"),
            Map.entry("chair.present", "Có mặt"),
            Map.entry("chair.issued", "Phiếu phát ra"),
            Map.entry("chair.summoned", "Triệu tập"),
            Map.entry("chair.handedOut", "Đã phát phiếu"),
            Map.entry("chair.cast", "Đã bỏ phiếu"),
            Map.entry("chair.quorumLow", "Chưa đủ 2/3 số người được triệu tập"),
            Map.entry("chair.noResults", "Kết quả chỉ được hiển thị sau khi kết thúc bỏ phiếu."),
            Map.entry("chair.received", "Phiếu thu về"),
            Map.entry("chair.valid", "hợp lệ"),
            Map.entry("chair.invalid", "không hợp lệ"),
            Map.entry("chair.key", "Dấu vân tay khóa hội nghị"),
            Map.entry("chair.live", "Trực tiếp"),
            Map.entry("chair.reconnecting", "Mất kết nối, đang kết nối lại…"),
            Map.entry("chair.noFlag", "Không có lưu ý"),
            Map.entry("home.voters", "Người bỏ phiếu: quét mã QR trên phiếu bằng camera điện thoại, hoặc bỏ phiếu tại máy bỏ phiếu trong phòng."),
            Map.entry("home.chair", "Màn hình chủ tọa (lượt bỏ phiếu trực tiếp, kết quả sau khi kết thúc)"),
            Map.entry("home.admin", "Quản trị: mở và kết thúc bỏ phiếu, in phiếu, biên bản"),
            Map.entry("home.desk", "Bàn đón tiếp (điểm danh, phát phiếu)"),
            Map.entry("admin.title", "Quản trị"),
            Map.entry("admin.passphrase", "Mật khẩu quản trị"),
            Map.entry("admin.login", "Đăng nhập"),
            Map.entry("admin.logout", "Đăng xuất"),
            Map.entry("admin.presence", "Số người có mặt"),
            Map.entry("admin.presentOf", "có mặt / {0} được triệu tập"),
            Map.entry("admin.save", "Lưu"),
            Map.entry("admin.polls", "Các cuộc bỏ phiếu"),
            Map.entry("admin.open", "Mở bỏ phiếu"),
            Map.entry("admin.close", "Kết thúc bỏ phiếu"),
            Map.entry("admin.closeConfirm", "Kết thúc bỏ phiếu? Sau khi kết thúc, không ai bỏ phiếu được nữa."),
            Map.entry("admin.quorumWarning", "Số người có mặt ({0}/{1}) chưa đủ 2/3 số người được triệu tập."),
            Map.entry("admin.confirmBelowQuorum", "Tôi xác nhận vẫn mở bỏ phiếu khi chưa đủ 2/3"),
            Map.entry("admin.cast", "Đã bỏ"),
            Map.entry("admin.minutes", "Biên bản (in)"),
            Map.entry("admin.chairScreen", "Màn hình chủ tọa"),
            Map.entry("admin.slips", "In phiếu"),
            Map.entry("admin.slipCount", "Số phiếu"),
            Map.entry("admin.slipLabel", "Ghi chú đợt in (không bắt buộc)"),
            Map.entry("admin.issue", "Tạo và in phiếu"),
            Map.entry("admin.issueNote", "Trang phiếu mở trong thẻ mới; in ra giấy A4, 8 phiếu mỗi trang."),
            Map.entry("admin.batches", "Các đợt đã in"),
            Map.entry("admin.void", "Huỷ phiếu bị mất hoặc hỏng"),
            Map.entry("admin.voidCode", "Mã ngắn in trên phiếu"),
            Map.entry("admin.voidButton", "Huỷ phiếu"),
            Map.entry("admin.voided", "Đã huỷ phiếu {0}."),
            Map.entry("admin.presentSaved", "Đã lưu số người có mặt."),
            Map.entry("admin.opened", "Đã mở bỏ phiếu."),
            Map.entry("admin.closed", "Đã kết thúc bỏ phiếu."),
            Map.entry("admin.voidedCount", "Phiếu huỷ"),
            Map.entry("admin.presentFromDesk", "Có danh sách triệu tập: số người có mặt là số người được đánh dấu có mặt tại bàn điểm danh "
                    + "(người nhận phiếu được tính là có mặt), không nhập tay."),
            Map.entry("receipts.title", "Tra cứu mã biên nhận"),
            Map.entry("receipts.label", "Mã biên nhận (8 ký tự, ví dụ 3WQ0-8HZK)"),
            Map.entry("receipts.check", "Tra cứu"),
            Map.entry("receipts.found", "Mã {0}: phiếu đã được đếm trong cuộc bỏ phiếu \u201c{1}\u201d."),
            Map.entry("receipts.notFound", "Không tìm thấy mã {0} trong các cuộc bỏ phiếu đã kết thúc."),
            Map.entry("receipts.notFoundHelp", "Kiểm tra lại mã. Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu. Nếu bạn chắc chắn "
                    + "đã bỏ phiếu với mã này, hãy báo ngay cho Ban kiểm phiếu."),
            Map.entry("receipts.malformed", "Mã biên nhận gồm 8 ký tự chữ và số, ví dụ 3WQ0-8HZK."),
            Map.entry("receipts.records", "Hồ sơ kết quả để kiểm tra độc lập"),
            Map.entry("receipts.noRecords", "Chưa có cuộc bỏ phiếu nào kết thúc."),
            Map.entry("receipts.anchor", "{0} phiếu · mã băm hồ sơ"),
            Map.entry("receipts.verifyHelp", "Hồ sơ có chữ ký của khóa hội nghị. Ai cũng có thể kiểm tra nó bằng lệnh verify, "
                    + "không cần máy trạm, và so số phiếu và mã băm với số liệu chiếu trên màn hình khi kết thúc bỏ phiếu."),
            Map.entry("receipt.lookup", "Sau khi kết thúc bỏ phiếu, tra cứu mã của bạn tại"),
            Map.entry("record.qrLabel", "Mã QR trang tra cứu mã biên nhận"),
            Map.entry("record.commitment", "Cam kết khi mở bỏ phiếu"),
            Map.entry("record.slips", "{0} phiếu phát ra"),
            Map.entry("record.count", "Số phiếu trong hồ sơ"),
            Map.entry("record.head", "Mã băm hồ sơ"),
            Map.entry("record.lookup", "Tra cứu mã biên nhận và tải hồ sơ"),
            Map.entry("admin.deskLink", "Mở bàn điểm danh và phát phiếu"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("switchTo", "Tiếng Việt"),
            Map.entry("ballot.intro", "Choose one level for each person. The ballot is secret: no one can see what you chose."),
            Map.entry("ballot.review", "Review my ballot"),
            Map.entry("ballot.position", "Position"),
            Map.entry("review.title", "Review before casting"),
            Map.entry("review.intro", "Check your choices. Once you press \u201cCast ballot\u201d, the ballot cannot be changed."),
            Map.entry("review.blank", "Not rated"),
            Map.entry("review.blankWarning", "You did not rate {0}: your ballot will count as invalid for this person."),
            Map.entry("review.blankMotion", "You made no choice: your ballot will count as invalid for this question."),
            Map.entry("review.blankCount", "{0} left blank."),
            Map.entry("review.change", "Change my answers"),
            Map.entry("review.cast", "Cast ballot"),
            Map.entry("receipt.title", "Ballot cast"),
            Map.entry("receipt.thanks", "Your ballot has been recorded. Thank you."),
            Map.entry("receipt.code", "Receipt code"),
            Map.entry("receipt.keep", "Write this code down. After the poll closes the counting committee publishes the list of "
                    + "receipt codes, so you can check your ballot was counted. The code does not tell what you chose."),
            Map.entry("receipt.nothingKept", "This phone keeps no record of your choices. You may close this page."),
            Map.entry("choose.title", "Choose a poll"),
            Map.entry("choose.intro", "Several polls are open. Your slip can be used once in each."),
            Map.entry("choose.done", "voted"),
            Map.entry("noPoll.title", "No poll is open yet"),
            Map.entry("noPoll.text", "The chair has not opened a poll yet. Keep your slip and scan it again when the chair opens the vote."),
            Map.entry("error.title", "Cannot continue"),
            Map.entry("error.help", "If you need help, please see the counting committee."),
            Map.entry("error.token_already_used.help", "Each slip can be used once. If you have just voted, your ballot was recorded; "
                    + "your choices are not shown again here, to keep them secret. If you have not voted, tell the counting committee now."),
            Map.entry("error.back", "Start page"),
            Map.entry("state.draft", "Not open yet"),
            Map.entry("state.open", "Voting open"),
            Map.entry("state.closed", "Closed"),
            Map.entry("chair.turnout", "Ballots cast"),
            Map.entry("chair.present", "Present"),
            Map.entry("chair.issued", "Slips issued"),
            Map.entry("chair.summoned", "Summoned"),
            Map.entry("chair.handedOut", "Ballots handed out"),
            Map.entry("chair.cast", "Cast"),
            Map.entry("chair.quorumLow", "Fewer than 2/3 of those summoned are present"),
            Map.entry("chair.noResults", "Results are shown only after the poll is closed."),
            Map.entry("chair.received", "Ballots received"),
            Map.entry("chair.valid", "valid"),
            Map.entry("chair.invalid", "invalid"),
            Map.entry("chair.key", "Meeting key fingerprint"),
            Map.entry("chair.live", "Live"),
            Map.entry("chair.reconnecting", "Connection lost, reconnecting…"),
            Map.entry("chair.noFlag", "No flag"),
            Map.entry("home.voters", "Voters: scan the QR code on your slip with your phone's camera, or vote at a voting kiosk in the room."),
            Map.entry("home.chair", "Chair's screen (live turnout, results after the close)"),
            Map.entry("home.admin", "Administration: open and close polls, print slips, minutes"),
            Map.entry("home.desk", "Check-in desk (presence, handing out ballots)"),
            Map.entry("admin.title", "Administration"),
            Map.entry("admin.passphrase", "Admin passphrase"),
            Map.entry("admin.login", "Sign in"),
            Map.entry("admin.logout", "Sign out"),
            Map.entry("admin.presence", "People present"),
            Map.entry("admin.presentOf", "present / {0} summoned"),
            Map.entry("admin.save", "Save"),
            Map.entry("admin.polls", "Polls"),
            Map.entry("admin.open", "Open the poll"),
            Map.entry("admin.close", "Close the poll"),
            Map.entry("admin.closeConfirm", "Close the poll? After closing, no one can vote in it any more."),
            Map.entry("admin.quorumWarning", "Present ({0} of {1}) is below two thirds of those summoned."),
            Map.entry("admin.confirmBelowQuorum", "I confirm opening the poll below the 2/3 quorum"),
            Map.entry("admin.cast", "Cast"),
            Map.entry("admin.minutes", "Minutes (print)"),
            Map.entry("admin.chairScreen", "Chair's screen"),
            Map.entry("admin.slips", "Print slips"),
            Map.entry("admin.slipCount", "Number of slips"),
            Map.entry("admin.slipLabel", "Label for this run (optional)"),
            Map.entry("admin.issue", "Issue and print slips"),
            Map.entry("admin.issueNote", "The slip sheet opens in a new tab; print it on A4, 8 slips a page."),
            Map.entry("admin.batches", "Runs issued"),
            Map.entry("admin.void", "Void a lost or spoiled slip"),
            Map.entry("admin.voidCode", "Short code printed on the slip"),
            Map.entry("admin.voidButton", "Void the slip"),
            Map.entry("admin.voided", "Slip {0} voided."),
            Map.entry("admin.presentSaved", "Number present saved."),
            Map.entry("admin.opened", "The poll is open."),
            Map.entry("admin.closed", "The poll is closed."),
            Map.entry("admin.voidedCount", "Slips voided"),
            Map.entry("admin.presentFromDesk", "This meeting has a roster: the number present is the number of people marked present "
                    + "at the check-in desk (a person handed a ballot counts as present), not typed in."),
            Map.entry("receipts.title", "Check a receipt code"),
            Map.entry("receipts.label", "Receipt code (8 characters, e.g. 3WQ0-8HZK)"),
            Map.entry("receipts.check", "Check"),
            Map.entry("receipts.found", "Code {0}: the ballot was counted in the poll \u201c{1}\u201d."),
            Map.entry("receipts.notFound", "The code {0} was not found in any closed poll."),
            Map.entry("receipts.notFoundHelp", "Check the code again. Results are published only after a poll closes. If you are sure "
                    + "you voted with this code, tell the counting committee now."),
            Map.entry("receipts.malformed", "A receipt code is 8 letters and digits, e.g. 3WQ0-8HZK."),
            Map.entry("receipts.records", "Election records, for an independent check"),
            Map.entry("receipts.noRecords", "No poll has closed yet."),
            Map.entry("receipts.anchor", "{0} ballots · record head"),
            Map.entry("receipts.verifyHelp", "Each record is signed with the meeting key. Anyone can check it with the verify command, "
                    + "without the station, and compare its ballot count and head with the figures shown on the projector at the close."),
            Map.entry("receipt.lookup", "After the poll closes, look your code up at"),
            Map.entry("record.qrLabel", "QR code of the receipt look-up page"),
            Map.entry("record.commitment", "Commitment at the open"),
            Map.entry("record.slips", "{0} slips issued"),
            Map.entry("record.count", "Ballots in the record"),
            Map.entry("record.head", "Record head"),
            Map.entry("record.lookup", "Check a receipt code and download the record"),
            Map.entry("admin.deskLink", "Open the check-in desk"));

    private final Language language;

    public PageText(Language language) {
        this.language = Objects.requireNonNull(language, "language");
    }

    /** The language of this request: {@code ?lang=} if given (and remembered in a cookie), else the cookie, else Vietnamese. */
    static PageText of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("vi".equals(asked) || "en".equals(asked)) {
            ctx.header("Set-Cookie", COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Lax");
            return new PageText(Language.fromCode(asked));
        }
        return new PageText(Language.fromCode(ctx.cookie(COOKIE)));
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.code();
    }

    /** The code of the other language, for the switch link. */
    public String otherLang() {
        return language == Language.EN ? "vi" : "en";
    }

    public boolean en() {
        return language == Language.EN;
    }

    /** The word for {@code key}; fails loudly on a missing key rather than showing a blank. */
    public String get(String key) {
        String word = (language == Language.EN ? EN : VI).get(key);
        if (word == null) throw new IllegalArgumentException("no page text for " + key);
        return word;
    }

    /** The word for {@code key} with {0}, {1}… replaced by the arguments. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    public boolean has(String key) {
        return (language == Language.EN ? EN : VI).containsKey(key);
    }

    public String state(PollStatus status) {
        return get("state." + status.state().code());
    }

    /** An error message in this language. */
    public String message(ApiError error) {
        return language == Language.EN ? error.en() : error.vi();
    }
}
