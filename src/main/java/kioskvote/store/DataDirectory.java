package kioskvote.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory: it must exist (it is created if missing) and be writable before anything is opened
 * in it, and it is private. Its permissions: the directory 0700 and every file in it (the H2 database, its trace
 * log, the key files) 0600, whatever the umask the station was started with. Java cannot set the process
 * umask, so the station sets the modes itself, before H2 opens the database and again right after (H2
 * creates its files with the umask's modes, inside the directory that is already 0700), at every start,
 * which also fixes a directory or files left open by an earlier version. The trace log is created 0600
 * before H2 first writes to it (H2 appends to an existing file).
 */
public final class DataDirectory {
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** H2's log of errors, beside the database file. */
    public static final String TRACE_FILE = "kioskvote.trace.db";

    private DataDirectory() {
    }

    /** Creates the directory if needed and proves it writable; otherwise one sentence saying what is wrong and what to do. */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix") && !Files.exists(absolute)) {
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            } else {
                Files.createDirectories(absolute);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + absolute + " (" + reason(e)
                    + "); create it, or choose another with --data");
        }
        try {
            Path probe = Files.createTempFile(absolute, ".kioskvote-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalStateException("the data directory " + absolute + " is not writable (" + reason(e)
                    + "); the station must store ballots there. Make it writable, or choose another with --data");
        }
        return dir;
    }

    /** @param h2 the database is the H2 file in this directory: its trace log is created 0600 ahead of H2 */
    public static void secure(Path dir, boolean h2) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return; // Windows: the profile's ACL
        try {
            if (!Files.exists(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            Path trace = dir.resolve(TRACE_FILE);
            if (h2 && !Files.exists(trace)) Files.createFile(trace, PosixFilePermissions.asFileAttribute(FILE_MODE));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && !Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
                        Files.setPosixFilePermissions(file, FILE_MODE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir + " private to its owner", e);
        }
    }

    /**
     * Makes an H2 database's own files ({@code base}.mv.db, .trace.db…) 0600 again, after H2 rewrote them with
     * the umask's mode (the compaction after a count); the directory itself is already private.
     */
    static void secureFilesOf(Path base) {
        Path dir = base.getParent();
        if (dir == null || !dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        String prefix = base.getFileName() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(prefix) && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
                    Files.setPosixFilePermissions(file, FILE_MODE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the database files in " + dir + " private to their owner", e);
        }
    }

    /** Creates (or truncates) a file readable by its owner only, e.g. a sheet of slips, each of which can vote. */
    public static Path createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            if (!Files.exists(file)) Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
        return file;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase();
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
