package dev.tollgate.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** policy-api is what embedders compile against: it depends on the JDK and nothing else. */
class LayeringTest {
    @Test
    void apiDependsOnTheJdkOnly() {
        JavaClasses api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate.api");
        assertTrue(api.size() > 20, "the API classes were imported: " + api.size());
        ArchRule rule = classes().that().resideInAPackage("dev.tollgate.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.api..", "java..")
                .because("policy-api is the embedding API and must not drag Drools, Jackson or anything else along");
        rule.check(api);
    }
}
