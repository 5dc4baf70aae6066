package dev.tollgate.arch;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Loading budgets: a heavy library stays behind the few classes that need it, so a run that needs
 * none of it never loads it (see docs/performance.md), and no extractor touches Drools.
 */
class LoadingBudgetTest {
    /** JGit: the git inputs and the advisory database's clone/fetch classes only. */
    @Test
    void onlyGitInputsUseJgit() {
        noClasses().that().resideOutsideOfPackages("dev.tollgate.inputs.git..", "dev.tollgate.inputs.commits..",
                        "dev.tollgate.inputs.versions..")
                .and().doNotHaveSimpleName("AdvisoryDbFetcher").and().doNotHaveSimpleName("GitDbInfo")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..").check(TollgateClasses.ALL);
    }

    /** tomlj (ANTLR warm-up, about 90 ms cold) stays behind one class per reader, so fast paths never load it. */
    @Test
    void onlyTomljTouchesTomlj() {
        noClasses().that().haveNameNotMatching("dev\\.tollgate\\.inputs\\.(cargo|denytoml)\\.Tomlj(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.tomlj..").check(TollgateClasses.ALL);
    }

    /** java-spdx-library is a build-time dependency: only the generator may use it (it is not in the jar). */
    @Test
    void onlyTheGeneratorTouchesTheSpdxLibrary() {
        noClasses().that().doNotHaveSimpleName("SpdxListGenerator")
                .should().dependOnClassesThat().resideInAPackage("org.spdx..").check(TollgateClasses.ALL);
    }

    /** Extractors read files into facts; Drools stays in the engine. */
    @Test
    void inputsUseNoDroolsTypes() {
        noClasses().that().resideInAPackage("dev.tollgate.inputs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..").check(TollgateClasses.ALL);
    }
}
