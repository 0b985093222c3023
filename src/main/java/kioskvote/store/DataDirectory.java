package kioskvote.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data directory must exist (it is created if missing) and be writable before anything is opened in it. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** Creates the directory if needed and proves it writable; otherwise one sentence saying what is wrong and what to do. */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
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

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase();
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
