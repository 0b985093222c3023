package kioskvote.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 and count of a text file fed one line at a time (each line ends with "\n"), as the record writes it. */
public final class LinesDigest {
    private final MessageDigest digest;
    private long lines;

    public LinesDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public LinesDigest add(String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        lines++;
        return this;
    }

    /** Bytes that are not a line of their own (a header already ending in "\n"). */
    public LinesDigest addText(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public long lines() {
        return lines;
    }

    /** The hash as lowercase hex; the digest is spent afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
