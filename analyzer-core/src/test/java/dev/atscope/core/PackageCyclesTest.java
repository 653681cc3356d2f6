package dev.atscope.core;

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
}
