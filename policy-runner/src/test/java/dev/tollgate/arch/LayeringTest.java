package dev.tollgate.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of docs/architecture.md, enforced: api ← inputs ← engine ← runner/report (plans, read
 * from a derivation and rendered, sit beside the engine: api ← inputs ← plans ← runner), no package
 * cycles, and the runner talks to the engine through policy-api and the engines' entry points only.
 */
class LayeringTest {
    private static final String API = "dev.tollgate.api..";
    private static final String INPUTS = "dev.tollgate.inputs..";
    private static final String ENGINE = "dev.tollgate.engine..";
    private static final String PLANS = "dev.tollgate.plans..";
    private static final String SCENARIOS = "dev.tollgate.scenarios..";
    private static final String FIXTURES = "dev.tollgate.fixtures..";
    private static final String RUNNER = "dev.tollgate.runner..";
    private static final String REPORT = "dev.tollgate.report..";

    @Test
    void everyModuleWasImported() {
        for (String p : new String[] {"api", "inputs", "engine", "engine.compiler", "plans", "scenarios", "fixtures", "runner", "report"}) {
            assertTrue(TollgateClasses.ALL.stream().anyMatch(c -> c.getPackageName().startsWith("dev.tollgate." + p)),
                    "no class of dev.tollgate." + p + " was imported");
        }
    }

    /** policy-api is what embedders compile against: it depends on the JDK and nothing else. */
    @Test
    void apiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..")
                .because("policy-api is the embedding API and must not drag Drools, Jackson or anything else along")
                .check(TollgateClasses.ALL);
    }

    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(API)
                .layer("inputs").definedBy(INPUTS)
                .layer("engine").definedBy(ENGINE)
                .layer("plans").definedBy(PLANS)
                .layer("scenarios").definedBy(SCENARIOS)
                .layer("fixtures").definedBy(FIXTURES)
                .layer("runner").definedBy(RUNNER)
                .layer("report").definedBy(REPORT)
                .whereLayer("runner").mayNotBeAccessedByAnyLayer()
                .whereLayer("fixtures").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("fixtures", "runner")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("runner", "scenarios")
                .whereLayer("plans").mayOnlyBeAccessedByLayers("runner")
                .whereLayer("inputs").mayOnlyBeAccessedByLayers("engine", "plans", "scenarios", "runner")
                .because("docs/architecture.md: each stage depends only on earlier ones")
                .check(TollgateClasses.ALL);
    }

    /**
     * What rules call ({@code dev.tollgate.rules}: {@code Findings} and the shipped policies' helpers)
     * depends on the API only, so a rule that uses it sees no extractor or engine internals (the
     * {@code rules check} lint refuses rule files that name those). {@code Findings} reads the emitting
     * rule's metadata through the KIE API.
     */
    @Test
    void ruleHelpersDependOnTheApiOnly() {
        classes().that().resideInAPackage("dev.tollgate.rules..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(API, "dev.tollgate.rules..", "java..", "org.kie.api..")
                .because("rules import dev.tollgate.api and dev.tollgate.rules only: their helpers compute over facts, "
                        + "the extractors parse, the rules decide")
                .check(TollgateClasses.ALL);
    }

    /** The engine does not know the scenario runner: the scenario runner depends on the engine, never the other way round. */
    @Test
    void theEngineNeverSeesTheScenarioRunner() {
        noClasses().that().resideInAnyPackage(API, INPUTS, ENGINE, PLANS)
                .should().dependOnClassesThat().resideInAnyPackage(SCENARIOS, FIXTURES)
                .check(TollgateClasses.ALL);
    }

    @Test
    void noCyclesBetweenTollgatePackages() {
        slices().matching("dev.tollgate.(*)..").should().beFreeOfCycles().check(TollgateClasses.ALL);
    }

    /**
     * {@code inputs} (the assembly, RepositoryFacts) and each {@code inputs.X} are slices; shared helpers
     * live in the leaf {@code inputs.io}, so no extractor package reaches back into another or the assembly.
     */
    @Test
    void noCyclesAmongInputs() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals("dev.tollgate.inputs")) return SliceIdentifier.of("inputs");
                if (!p.startsWith("dev.tollgate.inputs.")) return SliceIdentifier.ignore();
                return SliceIdentifier.of("inputs." + p.substring("dev.tollgate.inputs.".length()).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "dev.tollgate.inputs and each of its sub-packages";
            }
        }).should().beFreeOfCycles().check(TollgateClasses.ALL);
    }

    /** The runner must work with any PolicyEngine; Drools stays inside policy-rules. */
    @Test
    void runnerNeverTouchesDrools() {
        noClasses().that().resideInAnyPackage(RUNNER, REPORT)
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .check(TollgateClasses.ALL);
    }

    /**
     * Compiling DRL is policy-rules-compiler's ({@code dev.tollgate.engine.compiler}): nothing else of Tollgate
     * touches the compile toolchain, so an embedder of the bundled rules runs without it (docs/embedding.md),
     * and nothing reaches the compiler but through the {@code CustomRulesCompiler} service.
     */
    @Test
    void onlyTheCompilerTouchesTheCompileToolchain() {
        noClasses().that().resideOutsideOfPackage("dev.tollgate.engine.compiler..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.engine.compiler..",
                        "org.drools.compiler..", "org.drools.model.codegen..", "org.drools.mvel..", "org.drools.drl..",
                        "org.drools.codegen..", "org.drools.ecj..", "org.eclipse.jdt..", "com.github.javaparser..",
                        "org.antlr.runtime..", "org.mvel2..", "org.kie.memorycompiler..", "org.kie.internal.builder..")
                .because("the DRL compile toolchain is the separate artifact policy-rules-compiler, needed only for custom rules")
                .check(TollgateClasses.ALL);
    }

    /**
     * The engine's entry point, for the runner, is policy-api: {@code Tollgate.engine(options)} gives a
     * {@code PolicyEngine} (found with ServiceLoader) whose {@code check}, {@code evaluate} and
     * {@code derive} read inputs and run rules. The plans have one more: {@code PlanRun}, which reads what
     * changed, derives a plan and returns it for the CLI to render; {@code rules test} has the scenario runner's.
     * Nothing else of policy-rules' packages is.
     */
    private static final Set<String> ENGINE_ENTRY_POINT = Set.of(
            // the one entry point of check, shared with PolicyEngine.check
            "dev.tollgate.engine.CheckRun",
            // the plans' entry point and the plans it returns, which the CLI renders
            "dev.tollgate.plans.PlanRun", "dev.tollgate.plans.AffectedPlan", "dev.tollgate.plans.ReleasePlan",
            "dev.tollgate.plans.ReleaseJobsPlan",
            // `rules test`'s: the scenario runner (its own module, on the engine) and what it returns
            "dev.tollgate.scenarios.ScenarioRunner", "dev.tollgate.scenarios.ScenarioResult",
            "dev.tollgate.scenarios.ScenarioException",
            // `rules check`'s: the lint (and the compile, through the engine) and its report
            "dev.tollgate.engine.RuleCheck");

    @Test
    void runnerUsesTheApiAndTheEngineEntryPointOnly() {
        Set<String> actual = new TreeSet<>();
        for (JavaClass c : TollgateClasses.ALL) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("dev.tollgate.runner") && !pkg.startsWith("dev.tollgate.report")) continue;
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                String t = topLevel(target).getName();
                if (!t.startsWith("dev.tollgate.")) continue;
                String tp = target.getPackageName();
                if (tp.startsWith("dev.tollgate.api") || tp.startsWith("dev.tollgate.runner")
                        || tp.startsWith("dev.tollgate.report") || ENGINE_ENTRY_POINT.contains(t)) continue;
                actual.add(strip(topLevel(c).getName()) + " -> " + strip(t));
            }
        }
        assertEquals("", String.join("\n", actual),
                "the runner may use policy-api and the engines' entry points (ENGINE_ENTRY_POINT) only");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
        return t;
    }

    private static String strip(String name) {
        return name.substring("dev.tollgate.".length());
    }
}
