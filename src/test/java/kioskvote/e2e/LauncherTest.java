package kioskvote.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.ProcessTest;

/**
 * The launcher script (./kioskvote) as dash runs it: the options it picks from the JVM's release file must never keep
 * the station from starting. A JDK here is a directory with a release file and a bin/java that writes the arguments
 * it was given to a file; the real JVMs on this machine are then started with the options the launcher chose.
 */
@ProcessTest
class LauncherTest {
    private static final Path LAUNCHER = Path.of("kioskvote").toAbsolutePath();
    private static final String TRIM = "-XX:TrimNativeHeapInterval=5000";
    private static final String UNLOCK = "-XX:+UnlockExperimentalVMOptions";

    @TempDir
    Path dir;

    /**
     * TrimNativeHeapInterval was an experimental option when it came (JDK 22, backported to 17.0.9 and 21.0.1) and
     * became a product option only later (JDK-8325496: JDK 23, 17.0.11, 21.0.4): a JVM in between refuses to start
     * with it unless experimental options are unlocked first.
     */
    @Test
    void theTrimOptionIsNeverPassedWithoutUnlockingExperimentalOptionsFirst() throws Exception {
        for (String version : List.of("17.0.9", "17.0.9-ea", "17.0.10", "17.0.15", "21.0.1", "21.0.3", "21.0.5", "22", "22-ea", "22.0.1",
                "23", "25", "25.0.3")) {
            List<String> args = launch(jdk(dir.resolve("jdk-" + version), version), Map.of());
            if (!args.contains(TRIM)) continue;
            int unlock = args.indexOf(UNLOCK);
            assertTrue(unlock >= 0 && unlock < args.indexOf(TRIM), version + ": " + args);
        }
    }

    @Test
    void oddOrOldVersionsStartWithoutTheTrimOption() throws Exception {
        for (String version : List.of("17", "17.0.8", "21", "21.0.0", "1.8.0_392", "11.0.21", "", "seventeen")) {
            List<String> args = launch(jdk(dir.resolve("jdk-" + version.hashCode()), version), Map.of());
            assertFalse(args.contains(TRIM), version + ": " + args);
            assertTrue(args.contains("-Djdk.nio.maxCachedBufferSize=65536"), args.toString());
        }
    }

    @Test
    void aJdkWithoutAReleaseFileStartsWithoutTheTrimOption() throws Exception {
        Path jdk = jdk(dir.resolve("bare"), "17.0.15");
        Files.delete(jdk.resolve("release"));
        assertFalse(launch(jdk, Map.of()).contains(TRIM));
    }

    /** JAVA_HOME unset: java is found on the PATH through links (/usr/bin/java → /etc/alternatives/java → the JDK's). */
    @Test
    void javaFoundOnThePathThroughLinksIsJudgedByItsOwnJdk() throws Exception {
        Path jdk = jdk(dir.resolve("jvm/jdk 17"), "17.0.15");
        Path alternatives = Files.createDirectories(dir.resolve("alternatives"));
        Files.createSymbolicLink(alternatives.resolve("java"), jdk.resolve("bin/java"));
        Path usrBin = Files.createDirectories(dir.resolve("usr bin"));
        Files.createSymbolicLink(usrBin.resolve("java"), alternatives.resolve("java"));
        List<String> args = launch(null, Map.of("PATH", usrBin + ":/usr/bin:/bin"));
        assertTrue(args.contains(TRIM), args.toString());
    }

    @Test
    void aJavaHomeWithSpacesInItsPathWorks() throws Exception {
        List<String> args = launch(jdk(dir.resolve("Program Files/my jdk"), "25"), Map.of());
        assertTrue(args.contains(TRIM), args.toString());
    }

    /** The JVMs at hand (the one running the tests, and the others installed beside it) accept what the launcher picks for them. */
    @Test
    void theJvmsOnThisMachineStartWithTheOptionsTheLauncherPicksForThem() throws Exception {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (var all = Files.list(installed)) {
                all.filter(home -> Files.isRegularFile(home.resolve("release")) && Files.isExecutable(home.resolve("bin/java")))
                        .forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path jdk = jdk(dir.resolve("copy-" + homes.indexOf(home)), "");
            Files.copy(home.resolve("release"), jdk.resolve("release"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> options = launch(jdk, Map.of());
            options = options.subList(0, options.indexOf("-jar"));
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/java").toString()));
            command.addAll(options);
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(java.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, java.exitValue(), home + " " + options + "\n" + output);
        }
    }

    /** A JDK directory whose release file gives this JAVA_VERSION (none if empty) and whose java records its arguments. */
    private Path jdk(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$(readlink -f \"$0\")\")/../args\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), version.isEmpty() ? "IMPLEMENTOR=\"test\"\n"
                : "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        return home;
    }

    /**
     * On JDK 17 a station's `serve` only maps the class archive: it never writes it, so no kill or full disk can leave
     * it cut short and crash the next start. The build's training run (scripts/archive-classes) writes it to a
     * temporary name; JDK 19+ makes and checks it itself; other commands (a `--version` would archive almost nothing)
     * and older JVMs get no archive option.
     */
    @Test
    void serveMapsTheClassArchiveAndOnlyTheBuildsTrainingRunWritesIt() throws Exception {
        Path jdk17 = jdk(dir.resolve("jdk-17"), "17.0.15");
        List<String> none = launch(jdk17, Map.of(), "serve");
        assertTrue(none.stream().noneMatch(a -> a.contains("Archive")), "no archive yet: a plain start, nothing written at its stop: " + none);
        List<String> training = launch(jdk17, Map.of("KIOSKVOTE_ARCHIVE_WRITE", "1"), "serve");
        String write = training.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow(() -> new AssertionError(training));
        assertTrue(write.endsWith(".jsa.partial"), "a temporary name, renamed once a JVM has started from it: " + write);
        Path archive = Path.of(write.substring(write.indexOf('=') + 1, write.length() - ".partial".length()));
        assertEquals(dir, archive.getParent(), "next to the jar");
        assertTrue(training.contains("-Xlog:cds=off,cds+dynamic=off"), "writing it lists no skipped classes on the terminal");
        Files.writeString(archive, "archive");
        List<String> mapped = launch(jdk17, Map.of(), "serve");
        assertTrue(mapped.contains("-XX:SharedArchiveFile=" + archive), mapped.toString());
        assertTrue(mapped.stream().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), mapped.toString());
        assertTrue(launch(jdk(dir.resolve("jdk-25"), "25.0.3"), Map.of(), "serve").contains("-XX:+AutoCreateSharedArchive"));
        assertTrue(launch(jdk17, Map.of()).stream().noneMatch(a -> a.contains("Archive")), "--version");
        assertTrue(launch(jdk(dir.resolve("jdk-11"), "11.0.21"), Map.of(), "serve").stream().noneMatch(a -> a.contains("Archive")));
    }

    private List<String> launch(Path javaHome, Map<String, String> env) throws Exception {
        return launch(javaHome, env, "--version");
    }

    /** Runs the launcher under dash with JAVA_HOME (unset if null); the arguments the JDK's java was started with. */
    private List<String> launch(Path javaHome, Map<String, String> env, String command) throws Exception {
        Path jar = dir.resolve("kioskvote.jar");
        if (!Files.exists(jar)) Files.createFile(jar);
        ProcessBuilder launcher = new ProcessBuilder("dash", LAUNCHER.toString(), command).redirectErrorStream(true);
        launcher.environment().remove("JAVA_HOME");
        if (javaHome != null) launcher.environment().put("JAVA_HOME", javaHome.toString());
        launcher.environment().put("KIOSKVOTE_JAR", jar.toString());
        launcher.environment().putAll(env);
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        Path home = javaHome != null ? javaHome
                : Path.of(env.get("PATH").split(":")[0]).resolve("java").toRealPath().getParent().getParent();
        return Files.readAllLines(home.resolve("args"));
    }
}
