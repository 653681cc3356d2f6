package dev.atscope.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies between analyzer-core's packages point one way: no package reaches itself again. */
class PackageCyclesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.atscope.core");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("dev.atscope.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    /**
     * The trace model is the bottom layer: its importers, the decoder and the protocol libraries
     * build on it, never the reverse (it once reached the decoder through the importers:
     * trace, trace.imports, decode, protocol, trace).
     */
    @Test
    void theTraceModelDependsOnNeitherItsImportersNorTheDecoder() {
        noClasses().that().resideInAPackage("dev.atscope.core.trace").should().dependOnClassesThat()
                .resideInAnyPackage("dev.atscope.core.trace.imports..", "dev.atscope.core.decode..",
                        "dev.atscope.core.protocol..")
                .check(CORE);
    }
}
