package dev.tollgate.runner;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner talks to the engine through policy-api only: no Drools or KIE type appears in it. */
class LayeringTest {
    @Test
    void runnerNeverTouchesDrools() {
        JavaClasses runner = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate.runner", "dev.tollgate.report");
        assertTrue(runner.size() > 5, "the runner classes were imported: " + runner.size());
        noClasses().that().resideInAnyPackage("dev.tollgate.runner..", "dev.tollgate.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .because("the runner must work with any PolicyEngine; Drools stays inside policy-rules")
                .check(runner);
    }
}
