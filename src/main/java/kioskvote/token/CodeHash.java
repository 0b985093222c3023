package kioskvote.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * How a short code is stored: scrypt (N = 2^11, r = 8, p = 1: 2 MiB and some 5 to 40 ms of one core per code, docs/security.md) of
 * the code, salted with a secret derived from the meeting's private key. A copy of the database alone cannot
 * test a single guess (the salt is in the key file, not the database); a copy of the whole data directory
 * pays scrypt for every guess of 50 bits (docs/security.md, "Slips"). Deterministic, so a typed code is found
 * by equality.
 */
public final class CodeHash {
    static final int COST = 1 << 11;
    private static final int BLOCK = 8;
    private static final int PARALLEL = 1;

    private final byte[] salt;
    private final int cost;

    private CodeHash(byte[] salt, int cost) {
        this.salt = salt;
        this.cost = cost;
    }

    public static CodeHash of(MeetingKey key) {
        return new CodeHash(key.derive("kioskvote-keyed-hash-v1\nshort-code-scrypt".getBytes(StandardCharsets.UTF_8)), COST);
    }

    /** A salt and cost given as is (known-answer tests). */
    static CodeHash ofRawSalt(byte[] salt, int cost) {
        return new CodeHash(salt.clone(), cost);
    }

    /** The stored form of a canonical short code ({@link ShortCode#normalize}), as 64 hex digits. */
    public String hex(String code) {
        byte[] password = code.getBytes(StandardCharsets.US_ASCII);
        try {
            return HexFormat.of().formatHex(SCrypt.generate(password, salt, cost, BLOCK, PARALLEL, 32));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "CodeHash[…]";
    }
}
