package kioskvote.token;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The meeting's Ed25519 signing key: whoever holds it can print valid ballot slips.
 * Stored as hex in {@code meeting-key.ed25519} (mode 0600) with the public half in {@code meeting-key.pub}.
 */
public final class MeetingKey {
    public static final String PRIVATE_KEY_FILE = "meeting-key.ed25519";
    public static final String PUBLIC_KEY_FILE = "meeting-key.pub";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private MeetingKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    /** A key from its 32-byte seed (RFC 8032 "secret key"); for tests and imports. */
    public static MeetingKey fromPrivateKey(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, got " + seed.length);
        }
        return new MeetingKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** A fresh key that is never written to disk (tests, dry runs). */
    public static MeetingKey generate(SecureRandom random) {
        return new MeetingKey(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /**
     * Loads the meeting key from {@code dataDir}, creating it on first use. Refuses a private key file
     * that other users can read, since anyone who reads it can forge ballot slips.
     */
    public static MeetingKey loadOrCreate(Path dataDir, SecureRandom random) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(random, "random");
        Path privateFile = dataDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dataDir.resolve(PUBLIC_KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            MeetingKey key;
            if (Files.exists(privateFile)) {
                key = load(privateFile);
            } else {
                key = generate(random);
                try {
                    writeOwnerOnly(privateFile, key.privateKey.getEncoded());
                } catch (FileAlreadyExistsException raced) {
                    key = load(privateFile); // another process created it first: use theirs
                }
            }
            writeOrCheckPublicKey(publicFile, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the meeting key in " + dataDir, e);
        }
    }

    private static MeetingKey load(Path privateFile) throws IOException {
        refuseIfOthersCanRead(privateFile);
        byte[] raw = Files.readAllBytes(privateFile);
        byte[] seed = parseKeyFile(raw, privateFile);
        try {
            return fromPrivateKey(seed);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** Accepts 32 raw bytes, or 64 hex digits with optional surrounding whitespace. */
    private static byte[] parseKeyFile(byte[] raw, Path file) {
        if (raw.length == Ed25519PrivateKeyParameters.KEY_SIZE) {
            return raw.clone();
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (text.length() == 2 * Ed25519PrivateKeyParameters.KEY_SIZE) {
            try {
                return HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException notHex) {
                // fall through to the message below, without echoing the key material
            }
        }
        throw new IllegalStateException("meeting key file " + file
                + " is not a 32-byte Ed25519 key (expected 32 raw bytes or 64 hex digits)");
    }

    /**
     * Stops the start if the private key file in {@code keyDir} is open to other users. Never made 0600
     * silently (as OpenSSH refuses such a key): someone may already have copied it, and whoever holds it
     * signs slips. Called before anything fixes the data directory's modes.
     */
    public static void refuseIfLoose(Path keyDir) {
        Path privateFile = keyDir.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateFile)) return;
        try {
            refuseIfOthersCanRead(privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + privateFile, e);
        }
    }

    private static void refuseIfOthersCanRead(Path privateFile) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(privateFile, PosixFileAttributeView.class);
        if (posix == null) {
            return; // not a POSIX file system (e.g. Windows): rely on the directory's ACL
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
        tooOpen.addAll(permissions);
        tooOpen.retainAll(GROUP_OR_OTHERS);
        if (!tooOpen.isEmpty()) {
            throw new LooseKeyFile("the meeting key file " + privateFile + " is open to other users of this computer ("
                    + PosixFilePermissions.toString(permissions) + "), so someone may already have copied it; whoever holds it "
                    + "can sign ballot slips. Check who could read it (other accounts on this laptop, a shared or synced folder, "
                    + "a backup). If nobody could have, run: chmod 600 " + privateFile + " and start again. If someone may have, "
                    + "do not use this key: before any slip is printed, start the meeting on a new --data directory (a new key); "
                    + "once slips are out, ask the counting committee (docs/security.md).");
        }
    }

    /** The private key file is readable or writable by others: the station does not start. */
    public static final class LooseKeyFile extends IllegalStateException {
        LooseKeyFile(String message) {
            super(message);
        }
    }

    /** Creates the file with mode 0600 from the start, so it is never readable by others, not even briefly. */
    private static void writeOwnerOnly(Path file, byte[] keyBytes) throws IOException {
        byte[] hex = (HexFormat.of().formatHex(keyBytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        try {
            Files.write(file, hex);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file); // never leave an empty key behind
            throw e;
        } finally {
            java.util.Arrays.fill(hex, (byte) 0);
        }
    }

    private static void writeOrCheckPublicKey(Path publicFile, MeetingKey key) throws IOException {
        String expected = HexFormat.of().formatHex(key.publicKey());
        if (Files.exists(publicFile)) {
            String found = Files.readString(publicFile, StandardCharsets.US_ASCII).strip();
            if (!found.equalsIgnoreCase(expected)) {
                throw new IllegalStateException("public key file " + publicFile
                        + " does not match the private key beside it; delete it to have it rewritten");
            }
            return;
        }
        Files.writeString(publicFile, expected + "\n", StandardCharsets.US_ASCII);
    }

    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /**
     * A secret derived from the private key: HMAC-SHA256(seed, label). For keys that must not be stored
     * in the database (KeyedHash); the seed itself never leaves this class.
     */
    byte[] derive(byte[] label) {
        byte[] seed = privateKey.getEncoded();
        try {
            return KeyedHash.hmac(new javax.crypto.spec.SecretKeySpec(seed, "HmacSHA256"), label);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    /**
     * Checks a signature with a public key alone (the election record's manifest, checked by `verify` with
     * no private key at hand). False for a key or signature of the wrong length, never an exception.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || message == null
                || signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** SHA-256 of the public key, first 16 bytes, as "AB12 CD34 …": read aloud and printed on slips and minutes. */
    public String fingerprint() {
        return fingerprintOf(publicKey());
    }

    /** The fingerprint of any Ed25519 public key, in the form {@link #fingerprint()} prints. */
    public static String fingerprintOf(byte[] publicKey) {
        byte[] digest = sha256(publicKey);
        String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
        StringBuilder grouped = new StringBuilder(hex.length() + 7);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) grouped.append(' ');
            grouped.append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MeetingKey[fingerprint=" + fingerprint() + "]";
    }
}
