package kioskvote.ballot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ("forcecount:" before a file path in the JDBC URL) that counts the writes to the database
 * file and the forces (FileChannel.force, what reaches the disk's stable storage), in one sequence, so a test can
 * tell whether everything written before a moment had been forced by then.
 */
public final class ForceCountingFiles extends FilePathWrapper {
    static final AtomicLong SEQUENCE = new AtomicLong();
    static final AtomicLong WRITES = new AtomicLong();
    static final AtomicLong FORCES = new AtomicLong();
    /** Sequence number of the last write and the last force. */
    static final AtomicLong LAST_WRITE = new AtomicLong();
    static final AtomicLong LAST_FORCE = new AtomicLong();
    /** Runs at the start of every force (a test holds a force there); does nothing unless a test sets it. */
    static volatile Runnable beforeForce = () -> { };

    static {
        FilePath.register(new ForceCountingFiles());
    }

    static void install() {
        // the static block registers the scheme once
    }

    @Override
    public String getScheme() {
        return "forcecount";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Counting(super.open(mode));
    }

    /** True if nothing was written to the file since the last force. */
    static boolean everythingWrittenIsForced() {
        return LAST_FORCE.get() > LAST_WRITE.get();
    }

    private static final class Counting extends FileChannel {
        private final FileChannel file;

        Counting(FileChannel file) {
            this.file = file;
        }

        private static void wrote() {
            WRITES.incrementAndGet();
            LAST_WRITE.set(SEQUENCE.incrementAndGet());
        }

        @Override
        public void force(boolean metaData) throws IOException {
            beforeForce.run();
            long seq = SEQUENCE.incrementAndGet(); // numbered before: a write racing with it counts as after
            file.force(metaData);
            FORCES.incrementAndGet();
            LAST_FORCE.accumulateAndGet(seq, Math::max);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = file.write(src);
            wrote();
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = file.write(srcs, offset, length);
            wrote();
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = file.write(src, position);
            wrote();
            return n;
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            long n = file.transferFrom(src, position, count);
            wrote();
            return n;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            wrote();
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
