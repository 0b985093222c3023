package kioskvote.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The admin passphrase: generated once (five words of digits and letters), stored only as a salted PBKDF2 hash. */
public final class Passphrase {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: read aloud and typed
    private static final int ITERATIONS = 120_000;

    private Passphrase() {
    }

    /** 20 random characters in groups of four: 100 bits, easy to copy from a terminal. */
    public static String generate(SecureRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) out.append('-');
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    public static String newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static String hash(String passphrase, String saltHex) {
        try {
            var spec = new PBEKeySpec(passphrase.toCharArray(), HexFormat.of().parseHex(saltHex), ITERATIONS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is in every Java runtime", e);
        }
    }

    /** Constant-time comparison of the stored hash and the hash of the attempt. */
    public static boolean matches(String attempt, String saltHex, String expectedHashHex) {
        byte[] actual = HexFormat.of().parseHex(hash(attempt, saltHex));
        return MessageDigest.isEqual(actual, HexFormat.of().parseHex(expectedHashHex));
    }
}
