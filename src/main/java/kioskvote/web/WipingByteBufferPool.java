package kioskvote.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.LogarithmicArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBufferPool;

/**
 * Jetty's buffer pool (the one it makes by default), but every buffer given back is zeroed first. Jetty reads each
 * request and writes each answer through pooled buffers and reuses them without clearing them, so a card page
 * or the cards typed at the count stayed in a pooled native buffer until some later request happened to overwrite
 * it (docs/security.md, "Memory"; e2e/CardMemoryScanTest). Zeroing a few kilobytes per request costs little
 * beside the request itself. Installed as the server's pool in Routes.create, before Jetty makes its connector.
 */
final class WipingByteBufferPool implements ByteBufferPool {
    private static final byte[] ZEROS = new byte[4096];

    private final ByteBufferPool pool = new LogarithmicArrayByteBufferPool();
    private final RetainableByteBufferPool retainable = RetainableByteBufferPool.from(this); // requests' buffers, also given back here

    @Override
    public ByteBuffer acquire(int size, boolean direct) {
        return pool.acquire(size, direct);
    }

    @Override
    public void release(ByteBuffer buffer) {
        wipe(buffer);
        pool.release(buffer);
    }

    @Override
    public void remove(ByteBuffer buffer) {
        wipe(buffer);
        pool.remove(buffer);
    }

    @Override
    public ByteBuffer newByteBuffer(int capacity, boolean direct) {
        return pool.newByteBuffer(capacity, direct);
    }

    @Override
    public RetainableByteBufferPool asRetainableByteBufferPool() {
        return retainable;
    }

    /** Overwrites the whole capacity (what was read or written may lie beyond the current limit). */
    static void wipe(ByteBuffer buffer) {
        if (buffer == null || buffer.isReadOnly()) return;
        ByteBuffer all = buffer.duplicate().clear();
        while (all.hasRemaining()) all.put(ZEROS, 0, Math.min(ZEROS.length, all.remaining()));
    }
}
