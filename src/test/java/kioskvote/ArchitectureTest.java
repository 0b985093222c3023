package kioskvote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;

/**
 * The layering rules of docs/architecture in code (see each package-info.java): packages by feature,
 * dependencies pointing inward, no cycles, SQL only in store/. A change that breaks one fails the build.
 */
class ArchitectureTest {
    private static final List<String> FEATURES = List.of("kioskvote.config..", "kioskvote.meeting..", "kioskvote.poll..",
            "kioskvote.token..", "kioskvote.ballot..", "kioskvote.tally..", "kioskvote.roster..", "kioskvote.kiosk..",
            "kioskvote.slip..", "kioskvote.paper..", "kioskvote.audit..", "kioskvote.admin..", "kioskvote.web..", "kioskvote.text..",
            "kioskvote.record..", "kioskvote.seal..", "kioskvote.editor..");
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
    void noPackageDependsOnAnotherInACycle() {
        slices().matching("kioskvote.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void storeImportsNoFeature() {
        noClasses().that().resideInAPackage("kioskvote.store..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES.toArray(String[]::new)).check(classes);
    }

    @Test
    void tokenTallyAndSealKnowNothingOfHttpOrSql() {
        noClasses().that().resideInAnyPackage("kioskvote.token..", "kioskvote.tally..", "kioskvote.seal..").should().dependOnClassesThat()
                .resideInAnyPackage("kioskvote.web..", "kioskvote.store..", "io.javalin..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    /** `kioskvote verify` runs with no station, database or key: the record package reads files, never a database or HTTP. */
    @Test
    void theElectionRecordAndItsCheckKnowNothingOfHttpSqlOrTheStore() {
        noClasses().that().resideInAPackage("kioskvote.record..").should().dependOnClassesThat()
                .resideInAnyPackage("kioskvote.web..", "kioskvote.store..", "kioskvote.poll..", "kioskvote.slip..", "kioskvote.roster..",
                        "io.javalin..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    @Test
    void theSealedBoxCryptoImportsNothingOfTheStation() {
        noClasses().that().resideInAPackage("kioskvote.seal..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURES.stream().filter(p -> !p.equals("kioskvote.seal..")).toArray(String[]::new)).check(classes);
    }

    @Test
    void theMeetingModelAndTextsArePureValues() {
        noClasses().that().resideInAnyPackage("kioskvote.meeting..", "kioskvote.text..").should().dependOnClassesThat()
                .resideInAnyPackage("kioskvote.web..", "kioskvote.store..", "kioskvote.ballot..", "kioskvote.poll..",
                        "kioskvote.tally..", "kioskvote.roster..", "kioskvote.kiosk..", "kioskvote.slip..", "kioskvote.config..",
                        "io.javalin..", "org.jdbi..", "java.sql..")
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
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java/kioskvote"))) {
            dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("kioskvote"))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .forEach(d -> missing.add(d.getFileName().toString()));
        }
        assertEquals(Set.of(), missing, "packages without a package-info.java");
        assertTrue(Files.exists(Path.of("docs/rules.md")), "docs/rules.md states the rules the code cites");
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
}
