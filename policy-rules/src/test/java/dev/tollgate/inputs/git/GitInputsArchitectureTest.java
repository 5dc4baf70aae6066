package dev.tollgate.inputs.git;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * JGit stays inside inputs.git and the advisory database's clone/fetch classes (so a run that reads
 * no history and no remote db never loads it), and no git extractor touches Drools.
 */
class GitInputsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate");

    @Test
    void onlyGitInputsUseJgit() {
        noClasses().that().resideOutsideOfPackage("dev.tollgate.inputs.git..")
                .and().doNotHaveSimpleName("AdvisoryDbFetcher").and().doNotHaveSimpleName("GitDbInfo")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..").check(CLASSES);
    }

    @Test
    void gitInputsUseNoDroolsTypes() {
        noClasses().that().resideInAPackage("dev.tollgate.inputs.git..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..").check(CLASSES);
    }
}
