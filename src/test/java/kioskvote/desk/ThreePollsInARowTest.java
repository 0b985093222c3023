package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.Api;

/**
 * One ballot per person in every poll, on every path: a kiosk voter and a voter who loses their slip twice
 * (once after its poll closed) vote in three polls in a row, once each, and never twice.
 */
class ThreePollsInARowTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aKioskVoterAndALostSlipVoterVoteOnceInEachOfThreePolls() throws Exception {
        try (ThreePollMeeting m = ThreePollMeeting.start(station, List.of("Vương Thị Hạnh", "Quách Văn Lộc", "Mạc Thị Yến"))) {
            Api api = new Api(m.url(), ThreePollMeeting.PASSPHRASE);
            Kiosk kiosk = new Kiosk(m, "phong-1");
            String hanh = m.personId("Vương Thị Hạnh"); // votes at the kiosk
            String loc = m.personId("Quách Văn Lộc");   // loses his slip twice
            String poll1 = ThreePollMeeting.POLLS.get(0);
            String poll2 = ThreePollMeeting.POLLS.get(1);
            String poll3 = ThreePollMeeting.POLLS.get(2);

            // Poll 1
            m.open(poll1);
            Api.Reply slip1 = handOut(api, loc, poll1, "QR");
            assertEquals(200, slip1.status(), slip1.body());
            assertEquals(200, api.cast(poll1, LostSlipDoubleVoteTest.token(slip1), ThreePollMeeting.AGREE, LostSlipDoubleVoteTest.receipt()).status());
            voteAtKiosk(api, kiosk, hanh, poll1);
            assertEquals("kiosk_ballot_already_sent", sendToKiosk(api, hanh, poll1).errorCode(), "a second kiosk ballot in poll 1");
            m.station.polls().close(poll1);

            // Poll 2: Lộc lost the slip that voted in poll 1 (now closed) and gets a QR in its place.
            m.open(poll2);
            Api.Reply slip2 = replace(api, loc, poll2, slip1);
            assertEquals(200, slip2.status(), slip2.body());
            assertEquals("token_voided", api.cast(poll2, LostSlipDoubleVoteTest.token(slip1), ThreePollMeeting.AGREE,
                    LostSlipDoubleVoteTest.receipt()).errorCode(), "the lost slip is void");
            assertEquals(200, api.cast(poll2, LostSlipDoubleVoteTest.token(slip2), ThreePollMeeting.AGREE, LostSlipDoubleVoteTest.receipt()).status());
            // Hạnh's kiosk ballot is abandoned once (the kiosk timed out); the desk sends another.
            assertEquals(200, sendToKiosk(api, hanh, poll2).status());
            kiosk.abandon(kiosk.pickUp().orElseThrow());
            voteAtKiosk(api, kiosk, hanh, poll2);
            assertEquals("already_handed_out", handOut(api, hanh, poll2, "QR").errorCode(), "a kiosk voter gets no slip besides");
            m.station.polls().close(poll2);

            // Poll 3, before it opens: the second slip is lost after its poll closed, and replaced for the polls to come.
            Api.Reply slip3 = replace(api, loc, poll3, slip2);
            assertEquals(200, slip3.status(), slip3.body());
            m.open(poll3);
            assertEquals("token_voided", api.cast(poll3, LostSlipDoubleVoteTest.token(slip2), ThreePollMeeting.AGREE,
                    LostSlipDoubleVoteTest.receipt()).errorCode());
            assertEquals(200, api.cast(poll3, LostSlipDoubleVoteTest.token(slip3), ThreePollMeeting.AGREE, LostSlipDoubleVoteTest.receipt()).status());
            assertEquals("token_already_used", api.cast(poll3, LostSlipDoubleVoteTest.token(slip3), ThreePollMeeting.AGREE,
                    LostSlipDoubleVoteTest.receipt()).errorCode());
            voteAtKiosk(api, kiosk, hanh, poll3);
            m.station.polls().close(poll3);

            for (String poll : ThreePollMeeting.POLLS) {
                var status = m.station.pollStatuses().status(poll);
                assertEquals(2, status.cast(), poll + ": one ballot each from Hạnh and Lộc");
                assertEquals(2, status.figures().handedOut(), "handed out counts people, once for the meeting");
                assertTrue(status.addsUp(), poll);
            }
            assertEquals(3, m.station.pollStatuses().status(poll3).figures().voided(), "two lost slips and one abandoned kiosk ballot");
        }
    }

    private static void voteAtKiosk(Api api, Kiosk kiosk, String personId, String pollId) {
        Api.Reply sent = sendToKiosk(api, personId, pollId);
        assertEquals(200, sent.status(), sent.body());
        Kiosk.Ballot ballot = kiosk.pickUp().orElseThrow();
        assertEquals(200, kiosk.castAgree(ballot, pollId), "kiosk cast in " + pollId);
    }

    private static Api.Reply sendToKiosk(Api api, String personId, String pollId) {
        return api.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId, "pollId", pollId, "kind", "KIOSK", "kiosk", "phong-1"));
    }

    private static Api.Reply handOut(Api api, String personId, String pollId, String kind) {
        return api.adminPost("/api/admin/desk/hand-out", Map.of("personId", personId, "pollId", pollId, "kind", kind));
    }

    private static Api.Reply replace(Api api, String personId, String pollId, Api.Reply lost) {
        return api.adminPost("/api/admin/desk/replace", Map.of("personId", personId, "pollId", pollId, "kind", "QR",
                "code", lost.json().path("slip").path("shortCode").asText()));
    }
}
