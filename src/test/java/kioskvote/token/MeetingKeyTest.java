package kioskvote.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MeetingKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032TestOneDerivesThePublicKeyAndSignsTheEmptyMessage() {
        MeetingKey key = MeetingKey.fromPrivateKey(HEX.parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", HEX.formatHex(key.publicKey()));
        byte[] signature = key.sign(new byte[0]);
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b", HEX.formatHex(signature));
        assertTrue(key.verify(new byte[0], signature));
    }

    @Test
    void rfc8032TestTwoSignsTheOneByteMessage() {
        MeetingKey key = MeetingKey.fromPrivateKey(HEX.parseHex(
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertEquals("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", HEX.formatHex(key.publicKey()));
        byte[] message = {0x72};
        byte[] signature = key.sign(message);
        assertEquals("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
                + "387b2eaeb4302aeeb00d291612bb0c00", HEX.formatHex(signature));
        assertTrue(key.verify(message, signature));
        assertFalse(key.verify(new byte[] {0x73}, signature));
    }

    @Test
    void aSignatureWithOneBitFlippedDoesNotVerify() {
        MeetingKey key = MeetingKey.generate(new SecureRandom());
        byte[] message = "ballot".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        signature[10] ^= 1;
        assertFalse(key.verify(message, signature));
        assertFalse(key.verify(message, new byte[12]));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReloadsToTheSameFingerprint(@TempDir Path dir) throws Exception {
        MeetingKey created = MeetingKey.loadOrCreate(dir, new SecureRandom());
        Path privateFile = dir.resolve(MeetingKey.PRIVATE_KEY_FILE);
        assertTrue(Files.exists(privateFile));
        assertTrue(Files.exists(dir.resolve(MeetingKey.PUBLIC_KEY_FILE)));
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
        }
        MeetingKey reloaded = MeetingKey.loadOrCreate(dir, new SecureRandom());
        assertEquals(created.fingerprint(), reloaded.fingerprint());
        assertArrayEquals(created.publicKey(), reloaded.publicKey());
        assertEquals(HEX.formatHex(created.publicKey()),
                Files.readString(dir.resolve(MeetingKey.PUBLIC_KEY_FILE)).strip());
    }

    @Test
    void aKeyFileOfThirtyTwoRawBytesIsAccepted(@TempDir Path dir) throws Exception {
        byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        Path privateFile = dir.resolve(MeetingKey.PRIVATE_KEY_FILE);
        Files.write(privateFile, seed);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        }
        MeetingKey key = MeetingKey.loadOrCreate(dir, new SecureRandom());
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", HEX.formatHex(key.publicKey()));
    }

    @Test
    void aWorldReadableKeyFileIsRefusedWithTheFileNameAndTheFix(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        MeetingKey.loadOrCreate(dir, new SecureRandom());
        Path privateFile = dir.resolve(MeetingKey.PRIVATE_KEY_FILE);
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MeetingKey.loadOrCreate(dir, new SecureRandom()));
        assertTrue(refused.getMessage().contains(privateFile.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void aPublicKeyFileThatDoesNotMatchIsRefused(@TempDir Path dir) throws Exception {
        MeetingKey.loadOrCreate(dir, new SecureRandom());
        Files.writeString(dir.resolve(MeetingKey.PUBLIC_KEY_FILE), "00".repeat(32));
        assertThrows(IllegalStateException.class, () -> MeetingKey.loadOrCreate(dir, new SecureRandom()));
    }

    @Test
    void theFingerprintIsEightGroupsOfFourUppercaseHexDigits() {
        MeetingKey key = MeetingKey.generate(new SecureRandom());
        assertTrue(key.fingerprint().matches("[0-9A-F]{4}( [0-9A-F]{4}){7}"), key.fingerprint());
    }

    @Test
    void toStringShowsTheFingerprintButNoKeyBytes() {
        MeetingKey key = MeetingKey.fromPrivateKey(HEX.parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        String text = key.toString().toLowerCase();
        assertFalse(text.contains("9d61b19d"));
        assertFalse(text.contains("d75a9801"));
        assertTrue(key.toString().contains(key.fingerprint()));
    }
}
