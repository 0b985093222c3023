package kioskvote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files of a {@link StationExtension}'s station: its meeting folder copied in, its temporary folders removed. */
final class StationFolders {
    private StationFolders() {
    }

    /** Copies the files of {@code from} (not its sub-folders) into {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the station's temporary files " + root, e);
        }
    }
}
