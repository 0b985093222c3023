package kioskvote.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kioskvote.meeting.ChoiceRule;
import kioskvote.meeting.Option;
import kioskvote.meeting.PercentBase;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollKind;
import kioskvote.meeting.Question;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.BoxEndorsement;
import kioskvote.token.MeetingKey;

/**
 * The page's sealing (public/seal.js on the pinned public/vendor/noble.js) run by node, as the phone runs it:
 * RFC 9180's known answers for the station's one suite, the receipt values of ReceiptDerivation, and a ballot
 * sealed by the script and opened by the station's Java (BoxKeyPair, SealedBallot) as the committee's count
 * does. BallotSealedInChromiumTest runs the same script in Chromium.
 */
class DeviceSealingScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE = Path.of("/usr/bin/node");
    /** Loads the two files the ballot page loads, then answers one request given as JSON in argv[2]. */
    private static final String HARNESS = """
            const vm = require('vm'), fs = require('fs');
            vm.runInThisContext(fs.readFileSync('src/main/resources/public/vendor/noble.js', 'utf8'));
            vm.runInThisContext(fs.readFileSync('src/main/resources/public/seal.js', 'utf8'));
            const req = JSON.parse(process.argv[2]), h = noble.hexToBytes, x = noble.bytesToHex;
            let out;
            if (req.kat) {
              const e = kvSeal.deriveKeyPair(h(req.ikmE)), r = kvSeal.deriveKeyPair(h(req.ikmR));
              const s = kvSeal.sealWith(r.publicKey, h(req.info), h(req.aad), h(req.pt), e.privateKey);
              out = { pkRm: x(r.publicKey), skRm: x(r.privateKey), pkEm: x(s.enc), ct: x(s.ciphertext) };
            } else if (req.secrets) {
              out = [];
              for (let i = 0; i < req.secrets; i++) {
                const secret = kvSeal.randomSecret();
                out.push({ secret, code: kvSeal.receiptCode(secret), proof: kvSeal.retryProof(secret) });
              }
            } else if (req.fingerprint) {
              out = kvSeal.meetingKeyFingerprint(req.fingerprint);
            } else {
              try { out = kvSeal.sealBallot(req.box, req.poll, req.marks, req.secret); } catch (e) { out = 'refused: ' + e.message; }
            }
            process.stdout.write(JSON.stringify(out));
            """;

    private static Question subject(String id) {
        return new Question(id, "Người " + id, "Phó Giám đốc", List.of(new Option("high", "Tín nhiệm cao", "High confidence"),
                new Option("medium", "Tín nhiệm", "Confidence"), new Option("low", "Tín nhiệm thấp", "Low confidence")), ChoiceRule.exactlyOne());
    }

    private final Poll poll = new Poll("tin-nhiem", PollKind.CONFIDENCE, "Lấy phiếu tín nhiệm",
            List.of(subject("s2"), subject("s1"), subject("s10")), PercentBase.RECEIVED, Optional.empty());

    @BeforeAll
    static void nodeIsThere() {
        Assumptions.assumeTrue(Files.isExecutable(NODE),
                "no node at " + NODE + ": the script's known answers are then checked in Chromium only (BallotSealedInChromiumTest)");
    }

    @Test
    void theScriptMatchesRfc9180KnownAnswersForTheStationsSuite() throws Exception {
        // RFC 9180, Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode, sequence 0
        // (the same vector BallotBoxKeyTest checks on the station's BouncyCastle sealing).
        JsonNode out = run(Map.of("kat", true,
                "ikmE", "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
                "ikmR", "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037",
                "info", "4f6465206f6e2061204772656369616e2055726e",
                "aad", "436f756e742d30",
                "pt", "4265617574792069732074727574682c20747275746820626561757479"));
        assertEquals("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d", out.get("pkRm").asText());
        assertEquals("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8", out.get("skRm").asText());
        assertEquals("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431", out.get("pkEm").asText());
        assertEquals("f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a",
                out.get("ct").asText());
    }

    @Test
    void theScriptDerivesTheReceiptCodeAndRetryProofAsTheStationDoes() throws Exception {
        JsonNode out = run(Map.of("secrets", 40));
        for (JsonNode one : out) {
            String secret = ReceiptCode.requireSecret(one.get("secret").asText());
            assertEquals(ReceiptCode.codeOf(secret), one.get("code").asText());
            assertEquals(ReceiptCode.proofOf(secret), one.get("proof").asText());
        }
    }

    @Test
    void aBallotSealedByTheScriptOpensWithTheBoxKeyAsTheStationsOwn() throws Exception {
        String secret = ReceiptCode.randomSecret(new SecureRandom());
        Map<String, List<String>> marks = Map.of("s1", List.of("low"), "s10", List.of("high"));
        try (BoxKeyPair box = BoxKeyPair.generate(new SecureRandom())) {
            BoxContext context = new BoxContext("hội-nghị-2026", poll.id(), "9f86d081884c7d65");
            MeetingKey meetingKey = MeetingKey.generate(new SecureRandom());
            Map<String, Object> boxJson = new LinkedHashMap<>(Map.of("meeting", context.meetingId(), "poll", poll.id(),
                    "definitionHash", context.definitionHash(), "boxPublicKey", box.publicKey().hex(),
                    "plaintextLength", SealedBallot.paddedLength(poll),
                    "boxSignature", HexFormat.of().formatHex(meetingKey.sign(BoxEndorsement.message(context, box.publicKey()))),
                    "meetingKey", HexFormat.of().formatHex(meetingKey.publicKey())));
            JsonNode out = run(Map.of("box", boxJson, "poll", pollJson(poll), "marks", marks, "secret", secret));
            assertEquals(meetingKey.fingerprint(), run(Map.of("fingerprint", boxJson.get("meetingKey"))).asText(),
                    "the page shows the fingerprint printed on the slip");
            try (BoxKeyPair swapped = BoxKeyPair.generate(new SecureRandom())) {
                Map<String, Object> forged = new LinkedHashMap<>(boxJson);
                forged.put("boxPublicKey", swapped.publicKey().hex()); // a box key swapped in the database
                assertEquals("refused: the box key is not signed by the meeting key",
                        run(Map.of("box", forged, "poll", pollJson(poll), "marks", marks, "secret", secret)).asText());
            }

            byte[] sealed = Base64.getDecoder().decode(out.get("sealed").asText());
            byte[] stationSealed = box.publicKey().seal(new SealedBallot("{}", "JR0B-ZBP0").plaintext(poll), context);
            assertEquals(stationSealed.length, sealed.length, "the device's ballot is the size of the station's");
            SealedBallot opened = SealedBallot.read(box.open(sealed, context));
            assertEquals(AnswersJson.write(BallotBox.validate(poll, marks)), opened.answersJson());
            assertEquals(ReceiptCode.codeOf(secret), opened.receiptCode());
            assertEquals(ReceiptCode.codeOf(secret), out.get("receipt").asText());
            assertEquals(ReceiptCode.proofOf(secret), out.get("proof").asText());
            byte[] padding = java.util.Arrays.copyOfRange(box.open(sealed, context), 2 + opened.answersJson().length() + 9,
                    SealedBallot.paddedLength(poll));
            assertArrayEquals(new byte[padding.length], padding, "zero padding, as the station's");
        }
    }

    static Map<String, Object> pollJson(Poll poll) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", poll.id());
        out.put("questions", poll.questions().stream().map(q -> Map.of("id", q.id(),
                "options", q.options().stream().map(o -> Map.of("id", o.id())).toList())).toList());
        return out;
    }

    private static JsonNode run(Map<String, ?> request) throws IOException, InterruptedException {
        Path script = Files.createTempFile("kv-seal-harness-", ".js");
        try {
            Files.writeString(script, HARNESS);
            Process node = new ProcessBuilder(NODE.toString(), script.toString(), JSON.writeValueAsString(request))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = node.getInputStream().readAllBytes();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
            assertEquals(0, node.exitValue(), "node exit code");
            return JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
