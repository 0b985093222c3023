package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.StationExtension;
import kioskvote.ballot.BallotBox;
import kioskvote.ballot.ReceiptCode;
import kioskvote.meeting.HandOutKind;
import kioskvote.slip.Slip;
import kioskvote.token.CastStatement;
import kioskvote.token.MeetingKey;
import kioskvote.token.ShortCode;
import kioskvote.token.SlipHashes;
import kioskvote.token.TestSlips;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * An attacker holds a byte copy of kioskvote.mv.db and a copy of the whole data directory, meeting key included,
 * taken while a poll is open (printed slips, QRs shown at the desk and kiosk voters, some of each not yet used),
 * and again after the station restarts. They try everything in them that could vote, at the station itself:
 * every hex string's first 50 bits as a short code (as the old code was the serial's first 50 bits), with and
 * without check characters, and the string as typed; every string as a slip secret, its slip key signing a cast;
 * every string as a slip public key, signed with the copied meeting key; the meeting key as a slip key. Not one
 * is accepted, while the slips nobody used still vote for their holders.
 */
class CopyOfTheDataVotesForNobodyTest {
    static final String POLL = "quy-che";
    static final int PER_KIND = 6;

    @TempDir
    Path dir;
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private final SecureRandom random = new SecureRandom();

    @Test
    void nothingInACopyOfTheDataOrOfTheDataDirectoryCastsForASlipNobodyUsed() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3 * PER_KIND + 2; i++) names.add("Người Sao Chép " + (i + 1));
        List<String> unusedSecrets = new ArrayList<>(); // slips in their holders' hands, not yet used in the poll
        Set<String> realSecrets = new LinkedHashSet<>();
        List<Path> copies = new ArrayList<>();
        ThreePollMeeting m = ThreePollMeeting.start(station, names);
        String meetingId = m.station.meeting().id();
        long issuedBefore;
        try {
            var run = m.station.slips().issue(PER_KIND + 2, "Đợt in trước", m.station.publicBaseUrl());
            for (Slip slip : run.slips()) realSecrets.add(TestSlips.secretOf(slip.url()));
            m.open(POLL);
            for (int i = 0; i < 3 * PER_KIND; i++) {
                String person = m.personId(names.get(i));
                boolean votesNow = i % 2 == 0;
                String secret;
                switch (i / PER_KIND) {
                    case 0 -> {
                        m.station.checkInDesk().handOut(person, POLL, HandOutKind.SLIP);
                        secret = TestSlips.secretOf(run.slips().get(i).url());
                        if (votesNow) castAsThePhone(m.station.ballotBox(), meetingId, secret);
                    }
                    case 1 -> {
                        secret = m.station.checkInDesk().handOut(person, POLL, HandOutKind.QR).ballot().orElseThrow().encodedToken();
                        if (votesNow) castAsThePhone(m.station.ballotBox(), meetingId, secret);
                    }
                    default -> {
                        m.station.checkInDesk().registerKioskVoter(person);
                        secret = m.station.checkInDesk().handOut(person, POLL, HandOutKind.KIOSK).ballot().orElseThrow().encodedToken();
                        // half cast by the kiosk session, which holds the secret; the other half typed the code at a kiosk
                        if (votesNow) m.station.ballotBox().castByShortCode(POLL, Token.decode(secret).shortCode(), ThreePollMeeting.AGREE,
                                ReceiptCode.randomSecret(random));
                    }
                }
                realSecrets.add(secret);
                if (!votesNow) unusedSecrets.add(secret);
            }
            unusedSecrets.add(TestSlips.secretOf(run.slips().get(PER_KIND).url())); // printed, never handed out
            unusedSecrets.add(TestSlips.secretOf(run.slips().get(PER_KIND + 1).url()));
            copies.add(copyOfTheDataDirectory(m.data, "during-the-poll"));
            issuedBefore = m.station.pollStatuses().status(POLL).figures().issued();
        } finally {
            m.close();
        }
        // The restart: a new station on the same data; the desk's pool of the first run was only in its memory.
        m = ThreePollMeeting.open(station);
        try {
            BallotBox box = m.station.ballotBox();
            assertEquals(issuedBefore, m.station.pollStatuses().status(POLL).figures().issued(), "the restart's new pool is not issued");
            assertEquals(2L * PER_KIND + PER_KIND + 2, issuedBefore,
                    "issued = the printed run plus the desk's hand-outs (QR and kiosk), never the desk's pool");
            copies.add(copyOfTheDataDirectory(m.data, "after-the-restart"));
            long castBefore = m.station.pollStatuses().status(POLL).cast();

            Set<String> found = new LinkedHashSet<>();
            for (Path copy : copies) {
                H2ByteCopy file = new H2ByteCopy(Files.readAllBytes(copy.resolve("kioskvote.mv.db")));
                String text = new String(Files.readAllBytes(copy.resolve("kioskvote.mv.db")), StandardCharsets.ISO_8859_1);
                for (String secret : realSecrets) {
                    assertFalse(text.contains(secret), "a slip's secret in the file");
                    assertFalse(text.contains(TestSlips.keyOf(secret)), "a slip's public key in the file");
                    assertFalse(text.contains(HexFormat.of().formatHex(Token.decode(secret).secret())), "a slip's secret in hex in the file");
                    assertFalse(text.contains(Token.decode(secret).shortCode()), "a short code in the file");
                }
                file.hex32.forEach(h -> found.add(h.text()));
                file.hex64.forEach(h -> found.add(h.text()));
            }
            MeetingKey copiedKey = MeetingKey.loadOrCreate(copies.get(0), random); // the key file, copied with the rest
            SlipHashes attackersHashes = SlipHashes.of(copiedKey); // the attacker can compute every keyed hash, and add none

            // Every attempt is made at the station, as many at once as its cores take (each short code costs it a scrypt).
            List<String> codes = found.stream().flatMap(value -> codesFrom(value).stream()).toList();
            int codesTried = codes.size();
            int accepted = (int) codes.parallelStream().filter(code -> acceptedAtAKiosk(box, code)).count();
            int tokensTried = 2 * found.size();
            accepted += (int) found.parallelStream().mapToLong(value -> {
                byte[] bytes = HexFormat.of().parseHex(value);
                // as a slip secret: its slip key signs a cast
                Token asSecret = new Token(java.util.Arrays.copyOf(bytes, Token.SECRET_BYTES));
                boolean asSecretAccepted = castAccepted(box, meetingId, asSecret.slipKey().publicKeyHex(), st -> asSecret.slipKey().sign(st));
                // as a slip public key (a stored id is 32 bytes too): signed with the copied meeting key
                String asKey = HexFormat.of().formatHex(java.util.Arrays.copyOf(bytes, 32));
                return (asSecretAccepted ? 1 : 0) + (castAccepted(box, meetingId, asKey, copiedKey::sign) ? 1 : 0);
            }).sum();
            tokensTried++;
            if (castAccepted(box, meetingId, HexFormat.of().formatHex(copiedKey.publicKey()), copiedKey::sign)) accepted++;
            // A key pair of the attacker's own: its keyed hash is computable with the copied key, but not in the station's table.
            Token own = Token.random(random);
            assertEquals(64, attackersHashes.idOf(own).length());
            tokensTried++;
            if (castAccepted(box, meetingId, own.slipKey().publicKeyHex(), s -> own.slipKey().sign(s))) accepted++;

            String report = String.format("copies: %d (H2 file and data directory with the meeting key, during the poll and after a restart);"
                    + " %d distinct hex strings read from them; %d short codes tried at the kiosk (first 50 bits, with and without check"
                    + " characters, and as typed); %d signed casts tried (each string as a slip secret, as a slip key signed with the"
                    + " copied meeting key, the meeting key itself, a key of the attacker's own); accepted: %d%n",
                    copies.size(), found.size(), codesTried, tokensTried, accepted);
            System.out.print(report);
            Files.writeString(Path.of("target", "copy-votes-for-nobody.txt"), report);
            assertEquals(0, accepted, report);
            assertEquals(castBefore, m.station.pollStatuses().status(POLL).cast(), "nothing was cast by the attempts");

            // Meanwhile every unused slip still votes for its holder, after the restart too.
            for (String secret : unusedSecrets) castAsThePhone(box, meetingId, secret);
            assertEquals(castBefore + unusedSecrets.size(), m.station.pollStatuses().status(POLL).cast());
        } finally {
            m.close();
        }
    }

    private void castAsThePhone(BallotBox box, String meetingId, String secret) {
        String receipt = ReceiptCode.randomSecret(random);
        box.castSigned(POLL, TestSlips.keyOf(secret), TestSlips.sign(secret, meetingId, POLL, ThreePollMeeting.AGREE, receipt),
                ThreePollMeeting.AGREE, receipt);
    }

    private boolean castAccepted(BallotBox box, String meetingId, String publicKeyHex, java.util.function.Function<byte[], byte[]> signer) {
        String receipt = ReceiptCode.randomSecret(random);
        String signature = HexFormat.of().formatHex(signer.apply(CastStatement.of(meetingId, POLL, ThreePollMeeting.AGREE, receipt)));
        try {
            box.castSigned(POLL, publicKeyHex, signature, ThreePollMeeting.AGREE, receipt);
            return true;
        } catch (TokenRejected refused) {
            return false;
        }
    }

    private static boolean acceptedAtAKiosk(BallotBox box, String code) {
        try {
            box.checkShortCode(POLL, code);
            return true;
        } catch (TokenRejected refused) {
            return false;
        }
    }

    /** The string as typed, its first 50 bits as the old code (no check character) and as a code with its check characters. */
    static List<String> codesFrom(String hex) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long bits = Long.parseUnsignedLong(hex.substring(0, 14), 16) >>> 6;
        char[] data = new char[10];
        for (int i = 9; i >= 0; i--) {
            data[i] = alphabet.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        String g1 = new String(data, 0, 5);
        String g2 = new String(data, 5, 5);
        // the check characters, found as a typist with the station's answers would: the ones it does not call a typo
        char c1 = '?';
        for (char c : alphabet.toCharArray()) if (!ShortCode.read(g1 + c + "-" + g2 + "0").wrongGroups().contains(1)) c1 = c;
        char c2 = '?';
        for (char c : alphabet.toCharArray()) if (!ShortCode.read(g1 + c1 + "-" + g2 + c).wrongGroups().contains(2)) c2 = c;
        String withChecks = g1 + c1 + "-" + g2 + c2;
        assertTrue(ShortCode.normalize(withChecks).isPresent(), withChecks);
        List<String> codes = new ArrayList<>(List.of(hex, g1 + "-" + g2));
        codes.add(withChecks);
        return codes;
    }

    private Path copyOfTheDataDirectory(Path data, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy-" + name));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(data.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return copy;
    }
}
