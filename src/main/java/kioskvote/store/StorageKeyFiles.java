package kioskvote.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The storage keys of the embedded H2 station: one small file per sealed poll in the data directory
 * (0600, like the database), written and forced before the poll opens. Destroying one overwrites it with
 * zeros, forces that, then removes it — the H2 file itself is never rewritten. (A copy-on-write file
 * system or an SSD may still keep the old block; docs/security.md says what that means.)
 */
public final class StorageKeyFiles implements StorageKeys {
    private static final String PREFIX = "box-storage-";

    private final Path dir;

    public StorageKeyFiles(Path dir) {
        this.dir = dir;
    }

    /** The file of a box: named by a hash of its name, so any poll id makes a safe file name. */
    Path fileOf(String box) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(box.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        String name = HexFormat.of().formatHex(digest, 0, 16);
        return dir.resolve(PREFIX + name + ".key");
    }

    @Override
    public void keep(String box, byte[] key) {
        Path file = fileOf(box);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            DataDirectory.createOwnerOnly(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the ballot box's storage key in " + dir, e);
        }
    }

    @Override
    public Optional<byte[]> find(String box) {
        try {
            return Optional.of(Files.readAllBytes(fileOf(box)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ballot box's storage key in " + dir, e);
        }
    }

    @Override
    public void destroy(String box) {
        Path file = fileOf(box);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            channel.write(ByteBuffer.allocate((int) Math.min(size, 4096)), 0);
            channel.force(true);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy the ballot box's storage key in " + dir, e);
        }
        try {
            Files.deleteIfExists(file);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the ballot box's storage key in " + dir, e);
        }
    }

    @Override
    public boolean destroysForGood() {
        return true;
    }

    /** The directory's entry for a new or removed file is on disk too (POSIX; a no-op where a directory cannot be opened). */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory: its file system journals the entry itself.
        }
    }
}
