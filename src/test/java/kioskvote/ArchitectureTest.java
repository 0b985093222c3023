package kioskvote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;

/**
 * The layering rules of docs/architecture.md in code: packages by feature, each importing only the packages its
 * row of {@link #MAY_IMPORT} names (each package-info.java says what lives there and why), no cycles, HTTP only in
 * web/, SQL only in store/, no class over 300 lines. A change that breaks one fails the build.
 */
class ArchitectureTest {
    /**
     * What each package may import of the station's other packages: the one table of the package rules. The root
     * package (Main, App: the command line and the wiring) may import every package; web/ every feature.
     */
    static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("text", Set.of()),                                     // words and refusals: every package uses it
            Map.entry("seal", Set.of()),                                     // the sealed box's crypto, pure
            Map.entry("tls", Set.of()),                                      // the meeting's CA and the HTTPS key store: crypto and files
            Map.entry("store", Set.of("meeting")),                           // the database; the meeting's enums only, for typed rows
            Map.entry("token", Set.of("text")),                              // Ed25519 tokens, pure; TokenRejected is a text.Refused
            Map.entry("audit", Set.of("store")),
            Map.entry("meeting", Set.of("text")),                            // pure values, below store: no I/O
            Map.entry("admin", Set.of("audit", "store", "text")),
            Map.entry("tally", Set.of("meeting", "ballot", "text")),         // ballot's answer values only
            Map.entry("record", Set.of("meeting", "tally", "ballot", "token", "seal", "audit", "text")), // no station, database or HTTP
            Map.entry("ballot", Set.of("meeting", "token", "seal", "text", "store")),
            Map.entry("slip", Set.of("meeting", "token", "audit", "store", "text")),
            Map.entry("roster", Set.of("meeting", "slip", "token", "ballot", "audit", "store", "text")),
            Map.entry("kiosk", Set.of("ballot", "roster", "slip", "meeting", "token", "text", "audit", "store")), // slip: the desk's pool, for a delivery sent again
            Map.entry("paper", Set.of("meeting", "ballot", "token", "audit", "store", "text")),
            Map.entry("config", Set.of("meeting", "roster", "seal", "audit", "text")),  // roster's CSV reader, seal's largest committee
            Map.entry("editor", Set.of("meeting", "config", "store", "audit", "text")),
            Map.entry("pagecheck", Set.of("record", "token")),                 // check-page: an HTTP client of the station, no station
            Map.entry("poll", Set.of("meeting", "ballot", "seal", "tally", "roster", "audit", "store", "text", "record", "token")),
            Map.entry("web", Set.of("admin", "audit", "ballot", "config", "editor", "kiosk", "meeting", "paper", "poll", "record",
                    "roster", "seal", "slip", "store", "tally", "text", "tls", "token")));

    /** No class in src/main over this many lines: a class that grows past it does more than one thing. */
    static final int MAX_LINES = 300;
    /**
     * The classes over {@link #MAX_LINES} when the rule came in, each with its line count then as a ceiling: such a
     * class may not grow, and is to be split along its seams. Roster, PollLifecycle and MeetingEditor were, and the
     * list is empty now: keep it so. (The ceilings only went down.)
     */
    static final Map<String, Integer> OVERSIZE_CEILINGS = Map.of();

    private static final Path MAIN = Path.of("src/main/java/kioskvote");
    private static final Set<String> SQL_METHODS = Set.of("createQuery", "createUpdate", "execute", "select", "createScript",
            "createCall", "prepareBatch", "createBatch", "prepareStatement", "createStatement", "prepareCall");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // The rules look at kioskvote's own classes and the names of what they call: ArchUnit need not also read
        // every library on the class path (Javalin, Jetty, Kotlin…) to learn those names, which took 20 s.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kioskvote");
    }

    @Test
    void everyPackageImportsOnlyWhatItsRowOfTheTableNames() {
        Set<String> outside = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = featureOf(c.getPackageName());
            if (from.isEmpty()) continue; // Main and App wire everything
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.equals("kioskvote")) {
                    outside.add(from + " -> the root package (" + c.getSimpleName() + " uses " + d.getTargetClass().getName() + ")");
                    continue;
                }
                String to = featureOf(target);
                if (to.isEmpty() || to.equals(from)) continue;
                if (!MAY_IMPORT.getOrDefault(from, Set.of()).contains(to)) {
                    outside.add(from + " -> " + to + " (" + c.getSimpleName() + " uses " + d.getTargetClass().getName() + ")");
                }
            }
        }
        assertEquals(Set.of(), outside, "imports outside ArchitectureTest.MAY_IMPORT (change the code, or the table and docs/architecture.md)");
    }

    /** store/ may read the meeting's enums into typed rows, never reach the live Meeting, its events or its rules. */
    @Test
    void theStoreUsesOnlyTheMeetingsEnums() {
        Set<String> used = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!featureOf(c.getPackageName()).equals("store")) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (featureOf(target.getPackageName()).equals("meeting") && !target.isEnum()) used.add(c.getSimpleName() + " uses " + target.getName());
            }
        }
        assertEquals(Set.of(), used);
    }

    @Test
    void theTableNamesEveryPackageAndOnlyThem() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(packages, new TreeSet<>(MAY_IMPORT.keySet()));
    }

    /** "web" for kioskvote.web and its sub-packages, "" for the root package and anything else. */
    private static String featureOf(String packageName) {
        if (!packageName.startsWith("kioskvote.")) return "";
        String rest = packageName.substring("kioskvote.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void noPackageDependsOnAnotherInACycle() {
        slices().matching("kioskvote.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The pure packages know no HTTP, SQL or database: the model and the texts are values, the crypto and the count
     * are functions, and `kioskvote verify` (record/) runs with no station, database or key.
     */
    @Test
    void thePurePackagesKnowNothingOfHttpOrSql() {
        noClasses().that().resideInAnyPackage("kioskvote.token..", "kioskvote.tally..", "kioskvote.seal..", "kioskvote.record..",
                        "kioskvote.meeting..", "kioskvote.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerKnowsHttp() {
        noClasses().that().resideOutsideOfPackages("kioskvote.web..").and().resideOutsideOfPackage("kioskvote")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "kioskvote.web..")
                .check(classes);
    }

    @Test
    void sqlIsWrittenOnlyInStore() {
        noClasses().that().resideOutsideOfPackage("kioskvote.store..")
                .should().callMethodWhere(DescribedPredicate.describe("a statement of Jdbi or JDBC",
                        (JavaMethodCall call) -> SQL_METHODS.contains(call.getName())
                                && (call.getTargetOwner().getPackageName().startsWith("org.jdbi")
                                || call.getTargetOwner().getPackageName().startsWith("java.sql"))))
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatLivesThereAndWhatItMayImport() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("kioskvote"))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .forEach(d -> missing.add(d.getFileName().toString()));
        }
        assertEquals(Set.of(), missing, "packages without a package-info.java");
        assertTrue(Files.exists(Path.of("docs/rules.md")), "docs/rules.md states the rules the code cites");
        assertTrue(Files.exists(Path.of("docs/architecture.md")), "docs/architecture.md draws the packages this test checks");
    }

    /** Handlers stay thin: a web class that grows past this has taken on a feature's work. */
    @Test
    void noClassInTheWebLayerIsOver200Lines() throws IOException {
        Set<String> tooLong = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/kioskvote/web"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > 200) tooLong.add(file.getFileName() + " (" + lines + " lines)");
            }
        }
        assertEquals(Set.of(), tooLong, "web classes over 200 lines");
    }

    @Test
    void noClassInSrcMainGrowsPastTheLimitOrItsCeiling() throws IOException {
        Map<String, Integer> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                lines.put(MAIN.relativize(file).toString().replace('\\', '/'), Files.readAllLines(file).size());
            }
        }
        assertTrue(lines.size() > 100, "the sources were found: " + lines.size());
        assertEquals(List.of(), tooLong(lines, OVERSIZE_CEILINGS), "classes over " + MAX_LINES + " lines, or past their ceiling");
    }

    @Test
    void aClassOver300LinesIsRefusedAndAListedOneMayNotGrow() {
        Map<String, Integer> ceilings = Map.of("record/RecordVerifier.java", 801);
        assertEquals(List.of(), tooLong(Map.of("ballot/BallotBox.java", 300, "record/RecordVerifier.java", 801), ceilings));
        assertEquals(List.of("ballot/BallotBox.java: 301 lines, over " + MAX_LINES),
                tooLong(Map.of("ballot/BallotBox.java", 301, "record/RecordVerifier.java", 640), ceilings));
        assertEquals(List.of("record/RecordVerifier.java: 802 lines, over its ceiling of 801 (it may only shrink)"),
                tooLong(Map.of("record/RecordVerifier.java", 802), ceilings));
    }

    /** The files of {@code lines} (path under src/main/java/kioskvote → line count) over the limit or their ceiling. */
    static List<String> tooLong(Map<String, Integer> lines, Map<String, Integer> ceilings) {
        List<String> refused = new ArrayList<>();
        for (var file : new TreeMap<>(lines).entrySet()) {
            Integer ceiling = ceilings.get(file.getKey());
            if (ceiling == null && file.getValue() > MAX_LINES) {
                refused.add(file.getKey() + ": " + file.getValue() + " lines, over " + MAX_LINES);
            } else if (ceiling != null && file.getValue() > ceiling) {
                refused.add(file.getKey() + ": " + file.getValue() + " lines, over its ceiling of " + ceiling + " (it may only shrink)");
            }
        }
        return refused;
    }
}
