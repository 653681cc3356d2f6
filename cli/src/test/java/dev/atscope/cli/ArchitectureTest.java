package dev.atscope.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The shape of the code: no package depends on itself through others, and the generic packages read
 * the protocol libraries through the registry and the extension interfaces only, never a library's
 * own classes, so that a library is added or removed without touching them.
 */
@AnalyzeClasses(packages = "dev.atscope", importOptions = {ImportOption.DoNotIncludeTests.class,
    ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The modules' test jars (the core's recordings that other modules' tests reuse) are tests too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    /** A library lives in a package below {@code dev.atscope.core.protocol}: {@code basic}, {@code quectel}, ... */
    static final String LIBRARIES = "dev.atscope.core.protocol.*..";

    @ArchTest
    static final ArchRule genericPackagesNameNoLibrary = noClasses()
            .that().resideInAnyPackage("dev.atscope.core.check..", "dev.atscope.core.session..",
                    "dev.atscope.core.index..", "dev.atscope.report..", "dev.atscope.core.decode..",
                    "dev.atscope.core.replay..", "dev.atscope.core.json..", "dev.atscope.core.trace..",
                    "dev.atscope.core.link..", "dev.atscope.core.protocol")
            .should().dependOnClassesThat().resideInAPackage(LIBRARIES)
            .because("a protocol library is a plugin: the checker, the session tracker, the index and the report"
                    + " reach it through ProtocolRegistry and the LibraryRules/LibraryOutcomes interfaces");

    /** The modules whose classes the rules judge: every module the atscope jar is made of. */
    static final List<String> MODULES = List.of("dev.atscope.core", "dev.atscope.capture", "dev.atscope.report",
            "dev.atscope.solr", "dev.atscope.cli");

    /** The rules see every module: a module missing from the class path would pass them unseen. */
    @ArchTest
    static void everyModuleIsAnalysed(JavaClasses classes) {
        for (String module : MODULES) {
            assertThat(classes.containPackage(module)).as("classes of %s analysed", module).isTrue();
        }
    }

    /**
     * Every package of every module, each a slice: none depends on itself through others. (samples and
     * bench only depend on these modules, and Maven refuses a cycle between modules.)
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.atscope.(**)").should().beFreeOfCycles();
}
