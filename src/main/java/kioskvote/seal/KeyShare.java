package kioskvote.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One counting-committee member's share of a poll's ballot-box private key (Shamir, k of n).
 * It carries the box's fingerprint (so a share of another poll is refused at once), the threshold,
 * its index (1…n, so a card given twice is noticed) and the 32 share bytes. Its {@link #code()} is
 * what the card prints and its QR code holds; {@link #parse} reads it back, refusing a mistyped code.
 */
public final class KeyShare {
    private static final byte[] CHECKSUM_LABEL = "kioskvote key share v1".getBytes(StandardCharsets.US_ASCII);

    private final int boxFingerprint;
    private final int threshold;
    private final int index;
    /**
     * Outside the Java heap: a card not yet dealt may wait minutes, and the collector moves heap arrays, leaving
     * copies behind that nothing can zero; a direct buffer stays where it is and is zeroed by {@link #wipe()}.
     */
    private final ByteBuffer share = ByteBuffer.allocateDirect(BoxCipher.KEY_BYTES);

    KeyShare(int boxFingerprint, int threshold, int index, byte[] share) {
        if (threshold < 1 || threshold > 255) throw new IllegalArgumentException("threshold out of range");
        if (index < 1 || index > 255) throw new IllegalArgumentException("index out of range");
        if (share.length != BoxCipher.KEY_BYTES) throw new IllegalArgumentException("a share is 32 bytes");
        this.boxFingerprint = boxFingerprint;
        this.threshold = threshold;
        this.index = index;
        this.share.put(0, share);
    }

    /** Reads a typed or scanned code; throws {@link ShareRejected} (MALFORMED, CHECK_CHARACTER, CHECKSUM). */
    public static KeyShare parse(CharSequence code) {
        byte[] payload = ShareCode.decode(code);
        try {
            byte[] body = Arrays.copyOf(payload, PAYLOAD_BODY);
            byte[] sum = Arrays.copyOfRange(payload, PAYLOAD_BODY, ShareCode.PAYLOAD_BYTES);
            if (!MessageDigest.isEqual(sum, checksum(body))) {
                throw ShareRejected.of(ShareRejected.Reason.CHECKSUM, "the code's checksum does not match");
            }
            ByteBuffer in = ByteBuffer.wrap(body);
            int fingerprint = in.getInt();
            int threshold = in.get() & 0xFF;
            int index = in.get() & 0xFF;
            byte[] share = new byte[BoxCipher.KEY_BYTES];
            in.get(share);
            if (threshold < 1 || index < 1) throw ShareRejected.of(ShareRejected.Reason.MALFORMED, "no such share");
            KeyShare parsed = new KeyShare(fingerprint, threshold, index, share);
            Arrays.fill(share, (byte) 0);
            Arrays.fill(body, (byte) 0);
            return parsed;
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static final int PAYLOAD_BODY = 4 + 1 + 1 + BoxCipher.KEY_BYTES;

    /**
     * An immutable copy of {@link #cardText()}, which the station never makes (it cannot be wiped): for tests and
     * tools outside the station.
     */
    public String code() {
        try (CardText text = cardText()) {
            return text.unwipeableCopy();
        }
    }

    /** The typeable code (and QR payload): 16 groups of five symbols, dash-separated; the caller wipes it. */
    public CardText cardText() {
        ByteBuffer body = ByteBuffer.allocate(PAYLOAD_BODY);
        byte[] bytes = shareBytes();
        body.putInt(boxFingerprint).put((byte) threshold).put((byte) index).put(bytes);
        Arrays.fill(bytes, (byte) 0);
        byte[] payload = Arrays.copyOf(body.array(), ShareCode.PAYLOAD_BYTES);
        System.arraycopy(checksum(body.array()), 0, payload, PAYLOAD_BODY, 2);
        try {
            return ShareCode.encode(payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
            Arrays.fill(body.array(), (byte) 0);
        }
    }

    private static byte[] checksum(byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CHECKSUM_LABEL);
            return Arrays.copyOf(sha.digest(body), 2);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public int boxFingerprint() {
        return boxFingerprint;
    }

    public int threshold() {
        return threshold;
    }

    /** 1…n: the card's number, printed on it ("card 2 of 3"). */
    public int index() {
        return index;
    }

    /** A copy of the share bytes; the caller zeroes it. */
    byte[] shareBytes() {
        byte[] bytes = new byte[BoxCipher.KEY_BYTES];
        share.get(0, bytes);
        return bytes;
    }

    /** Zeroes the share bytes this object holds. */
    public void wipe() {
        for (int i = 0; i < BoxCipher.KEY_BYTES; i++) share.put(i, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyShare k && k.boxFingerprint == boxFingerprint && k.threshold == threshold && k.index == index
                && sameShare(k);
    }

    private boolean sameShare(KeyShare other) {
        byte[] mine = shareBytes();
        byte[] theirs = other.shareBytes();
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    @Override
    public int hashCode() {
        return 31 * boxFingerprint + index;
    }

    @Override
    public String toString() {
        return "KeyShare[box " + String.format("%08X", boxFingerprint) + ", " + index + " of threshold " + threshold + "]"; // never the bytes
    }
}
