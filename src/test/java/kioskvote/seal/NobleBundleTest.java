package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The crypto the ballot pages run is the pinned bundle bundle/build makes from package-lock.json:
 * the file the jar serves must be the one whose hash is recorded beside the build script, so a
 * change to it is a reviewed change to bundle/noble.js.sha256 (and reproducible with bundle/build --check).
 */
class NobleBundleTest {

    @Test
    void theServedBundleIsTheOneWhoseHashIsRecorded() throws Exception {
        byte[] served;
        try (InputStream in = NobleBundleTest.class.getResourceAsStream("/public/vendor/noble.js")) {
            assertNotNull(in, "public/vendor/noble.js is in the jar");
            served = in.readAllBytes();
        }
        String recorded = Files.readString(Path.of("bundle/noble.js.sha256")).strip();
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
        assertEquals(recorded, actual, "SHA-256 of public/vendor/noble.js; rebuild with bundle/build");
    }

    @Test
    void theBundleLoadsNothingFromOutsideTheStation() throws Exception {
        String text;
        try (InputStream in = NobleBundleTest.class.getResourceAsStream("/public/vendor/noble.js")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String reach : new String[] {"import(", "fetch(", "XMLHttpRequest", "http://", "https://"}) {
            assertFalse(text.contains(reach), "noble.js contains " + reach);
        }
    }
}
