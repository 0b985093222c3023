package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kioskvote.StationExtension;
import kioskvote.e2e.BoxKeyTamperer.SignedKey;
import kioskvote.record.VerifyCommand;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxKeyPair;
import kioskvote.store.Database;

/**
 * The sealed box's key swapped in the station's database, as whoever can write it would (docs/security.md, "What it
 * promises"): to read the ballots sealed afterwards, reseal them to the real key and put that back. Every sealing
 * refuses a key the meeting key did not sign for this poll (and nothing is spent), the count refuses to open for one,
 * and a record whose commitment names one fails `verify` at step 6. On the embedded H2 file (the running station's
 * database edited, and a copy of the file edited and put back while the station is stopped) and, in the subclass,
 * on PostgreSQL through the administrator's own connection.
 */
class BoxKeySwapTest {
    static final String POLL = "tin-nhiem";
    static final String OTHER = "bo-phieu-tin-nhiem"; // another sealed poll: its key is signed, for its own context

    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    interface AsAdministrator {
        void run(Connection c) throws SQLException;
    }

    /**
     * On the running station's database. The embedded H2 file is locked by the station's process, so there whoever
     * administers it works through that process (a console, a debugger): its own connection pool. PostgreSQL
     * overrides this with a connection of its own.
     */
    void asAdministrator(StationExtension station, Optional<String> url, AsAdministrator work) throws SQLException {
        try (var handle = station.station().jdbi().open()) {
            work.run(handle.getConnection());
        }
    }

    @Test
    void aBoxKeySwappedInTheRunningStationsDatabaseIsRefusedBySealingTheCountAndVerify() throws Exception {
        Optional<String> url = Database.isPostgres(station.jdbcUrl()) ? Optional.of(station.jdbcUrl()) : Optional.empty();
        SignedKey attackers = attackersKey();
        station.start();
        Api api = station.api();
        List<String> tokens = api.issueTokens(4);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + OTHER + "/open", Map.of()).status());
        SignedKey[] real = new SignedKey[2];
        asAdministrator(station, url, c -> {
            real[0] = BoxKeyTamperer.boxKey(c, POLL);
            real[1] = BoxKeyTamperer.boxKey(c, OTHER);
            // Everything that names the box key: the key sealed to, and the commitment the record will carry.
            BoxKeyTamperer.setBoxKey(c, POLL, attackers);
            BoxKeyTamperer.rewriteCommittedBoxKey(c, POLL, attackers.keyHex());
        });
        assertSealingRefused(api, tokens.get(0));
        asAdministrator(station, url, c -> BoxKeyTamperer.setBoxKey(c, POLL, real[1]));
        assertSealingRefused(api, tokens.get(0)); // a key the meeting key did sign, for another poll

        asAdministrator(station, url, c -> BoxKeyTamperer.setBoxKey(c, POLL, real[0])); // the real key back: voting goes on
        assertEquals(200, api.cast(POLL, tokens.get(0), Map.of("s1", List.of("high")), Receipts.random()).status());
        assertEquals(200, api.cast(POLL, tokens.get(1), Map.of("s1", List.of("low")), Receipts.random()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/close", Map.of()).status());

        asAdministrator(station, url, c -> BoxKeyTamperer.setBoxKey(c, POLL, attackers));
        assertEquals("box_key_unsigned", api.unseal(POLL, Api.sharesOf(POLL).enough()).errorCode(), "the count refuses");
        assertEquals("counting", api.get("/api/polls/" + POLL).json().path("phase").asText(), "and nothing was counted");
        asAdministrator(station, url, c -> BoxKeyTamperer.setBoxKey(c, POLL, real[0]));
        assertEquals(200, api.unseal(POLL, Api.sharesOf(POLL).enough()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/show-results", Map.of()).status());

        // The record names the swapped key, as the commitment in the database does; the station signs it.
        Path record = station.dataDir().resolveSibling("record.zip");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(station.url() + "/api/polls/" + POLL + "/record")).build(), java.net.http.HttpResponse.BodyHandlers.ofFile(record));
        assertEquals(200, response.statusCode());
        String out = verify(record);
        assertTrue(out.contains("[6/8] commitment: ") && out.contains("— FAIL") && out.contains("Result: TAMPERED — step 6 failed"), out);
        assertTrue(out.contains("commitment.txt line 7: the box key " + BallotBoxKey.fromHex(attackers.keyHex()).fingerprintText()
                + " (line 6) is not the one the meeting key signed at the open"), out);
        station.stop();
    }

    @Test
    void aBoxKeySwappedInACopyOfTheH2FilePutBackIsRefusedBySealingAndTheCount() throws Exception {
        assumeTrue(!Database.isPostgres(station.jdbcUrl()), "the embedded H2 file only");
        SignedKey attackers = attackersKey();
        String passphrase;
        List<String> tokens;
        SignedKey real;
        station.start();
        passphrase = station.passphrase();
        Api api = station.api();
        tokens = api.issueTokens(2);
        api.adminPost("/api/admin/present", Map.of("present", 40));
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/open", Map.of()).status());
        station.stop();
        real = editCopyOfTheFile(c -> {
        });
        editCopyOfTheFile(c -> BoxKeyTamperer.setBoxKey(c, POLL, attackers));
        station.start();
        assertSealingRefused(new Api(station.url(), passphrase), tokens.get(0));
        station.stop();
        editCopyOfTheFile(c -> BoxKeyTamperer.setBoxKey(c, POLL, real));
        station.start();
        api = new Api(station.url(), passphrase);
        assertEquals(200, api.cast(POLL, tokens.get(0), Map.of("s1", List.of("high")), Receipts.random()).status());
        assertEquals(200, api.adminPost("/api/admin/polls/" + POLL + "/close", Map.of()).status());
        station.stop();
        editCopyOfTheFile(c -> BoxKeyTamperer.setBoxKey(c, POLL, attackers));
        station.start();
        api = new Api(station.url(), passphrase);
        assertEquals("box_key_unsigned", api.unseal(POLL, Api.sharesOf(POLL).enough()).errorCode(), "the count refuses");
        assertEquals("counting", api.get("/api/polls/" + POLL).json().path("phase").asText());
        station.stop();
        editCopyOfTheFile(c -> BoxKeyTamperer.setBoxKey(c, POLL, real));
        station.start();
        assertEquals(200, new Api(station.url(), passphrase).unseal(POLL, Api.sharesOf(POLL).enough()).status());
        station.stop();
    }

    /** A box key of the attacker's own, with a signature that is not the meeting key's over it. */
    private static SignedKey attackersKey() {
        try (BoxKeyPair pair = BoxKeyPair.generate(new SecureRandom())) {
            return new SignedKey(pair.publicKey().hex(), "00".repeat(64));
        }
    }

    private static void assertSealingRefused(Api api, String token) {
        assertEquals("box_key_unsigned", api.get("/api/polls/" + POLL + "/box").errorCode(), "no page is given the key to seal to");
        assertEquals("box_key_unsigned", api.cast(POLL, token, Map.of("s1", List.of("high")), Receipts.random()).errorCode(),
                "the station does not seal to it either");
        assertEquals(0, api.get("/api/polls/" + POLL).json().path("cast").asInt(), "and nothing was spent");
    }

    /**
     * With the station stopped: the H2 file copied out, edited with the H2 driver, and copied back over the station's
     * (mode 600, as the station keeps it). Answers the poll's box key as it was before the edit.
     */
    private SignedKey editCopyOfTheFile(AsAdministrator edit) throws Exception {
        Path copy = Files.createTempDirectory(station.dataDir(), "copy");
        Path file = station.dataDir().resolve("kioskvote.mv.db");
        Files.copy(file, copy.resolve("kioskvote.mv.db"));
        SignedKey before;
        try (Connection c = DriverManager.getConnection(Database.h2Url(copy), "kioskvote", "")) {
            before = BoxKeyTamperer.boxKey(c, POLL);
            edit.run(c);
        }
        Files.copy(copy.resolve("kioskvote.mv.db"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return before;
    }

    private static String verify(Path record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), record.toString());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(VerifyCommand.TAMPERED, exit, out);
        return out;
    }
}
