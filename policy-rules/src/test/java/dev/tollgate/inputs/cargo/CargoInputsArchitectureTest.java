package dev.tollgate.inputs.cargo;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CargoInputsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate.inputs.cargo");

    @Test
    void extractorsUseNoDroolsTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..").check(CLASSES);
    }

    /** tomlj stays behind one class, so that fast paths never load it (see Tomlj). */
    @Test
    void onlyTomljTouchesTomlj() {
        noClasses().that().doNotHaveSimpleName("Tomlj").should().dependOnClassesThat().resideInAPackage("org.tomlj..")
                .check(CLASSES);
    }
}
