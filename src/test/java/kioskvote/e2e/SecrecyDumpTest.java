package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.ProcessTest;
import kioskvote.StationExtension;
import kioskvote.store.Database;

/**
 * After a vote, the whole database is dumped: nothing in it joins a ballot to a token, and the log holds no token.
 * A process of its own so that the log read is everything the station printed, its HTTP server's and libraries' lines
 * on standard error among them, not only what it writes to its own terminal stream.
 */
@ProcessTest
class SecrecyDumpTest {
    @RegisterExtension
    final StationExtension station = StationExtension.process();

    @Test
    void theDatabaseHoldsNothingThatJoinsABallotToAToken() throws Exception {
        List<String> tokens;
        List<String> output;
        Path data = station.dataDir();
        {
            Api api = station.api();
            tokens = api.issueTokens(12);
            api.adminPost("/api/admin/present", Map.of("present", 40));
            api.adminPost("/api/admin/polls/tin-nhiem/open", Map.of());
            for (int i = 0; i < tokens.size(); i++) {
                assertEquals(200, api.cast("tin-nhiem", tokens.get(i), FullConfidenceVoteTest.ballotOf(i), Receipts.random()).status());
            }
            api.cast("tin-nhiem", tokens.get(0), FullConfidenceVoteTest.ballotOf(0), Receipts.random()); // a refused re-use
            output = List.copyOf(station.output());
            station.stop(); // the file, as a copy of it would be taken
        }

        try (Connection db = DriverManager.getConnection(Database.h2Url(data), "kioskvote", "")) {
            assertEquals(Set.of("BALLOT_ID", "POLL_ID", "RECEIPT_CODE", "RECEIPT_PROOF", "ANSWERS_JSON"), columns(db, "BALLOT"),
                    "a ballot row has no token serial, time, address or sequence");
            assertEquals(Set.of("SPENT_ID", "POLL_ID", "SERIAL"), columns(db, "SPENT_TOKEN"), "a spent token has no reference to a ballot");
            assertEquals(Set.of("SEALED_ID", "POLL_ID", "RETRY_PROOF", "CIPHERTEXT"), columns(db, "SEALED_BALLOT"),
                    "a sealed ballot row (the poll is sealed) has nothing readable besides its poll");

            Set<String> serials = new HashSet<>();
            for (String token : tokens) {
                serials.add(kioskvote.token.TestSlips.secretOf(token)); // the secret, in digits
                serials.add(kioskvote.token.TestSlips.keyOf(token)); // the slip's public key
            }
            StringBuilder dump = new StringBuilder(); // the whole database as SQL, as anyone with the file could get it
            try (ResultSet rs = db.createStatement().executeQuery("SCRIPT")) {
                while (rs.next()) dump.append(rs.getString(1)).append('\n');
            }
            assertTrue(dump.toString().contains("\"BALLOT\""), "the dump holds the ballot table");
            List<String> ballotRows = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT * FROM sealed_ballot")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) row.append(rs.getString(c)).append('|');
                    ballotRows.add(row.toString());
                }
            }
            assertEquals(12, ballotRows.size());
            for (String row : ballotRows) {
                for (String serial : serials) assertFalse(row.contains(serial), "a ballot row contains a token serial");
            }
            // H2 stores a table in the order of its row key: for both tables that key must be the random
            // id, not an insertion counter, or spent_token row N would line up with ballot row N.
            for (String[] table : new String[][] {{"sealed_ballot", "sealed_id"}, {"spent_token", "spent_id"}, {"issued_token", "token_id"}}) {
                List<Long> keys = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery("SELECT _ROWID_, " + table[1] + " FROM " + table[0])) {
                    while (rs.next()) {
                        assertEquals(rs.getLong(2), rs.getLong(1), table[0] + " is stored by its random id");
                        keys.add(rs.getLong(2));
                    }
                }
                assertTrue(keys.size() >= 12 && keys.stream().allMatch(k -> k > 1_000_000L), table[0] + " ids are random, not a sequence: " + keys);
            }
            assertEquals(Set.of("TOKEN_ID", "SERIAL", "CODE_MAC", "BATCH_ID", "VOIDED"), columns(db, "ISSUED_TOKEN"),
                    "an issued token has no short code in clear, no person and no time");
            try (ResultSet rs = db.createStatement().executeQuery("SELECT detail FROM audit_event")) {
                while (rs.next()) for (String serial : serials) assertFalse(rs.getString(1).contains(serial));
            }
        }
        String log = String.join("\n", output) + Files.readString(data.resolve("meeting-key.pub"));
        for (String token : tokens) assertFalse(log.contains(token), "a token was printed");
    }

    static Set<String> columns(Connection db, String table) throws Exception {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) names.add(rs.getString("COLUMN_NAME"));
        }
        return names;
    }
}
