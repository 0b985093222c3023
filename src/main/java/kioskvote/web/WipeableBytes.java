package kioskvote.web;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A request body as RequestBodyGate collects it, zeroed once copied out: the count's key cards come this way
 * (docs/security.md, "Memory"). Growing leaves the smaller arrays behind unzeroed; a count's body fits the first.
 */
final class WipeableBytes extends ByteArrayOutputStream {
    WipeableBytes() {
        super(4096);
    }

    /** Zeroes what was collected, and the reader's chunk buffer with it. */
    void wipe(byte[] chunk) {
        Arrays.fill(buf, (byte) 0);
        Arrays.fill(chunk, (byte) 0);
    }
}
