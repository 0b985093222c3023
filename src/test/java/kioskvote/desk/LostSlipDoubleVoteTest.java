package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.e2e.Api;

/**
 * The double vote of the "two promises" issue: a person handed a slip while the desk shows poll 2 votes with it
 * in poll 1, reports it lost in poll 2, and gets a new slip. The new slip must not vote in poll 1 again.
 */
class LostSlipDoubleVoteTest {
    static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aReplacementSlipCannotVoteAgainInAPollTheLostSlipAlreadyVotedIn() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, List.of("Lý Thị Mai", "Tạ Văn Khoa"))) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            String mai = m.personId("Lý Thị Mai");
            m.open("quy-che");
            m.open("ke-hoach");
            Api.Reply qr = api.adminPost("/api/admin/desk/hand-out", Map.of("personId", mai, "pollId", "ke-hoach", "kind", "QR"));
            assertEquals(200, qr.status(), qr.body());
            assertEquals(200, api.cast("quy-che", token(qr), ThreePollMeeting.AGREE, receipt()).status(), "her vote in poll 1");

            Api.Reply replaced = api.adminPost("/api/admin/desk/replace", Map.of("personId", mai, "pollId", "ke-hoach", "kind", "QR",
                    "code", qr.json().path("slip").path("shortCode").asText()));
            assertEquals(200, replaced.status(), replaced.body());

            Api.Reply again = api.cast("quy-che", token(replaced), ThreePollMeeting.AGREE, receipt());
            assertEquals(409, again.status(), "the replacement voted a second time in poll 1: " + again.body());
            assertEquals("token_already_used", again.errorCode());
            assertEquals(200, api.cast("ke-hoach", token(replaced), ThreePollMeeting.AGREE, receipt()).status(), "and votes in poll 2");
            assertEquals(1, m.station.pollStatuses().status("quy-che").cast(), "one ballot in poll 1");
        }
    }

    static String token(Api.Reply handOut) {
        String url = handOut.json().path("slip").path("url").asText();
        return kioskvote.token.TestSlips.secretOf(url);
    }

    static String receipt() {
        return ReceiptCode.randomSecret(RANDOM);
    }
}
