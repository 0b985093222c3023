package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.ballot.ReceiptCode;
import kioskvote.ballot.SealedBallot;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.Poll;
import kioskvote.meeting.Question;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;

/**
 * The cast of a ballot sealed on the voter's device, through the API as a page sends it: what the station
 * hands out to seal to, the one-transaction cast with the slip key's signature of it, the ciphertext and the
 * retry proof only, the retry after a lost answer (or a replay of the same signed cast), refusals that change
 * nothing, and the committee's count opening those ballots beside ones the station sealed itself.
 */
class DeviceSealedCastTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess();

    private static final String POLL = "tin-nhiem";

    @Test
    void ballotsSealedOnDevicesAreCountedWithTheStationsOwnAndTheCastCarriesNoMarkSecretOrCode() throws Exception {
        Poll poll = MeetingLoader.load(FullConfidenceVoteTest.DEMO).meeting().poll(POLL).orElseThrow();
        Api api = station.api();
        List<String> tokens = api.issueTokens(10);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals("poll_not_open", api.get("/api/polls/" + POLL + "/box").errorCode(), "no box before the open");
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());

        JsonNode box = api.get("/api/polls/" + POLL + "/box").json();
        assertEquals(POLL, box.path("poll").asText());
        assertEquals(SealedBallot.paddedLength(poll), box.path("plaintextLength").asInt());
        BallotBoxKey key = BallotBoxKey.fromHex(box.path("boxPublicKey").asText());
        BoxContext context = new BoxContext(box.path("meeting").asText(), POLL, box.path("definitionHash").asText());

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String secret = Receipts.random();
            codes.add(ReceiptCode.codeOf(secret));
            Map<String, Object> body = sealedCast(api, tokens.get(i), key, context, poll, FullConfidenceVoteTest.ballotOf(i), secret);
            String sent = Api.JSON.writeValueAsString(body);
            assertFalse(sent.contains(secret) || sent.contains(codes.get(i)), "the cast carries no secret or receipt code: " + sent);
            assertFalse(sent.contains(tokens.get(i)), "nor the slip's secret");
            assertEquals(Set.of("slipKey", "signature", "sealed", "proof"), body.keySet(), "and nothing else: no marks");
            Api.Reply reply = api.post("/api/polls/" + POLL + "/sealed-ballots", body);
            assertEquals(200, reply.status(), reply.body());
            assertFalse(reply.json().path("alreadyCounted").asBoolean());
            assertFalse(reply.body().contains(codes.get(i)), "no receipt code comes back either");
            if (i == 0) {
                Api.Reply retry = api.post("/api/polls/" + POLL + "/sealed-ballots", body);
                assertEquals(200, retry.status(), "the same signed cast again (a lost answer, or a replay seen on the air)");
                assertTrue(retry.json().path("alreadyCounted").asBoolean());
                Map<String, Object> other = sealedCast(api, tokens.get(i), key, context, poll, FullConfidenceVoteTest.ballotOf(1), Receipts.random());
                assertEquals("token_already_used", api.post("/api/polls/" + POLL + "/sealed-ballots", other).errorCode(),
                        "another ballot with a spent slip");
            }
        }
        // Refusals: nothing is spent, the slip still votes afterwards.
        String fresh = tokens.get(8);
        Map<String, Object> good = sealedCast(api, fresh, key, context, poll, FullConfidenceVoteTest.ballotOf(5), Receipts.random());
        byte[] sealed = Base64.getDecoder().decode((String) good.get("sealed"));
        assertEquals("bad_ballot", api.post("/api/polls/" + POLL + "/sealed-ballots",
                with(good, "sealed", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sealed, sealed.length - 1)))).errorCode());
        assertEquals("bad_ballot", api.post("/api/polls/" + POLL + "/sealed-ballots", with(good, "sealed", "%%%not base64")).errorCode());
        assertEquals("bad_receipt", api.post("/api/polls/" + POLL + "/sealed-ballots", with(good, "proof", "XYZ")).errorCode());
        assertEquals(400, api.post("/api/polls/" + POLL + "/sealed-ballots", Map.of("slipKey", good.get("slipKey"), "sealed", "AAAA")).status());
        assertEquals("token_malformed", api.post("/api/polls/" + POLL + "/sealed-ballots", with(good, "slipKey", "123")).errorCode());
        assertEquals("token_unsigned", api.post("/api/polls/" + POLL + "/sealed-ballots", with(good, "signature", "")).errorCode());
        // The signature of one sealed ballot, seen on the air, casts no other ballot and no other retry proof.
        byte[] changed = sealed.clone();
        changed[40] ^= 1;
        assertEquals("token_bad_signature", api.post("/api/polls/" + POLL + "/sealed-ballots",
                with(good, "sealed", Base64.getEncoder().encodeToString(changed))).errorCode());
        assertEquals("token_bad_signature", api.post("/api/polls/" + POLL + "/sealed-ballots",
                with(good, "proof", ReceiptCode.proofOf(Receipts.random()))).errorCode());
        assertEquals("token_bad_signature", api.post("/api/polls/" + POLL + "/sealed-ballots",
                with(good, "slipKey", kioskvote.token.TestSlips.keyOf(tokens.get(7)))).errorCode(), "another slip's key");
        assertEquals(200, api.post("/api/polls/" + POLL + "/sealed-ballots", good).status(), "the refused slip still votes");
        // One ballot sealed by the station (the form path), in the same box.
        String stationSecret = Receipts.random();
        assertEquals(200, api.cast(POLL, tokens.get(9), FullConfidenceVoteTest.ballotOf(6), stationSecret).status());
        codes.add(ReceiptCode.codeOf(stationSecret));

        assertEquals(200, api.closeCountAndShow(POLL).status());
        Set<String> published = new HashSet<>();
        api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        assertTrue(published.containsAll(codes), "every device's receipt code is published: " + published);
        assertEquals(6, api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json().path("counts").path("received").asInt());
    }

    @Test
    void ballotsFromAHostilePageAreReceivedCountedInvalidAndReportedWithoutStoppingTheCount() throws Exception {
        Poll poll = MeetingLoader.load(FullConfidenceVoteTest.DEMO).meeting().poll(POLL).orElseThrow();
        Api api = station.api();
        List<String> tokens = api.issueTokens(16);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        JsonNode box = api.get("/api/polls/" + POLL + "/box").json();
        BallotBoxKey key = BallotBoxKey.fromHex(box.path("boxPublicKey").asText());
        BoxContext context = new BoxContext(box.path("meeting").asText(), POLL, box.path("definitionHash").asText());
        int length = box.path("plaintextLength").asInt();
        String code = "JR0B-ZBP0";
        List<byte[]> hostile = List.of(
                layout(length, "{\"s1\":[\"high\"", code),                          // bad JSON
                layout(length, "{\"s9\":[\"high\"]}", code),                        // unknown question
                layout(length, "{\"s1\":[\"excellent\"]}", code),                   // unknown option
                layout(length, "{\"s1\":[\"high\",\"low\"]}", code),                // too many marks
                layout(length, "{\"s1\":[\"high\"],\"s1\":[\"low\"]}", code),      // a question twice
                layout(length, "{\"s1\":[null]}", code),                              // not an option id
                layout(length, "[\"high\"]", code),                                   // not a map
                layout(length, "{\"s1\":[\"high\"]}", "not-acode"),                  // a receipt code of the wrong form
                wrongLengthField(length),                                             // the length field past the end
                withNonZeroPadding(layout(length, "{}", code)),                       // padding that is not zeros
                layout(length, "{\"s1\":[\"" + "\u00ff".repeat(3) + "\"]}", code)); // not an option either (UTF-8 fine)
        int i = 0;
        for (byte[] plaintext : hostile) {
            Map<String, Object> body = signed(api, tokens.get(i++), key.seal(plaintext, context), ReceiptCode.proofOf(Receipts.random()));
            assertEquals(200, api.post("/api/polls/" + POLL + "/sealed-ballots", body).status(), "the station cannot read it: it takes it");
        }
        byte[] badUtf8 = layout(length, "{}", code);
        badUtf8[3] = (byte) 0xC3; // "{" then a lone lead byte: not UTF-8
        post(api, tokens.get(i++), key.seal(badUtf8, context));
        byte[] garbage = new byte[length + 48];
        new java.security.SecureRandom().nextBytes(garbage);
        post(api, tokens.get(i++), garbage);                                      // the right size, sealed to nothing
        int hostileCount = i;
        String good = Receipts.random();
        assertEquals(200, api.post("/api/polls/" + POLL + "/sealed-ballots",
                sealedCast(api, tokens.get(i++), key, context, poll, Map.of("s1", List.of("high")), good)).status());
        String atStation = Receipts.random();
        assertEquals(200, api.cast(POLL, tokens.get(i), Map.of("s1", List.of("low")), atStation).status());

        Api.Reply counted = api.closeCountAndShow(POLL);
        assertEquals(200, counted.status(), counted.body());
        JsonNode minutes = api.adminGet("/api/admin/polls/" + POLL + "/minutes.json").json();
        assertEquals(hostileCount + 2, minutes.path("counts").path("received").asInt(), minutes.toString());
        assertEquals(hostileCount + 1, minutes.path("ballotBox").path("sealedOnDevices").asInt());
        assertEquals(1, minutes.path("ballotBox").path("sealedAtStation").asInt());
        assertEquals(hostileCount, minutes.path("ballotBox").path("unreadable").asInt());
        String s1 = minutes.path("questions").get(0).toString();
        assertTrue(s1.contains("\"invalid\":" + hostileCount) || s1.contains(String.valueOf(hostileCount)), s1);
        Set<String> published = new HashSet<>();
        api.get("/api/polls/" + POLL + "/receipts").json().path("receipts").forEach(r -> published.add(r.asText()));
        assertTrue(published.contains(ReceiptCode.codeOf(good)) && published.contains(ReceiptCode.codeOf(atStation)), published.toString());
        String printed = api.adminGet("/api/admin/polls/" + POLL + "/minutes?lang=en").body();
        assertTrue(printed.contains(hostileCount + 1 + " ballots sealed on voters’ devices, 1 at the station, " + hostileCount + " unreadable"),
                "the printed minutes say it");

        // The published results and the election record say it too; the record still verifies.
        JsonNode results = api.get("/api/polls/" + POLL + "/results").json().path("ballotBox");
        assertEquals(List.of(hostileCount + 1, 1, hostileCount), List.of(results.path("sealedOnDevices").asInt(),
                results.path("sealedAtStation").asInt(), results.path("unreadable").asInt()), results.toString());
        java.nio.file.Path record = station.dataDir().resolveSibling("record.zip");
        java.nio.file.Files.write(record, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(station.url() + "/api/polls/" + POLL + "/record")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        try (var zip = new java.util.zip.ZipFile(record.toFile())) {
            JsonNode sealing = Api.JSON.readTree(zip.getInputStream(zip.getEntry("sealing.json")));
            assertEquals(Api.JSON.readTree("{\"sealedOnDevices\":" + (hostileCount + 1) + ",\"sealedAtStation\":1,\"unreadable\":" + hostileCount + "}"),
                    sealing);
            assertTrue(new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"sealing.json\""), "listed, so signed, in the manifest");
        }
        assertEquals(kioskvote.record.RecordVerifier.Outcome.VERIFIED, new kioskvote.record.RecordVerifier(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).verify(record, kioskvote.record.RecordVerifier.Anchors.none()));
    }

    @Test
    void aBoxKeySwappedInTheDatabaseIsNeverSealedToNorCountedFor() throws Exception {
        Api api = station.api();
        List<String> tokens = api.issueTokens(4);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        var jdbi = station.station().jdbi();
        String real = jdbi.withHandle(h -> h.createQuery("SELECT box_public_key FROM poll_state WHERE poll_id = ?")
                .bind(0, POLL).mapTo(String.class).one());
        String attackers;
        try (var attacker = kioskvote.seal.BoxKeyPair.generate(new java.security.SecureRandom())) {
            attackers = attacker.publicKey().hex();
        }
        swap(jdbi, attackers); // as someone with write access to the database would, before any cast
        assertEquals("box_key_unsigned", api.get("/api/polls/" + POLL + "/box").errorCode(), "no page is given a key to seal to");
        assertEquals("box_key_unsigned", api.cast(POLL, tokens.get(0), Map.of("s1", List.of("high")), Receipts.random()).errorCode(),
                "the station does not seal to it either");
        assertEquals(0, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "and nothing was spent");
        swap(jdbi, real);
        assertEquals(200, api.cast(POLL, tokens.get(0), Map.of("s1", List.of("high")), Receipts.random()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/close", Map.of()).status());
        swap(jdbi, attackers);
        assertEquals("box_key_unsigned", api.unseal(POLL, Api.sharesOf(POLL).enough()).errorCode(), "the count refuses too");
        swap(jdbi, real);
        assertEquals(200, api.unseal(POLL, Api.sharesOf(POLL).enough()).status());
    }

    private static void swap(org.jdbi.v3.core.Jdbi jdbi, String boxKeyHex) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE poll_state SET box_public_key = ? WHERE poll_id = ?").bind(0, boxKeyHex).bind(1, POLL).execute());
    }

    private static void post(Api api, String slipSecret, byte[] sealed) {
        Map<String, Object> body = signed(api, slipSecret, sealed, ReceiptCode.proofOf(Receipts.random()));
        assertEquals(200, api.post("/api/polls/" + POLL + "/sealed-ballots", body).status());
    }

    /** SealedBallot's layout with any answers text and code: length · answers · code · zeros. */
    static byte[] layout(int length, String answers, String code) {
        byte[] json = answers.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(length);
        out.putShort((short) json.length).put(json).put(code.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    static byte[] wrongLengthField(int length) {
        byte[] plaintext = layout(length, "{}", "JR0B-ZBP0");
        plaintext[0] = (byte) 0x7F;
        return plaintext;
    }

    static byte[] withNonZeroPadding(byte[] plaintext) {
        plaintext[plaintext.length - 1] = 1;
        return plaintext;
    }

    /** What a page sends: the slip's public key and its signature of the cast, the ballot sealed to the box, and the retry proof. */
    static Map<String, Object> sealedCast(Api api, String slipSecret, BallotBoxKey key, BoxContext context, Poll poll,
                                          Map<String, List<String>> marks, String secret) throws Exception {
        Map<String, List<String>> all = new TreeMap<>();
        for (Question q : poll.questions()) all.put(q.id(), marks.getOrDefault(q.id(), List.of()));
        String json = Api.JSON.writeValueAsString(all);
        byte[] plaintext = new SealedBallot(json, ReceiptCode.codeOf(secret)).plaintext(poll);
        return signed(api, slipSecret, key.seal(plaintext, context), ReceiptCode.proofOf(secret));
    }

    /** A sealed cast signed by the slip key as public/slip.js signs it (token/CastStatement.ofSealed). */
    static Map<String, Object> signed(Api api, String slipSecret, byte[] sealed, String proof) {
        return Map.of("slipKey", kioskvote.token.TestSlips.keyOf(slipSecret),
                "signature", kioskvote.token.TestSlips.signSealed(slipSecret, api.meetingId(), POLL, proof, sealed),
                "sealed", Base64.getEncoder().encodeToString(sealed), "proof", proof);
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> out = new TreeMap<>(body);
        out.put(field, value);
        return out;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
