package kioskvote.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.HandOutKind;
import kioskvote.store.Database;
import kioskvote.token.ShortCode;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * A database written by the previous version (V3: short codes in clear, hand-outs per person and poll) is
 * converted at the first start with the meeting key: serials to the stored ids of the slips whose secret they
 * are, codes to slow keyed hashes, hand-outs to one holder per person, the old tables dropped. Slips printed
 * before carry a token and a code the station no longer reads (they must be printed again, docs/security.md);
 * the converted rows answer to the codes derived from their old serials, and a voided one stays voided.
 */
class UpgradeFromV3Test {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    @Test
    void aV3DatabaseIsConvertedAndItsSlipsStillVoteByShortCode() throws Exception {
        Path config = station.configDir();
        Files.writeString(config.resolve(MeetingLoader.FILE_NAME), ThreePollMeeting.MEETING_YAML.formatted(2, ThreePollMeeting.PASSPHRASE));
        Path data = Files.createDirectories(station.dataDir());
        String url = Database.h2Url(data);
        Flyway.configure().dataSource(url, "kioskvote", "").locations("classpath:db/migration").target("3").load().migrate();
        byte[] good = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] lost = HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100");
        try (Connection db = DriverManager.getConnection(url, "kioskvote", "")) {
            db.createStatement().execute("INSERT INTO slip_batch VALUES ('b1', 'Đợt 1', 2, '2026-12-10T08:00:00+07:00')");
            db.createStatement().execute("INSERT INTO issued_token VALUES ('" + HexFormat.of().formatHex(good) + "', '"
                    + "K7QM3-XTA9P" + "', 'b1', FALSE)"); // a code of the old format
            db.createStatement().execute("INSERT INTO issued_token VALUES ('" + HexFormat.of().formatHex(lost) + "', '"
                    + "ABCDE-FGHJK" + "', 'b1', TRUE)");
            db.createStatement().execute("INSERT INTO roster_person VALUES ('p1', 'Đinh Thị Nga', 'Phòng 1', 'dinh thi nga', TRUE)");
            db.createStatement().execute("INSERT INTO ballot_handout VALUES ('p1', 'quy-che', 'QR', 1, FALSE)");
        }

        try (ThreePollMeeting m = ThreePollMeeting.open(station)) {
            m.open("quy-che");
            assertEquals(m.station.slips().storedIdOf(new Token(good)), m.station.ballotBox().checkShortCode("quy-che", new Token(good).shortCode()));
            TokenRejected voided = org.junit.jupiter.api.Assertions.assertThrows(TokenRejected.class,
                    () -> m.station.ballotBox().checkShortCode("quy-che", new Token(lost).shortCode()));
            assertEquals(TokenRejected.Reason.MALFORMED, org.junit.jupiter.api.Assertions.assertThrows(TokenRejected.class,
                    () -> m.station.ballotBox().checkShortCode("quy-che", "K7QM3-XTA9P")).reason(), "an old code is no code now");
            assertEquals(TokenRejected.Reason.VOIDED, voided.reason());
            assertEquals(HandOutKind.QR, m.station.roster().person("p1").ballotKind().orElseThrow(), "she still holds her ballot");
            assertEquals(1, m.station.pollStatuses().status("quy-che").figures().handedOut());
        }
        try (Connection db = DriverManager.getConnection(url, "kioskvote", "");
             ResultSet tables = db.createStatement().executeQuery("SELECT LOWER(table_name) FROM information_schema.tables")) {
            StringBuilder names = new StringBuilder();
            while (tables.next()) names.append(tables.getString(1)).append(' ');
            assertFalse(names.toString().contains("issued_token_v3"), names.toString());
            assertFalse(names.toString().contains("ballot_handout"), names.toString());
            try (ResultSet codes = db.createStatement().executeQuery("SELECT code_mac, serial FROM issued_token")) {
                while (codes.next()) {
                    assertTrue(codes.getString(1).matches("[0-9a-f]{64}"), "a keyed hash, not the code");
                    assertTrue(codes.getString(2).matches("[0-9a-f]{64}"), "a stored id, not the serial in clear");
                }
            }
        }
    }
}
