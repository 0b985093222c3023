package kioskvote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code kioskvote} command run to completion in a JVM of its own ({@code verify}, {@code slips}, a {@code serve}
 * that must refuse to start…): where the exit code and what a person reads on the terminal are the point. A station
 * that keeps serving comes from {@link StationExtension#process}.
 */
public final class StationCommand {
    private StationCommand() {
    }

    /** The command's exit code and everything it printed (standard output and error, interleaved). */
    public record Result(int exitCode, String output) {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /** With options for its JVM before the class path ({@code -Xmx64m}: a small heap is the point of the test). */
    public static Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "kioskvote.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }
}
