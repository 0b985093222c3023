package kioskvote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/ is its own small Maven project (bench/pom.xml), built only by bench/run, so a change to the station's
 * classes could break it unseen until someone measures. This compiles bench/src against the station's classes and
 * libraries as the tests see them (the same classes bench/run's shaded jar holds), in every run of the suite.
 */
class BenchSourcesCompileTest {

    @Test
    void theBenchmarkStillCompilesAgainstTheStation(@TempDir Path out) throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("bench", "src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "bench/src holds the benchmark's sources");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-classpath", classPath, "-d", out.toString()));
        arguments.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, exit, () -> "bench/src no longer compiles against the station:\n" + errors.toString(StandardCharsets.UTF_8));
    }
}
