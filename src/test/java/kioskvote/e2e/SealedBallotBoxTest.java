package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.StationExtension;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.KeyShare;
import kioskvote.seal.SealBroken;
import kioskvote.seal.ShareSplitter;
import kioskvote.seal.StorageKey;
import kioskvote.store.Database;

/**
 * The sealed ballot box, end to end on a real station stopped and started again: shares handed out once at the opening,
 * nothing readable in the database file during the poll (also across a restart), the count with k of
 * the committee's cards, refusals that change nothing, and afterwards nothing in a copy of the data directory
 * that opens, even with the committee's cards (the storage key is destroyed; the file is not rewritten).
 */
class SealedBallotBoxTest {
    private static final String POLL = "tin-nhiem";
    private static final String MOTION = "bieu-quyet-quy-che";

    // In this JVM: the stop and start below are clean ones, and the file is what is read; no kill is needed.
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aSealedPollIsCountedOnlyWithEnoughCardsAndNothingReadableIsEverInTheFile() throws Exception {
        List<String> receipts = new ArrayList<>();
        List<String> answersWritten = new ArrayList<>();
        String passphrase;
        Api.Shares shares;
        Api.Shares motionShares;
        List<String> tokens;
        // 1. Open, cast 10, retry one after a "lost answer", stop the station mid-poll.
        Path data = station.dataDir();
        station.start();
        {
            passphrase = station.passphrase();
            Api api = new Api(station.url(), passphrase);
            tokens = api.issueTokens(20);
            api.adminPost("/api/admin/present", Map.of("present", 40));
            Api.Reply opened = api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of());
            assertEquals(200, opened.status(), opened.body());
            assertEquals(3, opened.json().path("cards").size(), "one card per committee member");
            assertEquals("Phạm Thị Hoa", opened.json().path("cards").get(0).path("member").asText());
            assertEquals(2, opened.json().path("box").path("threshold").asInt());
            assertTrue(opened.json().path("sealed").asBoolean());
            shares = Api.sharesOf(POLL);
            assertEquals(200, api.adminPost("/api/admin/polls/" + MOTION + "/open", Map.of()).status());
            motionShares = Api.sharesOf(MOTION);
            for (int i = 0; i < 10; i++) {
                String secret = Receipts.random();
                Api.Reply reply = api.cast(POLL, tokens.get(i), FullConfidenceVoteTest.ballotOf(i), secret);
                assertEquals(200, reply.status(), reply.body());
                receipts.add(reply.json().path("receipt").asText());
                if (i == 3) {
                    Api.Reply retry = api.cast(POLL, tokens.get(i), FullConfidenceVoteTest.ballotOf(i), secret);
                    assertEquals(200, retry.status(), "a retry with the same slip and secret is told it was counted");
                    assertTrue(retry.json().path("alreadyCounted").asBoolean());
                    assertEquals(Receipts.codeOf(secret), retry.json().path("receipt").asText());
                    assertEquals("token_already_used", api.cast(POLL, tokens.get(i), FullConfidenceVoteTest.ballotOf(i),
                            Receipts.random()).errorCode(), "another secret learns nothing");
                }
            }
            station.stop(); // mid-poll: what follows reads the file it left
        }
        Path file = data.resolve("kioskvote.mv.db");
        String during = latin1(file);
        for (String receipt : receipts) assertFalse(during.contains(receipt), "a receipt code is readable in the file during the poll");
        // The frozen poll definition names the options ("id":"high"); a ballot's answers would read ["high"].
        assertTrue(during.contains("\"high\""), "the scan reads the file's text");
        assertFalse(during.contains("[\"high\"") || during.contains("[\"medium\"") || during.contains("[\"low\"") || during.contains("\"s1\":["),
                "answers are readable in the file during the poll");
        List<String> ciphertexts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(Database.h2Url(data), "kioskvote", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT ciphertext FROM sealed_ballot")) {
            while (rs.next()) ciphertexts.add(rs.getString(1));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM ballot"), "no readable ballot row during the poll");
        }
        assertEquals(10, ciphertexts.size());
        assertEquals(1, ciphertexts.stream().map(String::length).distinct().count(), "every sealed ballot has the same size");
        assertTrue(during.contains(ciphertexts.get(0).substring(0, 40)), "the byte scan does see what the file holds");
        Attempt duringPoll = openWithCards(copyOf(data), shares.enough(), ciphertexts);
        System.out.println("during the poll: " + duringPoll);
        assertEquals(10, duringPoll.opened(), "the attack works while the storage key exists (so the scan below means something)");

        // 2. Restart mid-poll: nothing lost, voting goes on.
        station.start();
        {
            Api api = new Api(station.url(), passphrase);
            for (int i = 10; i < 14; i++) {
                Api.Reply reply = api.cast(POLL, tokens.get(i), FullConfidenceVoteTest.ballotOf(i), Receipts.random());
                assertEquals(200, reply.status(), reply.body());
                receipts.add(reply.json().path("receipt").asText());
            }
            assertEquals(14, api.get("/api/polls/" + POLL).json().path("cast").asInt());

            // 3. Closed: no result, receipt or minutes until the committee opens the box.
            assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/close", Map.of()).status());
            JsonNode status = api.get("/api/polls/" + POLL).json();
            assertEquals("closed", status.path("state").asText());
            assertEquals("counting", status.path("phase").asText());
            assertTrue(status.path("awaitingCount").asBoolean());
            assertEquals("awaiting_count", api.get("/api/polls/" + POLL + "/results").errorCode());
            assertEquals("awaiting_count", api.get("/api/polls/" + POLL + "/receipts").errorCode());
            assertEquals("awaiting_count", api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").errorCode());
            assertTrue(api.get("/chair?poll=" + POLL + "&lang=en").body().contains("waiting for the counting committee to open the ballot box"));
            assertEquals("cast_refused", api.cast(POLL, tokens.get(15), FullConfidenceVoteTest.ballotOf(0), Receipts.random()).status() == 409
                    ? "cast_refused" : "accepted", "no cast after the close");

            // 4. Refusals that change nothing.
            Api.Reply tooFew = api.unseal(POLL, List.of(shares.codes().get(0)));
            assertEquals(409, tooFew.status());
            assertEquals("shares_too_few", tooFew.errorCode());
            assertTrue(tooFew.json().path("error").path("message").path("en").asText().contains("1 more needed"), tooFew.body());
            String typo = mistype(shares.codes().get(1), 12); // a wrong symbol in group 3
            Api.Reply wrong = api.unseal(POLL, List.of(shares.codes().get(0), typo));
            assertEquals(400, wrong.status());
            assertEquals("share_check_character", wrong.errorCode());
            assertTrue(wrong.json().path("error").path("message").path("en").asText().contains("Share 2: check character wrong in group 3"), wrong.body());
            assertEquals("share_other_poll", api.unseal(POLL, List.of(shares.codes().get(0), motionShares.codes().get(1))).errorCode());
            assertEquals("share_duplicate", api.unseal(POLL, List.of(shares.codes().get(0), shares.codes().get(0))).errorCode());
            assertEquals("share_malformed", api.unseal(POLL, List.of("hello", shares.codes().get(0))).errorCode());
            assertEquals("awaiting_count", api.get("/api/polls/" + POLL + "/results").errorCode(), "still sealed");
            assertEquals("poll_not_closed", api.unseal(MOTION, motionShares.enough()).errorCode());

            // 5. Two cards (the 2nd and 3rd: any two) open it.
            Api.Reply counted = api.unseal(POLL, List.of(shares.codes().get(2), shares.codes().get(1)));
            assertEquals(200, counted.status(), counted.body());
            assertEquals(14, counted.json().path("counted").asInt());
            assertTrue(counted.json().path("storageKeyDestroyed").asBoolean(), "the box's storage key was destroyed for good");
            assertEquals("already_counted", api.unseal(POLL, shares.enough()).errorCode());
            assertEquals("results_not_shown", api.get("/api/polls/" + POLL + "/receipts").errorCode(), "counted, not yet shown");
            assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/show-results", Map.of()).status());
            Set<String> published = new HashSet<>();
            api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
            assertEquals(new HashSet<>(receipts), published, "every voter finds their receipt");
            JsonNode minutes = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json();
            assertEquals(14, minutes.path("counts").path("received").asInt());
            assertTrue(minutes.path("ballotBox").path("sealed").asBoolean());
            assertEquals(14, api.get("/api/polls/" + POLL + "/ballots").json().path("ballots").size());
            for (JsonNode ballot : api.get("/api/polls/" + POLL + "/ballots").json().path("ballots")) answersWritten.add(ballot.toString());
            // The station keeps working after the file was rewritten under it.
            assertEquals(200, api.cast(MOTION, tokens.get(16), Map.of("motion", List.of("agree")), Receipts.random()).status());
            station.stop();
        }

        // 6. After the count, as someone with a byte copy of the data directory AND the committee's cards: every
        //    sealed ballot the file may still hold in its free pages (the file is not rewritten) is noise.
        try (Connection db = DriverManager.getConnection(Database.h2Url(data), "kioskvote", "")) {
            assertEquals(0, count(db, "SELECT COUNT(*) FROM sealed_ballot WHERE poll_id = '" + POLL + "'"));
            assertEquals(14, count(db, "SELECT COUNT(*) FROM counted_ballot WHERE poll_id = '" + POLL + "'"));
        }
        Attempt after = openWithCards(copyOf(data), shares.enough(), ciphertexts);
        System.out.println("after the count: " + after);
        assertEquals(1, after.storageKeys(), "the only storage key left is the motion's, whose box is still to be counted");
        assertEquals(0, after.opened(), "nothing left in the file opens, even with the committee's cards");
        assertEquals(14, answersWritten.size());
    }

    /** The code with the symbol at {@code position} (dashes not counted) replaced by another one. */
    static String mistype(String code, int position) {
        String plain = code.replace("-", "");
        char wrong = plain.charAt(position) == '7' ? '8' : '7';
        String typo = plain.substring(0, position) + wrong + plain.substring(position + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < typo.length(); i += 5) grouped.append(i == 0 ? "" : "-").append(typo, i, i + 5);
        return grouped.toString();
    }

    private static String latin1(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** What a copy of the data directory gives someone who also holds k of the committee's cards. */
    record Attempt(int sealedRowsInFile, int storageKeys, int opened) {
    }

    private static Path copyOf(Path dir) throws Exception {
        Path copy = Files.createTempDirectory(dir.getParent(), "copy");
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) if (Files.isRegularFile(f)) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }

    /** Every base64 run in the copied H2 file, unwrapped with every storage key in the copy, opened with the cards. */
    private static Attempt openWithCards(Path copy, List<String> cards, List<String> sealedRows) throws Exception {
        String boxHex;
        String definitionHash;
        try (Connection db = DriverManager.getConnection(Database.h2Url(copy), "kioskvote", "");
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT box_public_key, definition_hash FROM poll_state WHERE poll_id = '" + POLL + "'")) {
            rs.next();
            boxHex = rs.getString(1);
            definitionHash = rs.getString(2);
        }
        List<byte[]> keys = new ArrayList<>();
        try (var files = Files.list(copy)) {
            for (Path f : (Iterable<Path>) files::iterator) if (f.getFileName().toString().startsWith("box-storage-")) keys.add(Files.readAllBytes(f));
        }
        String file = latin1(copy.resolve("kioskvote.mv.db"));
        int inFile = 0;
        Set<String> opened = new HashSet<>();
        BoxContext context = new BoxContext("so-xay-dung-2026", POLL, definitionHash);
        try (BoxKeyPair committee = ShareSplitter.recombine(BallotBoxKey.fromHex(boxHex), cards.stream().map(KeyShare::parse).toList())) {
            Matcher runs = Pattern.compile("[A-Za-z0-9+/]{200,}={0,2}").matcher(file);
            while (runs.find()) {
                if (sealedRows.contains(runs.group())) inFile++;
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(runs.group());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                List<byte[]> candidates = new ArrayList<>(List.of(bytes));
                for (byte[] key : keys) {
                    try {
                        candidates.add(StorageKey.of(key).unwrap(POLL, bytes));
                    } catch (SealBroken e) {
                        // not wrapped with this key
                    }
                }
                for (byte[] candidate : candidates) {
                    try {
                        opened.add(new String(committee.open(candidate, context), StandardCharsets.ISO_8859_1));
                    } catch (SealBroken | IllegalArgumentException e) {
                        // noise
                    }
                }
            }
        }
        return new Attempt(inFile, keys.size(), opened.size());
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
