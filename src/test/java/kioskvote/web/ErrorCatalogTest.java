package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kioskvote.admin.AccessRefused;
import kioskvote.kiosk.KioskRejected;
import kioskvote.poll.PollRejected;
import kioskvote.roster.RosterRejected;
import kioskvote.text.Language;
import kioskvote.text.Refusal;
import kioskvote.text.Refused;
import kioskvote.text.Texts;
import kioskvote.token.TokenRejected;

class ErrorCatalogTest {
    private static final Texts VI = Texts.of(Language.VI);
    private static final Texts EN = Texts.of(Language.EN);

    @Test
    void everyRefusalCodeHasAStatusAndAMessageInBothLanguagesNamingItsValues() throws Exception {
        List<Refusal.Code> codes = refusalCodes();
        assertTrue(codes.size() >= 40, "found the refusal types: " + codes.size());
        Map<String, Refusal.Code> seen = new HashMap<>();
        for (Refusal.Code code : codes) {
            Refusal.Code other = seen.put(code.code(), code);
            assertTrue(other == null, code.code() + " is the code of two refusals: " + other + " and " + code);
            assertTrue(ErrorCatalog.codes().contains(code.code()), "no HTTP status for " + code.code());
            String key = "error." + code.code();
            assertTrue(VI.has(key) && EN.has(key), "no vi/en message for " + code.code());
            assertEquals(Set.copyOf(code.parameters()), Texts.placeholders(VI.get(key)), "values named by the vi " + key);
            assertEquals(Set.copyOf(code.parameters()), Texts.placeholders(EN.get(key)), "values named by the en " + key);
        }
    }

    @Test
    void everyCodeOfTheCatalogueHasAMessageAndEveryMessageACode() {
        for (String code : ErrorCatalog.codes()) {
            assertTrue(VI.has("error." + code) && EN.has("error." + code), "no vi/en message for " + code);
            int status = ErrorCatalog.of(refusal(code)).status();
            assertTrue(status >= 400 && status < 600, code + " answers " + status);
        }
        Set<String> pages = Set.of("title", "help", "back");
        for (String key : VI.keys()) {
            String[] parts = key.split("\\.");
            if (!parts[0].equals("error") || pages.contains(parts[1])) continue;
            assertTrue(ErrorCatalog.codes().contains(parts[1]), key + " is the message of no code");
        }
    }

    @Test
    void aRefusalIsAnsweredWithItsStatusCodeAndBothMessages() {
        ApiError used = ErrorCatalog.of(new TokenRejected(TokenRejected.Reason.ALREADY_USED));
        assertEquals(new ApiError(409, "token_already_used", "Phiếu này đã được dùng để bỏ phiếu — hãy đến bàn Ban kiểm phiếu.",
                "Someone used this slip to vote — go to the counting committee's desk."), used);
        ApiError quorum = ErrorCatalog.of(PollRejected.quorumNotMet(1500, 3000));
        assertEquals("quorum_not_met", quorum.code());
        assertEquals("Số người có mặt (1500/3000) chưa đủ 2/3 số người được triệu tập. Xác nhận nếu vẫn muốn mở bỏ phiếu.", quorum.vi());
        assertEquals("Present (1500 of 3000) is below two thirds of those summoned. Confirm to open the poll anyway.", quorum.en());
        ApiError busy = ErrorCatalog.of(new KioskRejected(KioskRejected.Code.KIOSK_BUSY, "phong-1"));
        assertEquals("Kiosk phong-1 is still waiting for another voter. Choose another kiosk or wait.", busy.en());
        assertEquals(new ApiError(429, "too_many_attempts", "Nhập sai mật khẩu quá nhiều lần. Thử lại sau 30 giây.",
                "Too many wrong passphrases. Try again in 30 seconds."), ErrorCatalog.of(AccessRefused.tooManyAttempts(30)));
        assertEquals("The field \"token\" is missing.", ErrorCatalog.of(BadRequest.missing("token")).en());
        assertEquals(413, ErrorCatalog.of(BadRequest.tooLarge()).status());
        assertEquals("The roster file cannot be read. The file is empty.", ErrorCatalog.of(RosterRejected.badCsv("The file is empty.")).en());
        assertEquals(new ApiError(503, "try_again", "Máy chủ đang bận, phiếu CHƯA được ghi nhận. Vui lòng thử lại.",
                "The station is busy; the ballot was NOT recorded. Please try again."), ErrorCatalog.unavailable());
    }

    /** Every enum of codes of every refusal type: the classes in src/main/java that extend Refused. */
    private static List<Refusal.Code> refusalCodes() throws IOException, ClassNotFoundException {
        List<Refusal.Code> codes = new ArrayList<>();
        Path root = Path.of("src/main/java");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Set<String> types = new TreeSet<>();
        for (Path source : sources) {
            if (!Files.readString(source).contains(" extends Refused ")) continue;
            String name = root.relativize(source).toString().replace(".java", "").replace('/', '.').replace('\\', '.');
            Class<?> type = Class.forName(name);
            assertTrue(Refused.class.isAssignableFrom(type), name);
            types.add(type.getSimpleName());
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (nested.isEnum() && Refusal.Code.class.isAssignableFrom(nested)) {
                    codes.addAll(Arrays.stream(nested.getEnumConstants()).map(Refusal.Code.class::cast).toList());
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("AccessRefused", "BadRequest", "BallotRejected", "EditRefused", "KioskRejected", "PaperRejected", "PollRejected",
                "RosterRejected", "ShareRefused", "SlipRejected", "TokenRejected")), types);
        return codes;
    }

    private static Refusal refusal(String code) {
        return new Refusal() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public Map<String, Object> args() {
                return Map.of();
            }
        };
    }
}
