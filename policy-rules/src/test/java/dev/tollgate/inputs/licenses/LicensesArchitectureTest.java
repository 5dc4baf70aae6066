package dev.tollgate.inputs.licenses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** java-spdx-library is a build-time dependency: only the generator may use it (it is not in the jar). */
class LicensesArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate");

    @Test
    void onlyTheGeneratorTouchesTheSpdxLibrary() {
        noClasses().that().doNotHaveSimpleName("SpdxListGenerator").should().dependOnClassesThat().resideInAPackage("org.spdx..")
                .check(CLASSES);
    }

    @Test
    void extractorsUseNoDroolsTypes() {
        noClasses().that().resideInAPackage("dev.tollgate.inputs.licenses..").should().dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..").check(CLASSES);
    }
}
