package kioskvote.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** A small tmpfs mounted for one test (we run as root in CI); the test is skipped, with the reason, where it cannot be mounted. */
final class SmallDisk implements AutoCloseable {
    final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    static SmallDisk mount(String options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kioskvote-disk");
        String why = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
        if (why != null) {
            Files.deleteIfExists(dir);
            Assumptions.abort("cannot mount a tmpfs for this test (" + why.strip() + "); needs root");
        }
        return new SmallDisk(dir);
    }

    void remountReadOnly() throws IOException, InterruptedException {
        String why = run(List.of("mount", "-o", "remount,ro", dir.toString()));
        if (why != null) throw new IllegalStateException("remount read-only failed: " + why);
    }

    long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Writes a file of zeros until only {@code leave} bytes are free (or the disk is full when leave is 0). */
    Path fillLeaving(long leave) throws IOException {
        Path filler = dir.resolve("filler-" + System.nanoTime());
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (usable() > leave + block.length) out.write(block);
            if (leave == 0) {
                for (int i = 0; i < 1024; i++) out.write(block, 0, 1024);
            }
        } catch (IOException full) {
            // ENOSPC: the disk is full, as asked
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", dir.toString()));
        Files.deleteIfExists(dir);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchCommand) {
            return noSuchCommand.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : out;
    }
}
