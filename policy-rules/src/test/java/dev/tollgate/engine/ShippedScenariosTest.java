package dev.tollgate.engine;

import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.fixtures.RuleTester;
import dev.tollgate.scenarios.Expectation;
import dev.tollgate.scenarios.Scenario;
import dev.tollgate.scenarios.ScenarioFile;
import dev.tollgate.scenarios.ScenarioResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rules' scenarios (test-fixtures/scenarios/POLICY/*.yaml), one JUnit test each, as CI runs them. */
class ShippedScenariosTest {
    static final RuleTester RULES = RuleTester.bundled();
    static final Path SCENARIOS = Corpus.projectRoot().resolve("test-fixtures/scenarios");

    @TestFactory
    Stream<DynamicTest> shippedScenarios() {
        return RULES.scenarios(SCENARIOS);
    }

    /**
     * A policy that has a scenario directory has a scenario expecting each of its codes. (Policies
     * without a directory yet are not held to it, so each policy can add its scenarios on its own.)
     */
    @Test
    void everyCodeOfAPolicyWithScenariosIsExpectedSomewhere() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (Path f : ScenarioFile.find(SCENARIOS)) {
            for (Scenario s : ScenarioFile.read(f, f.toString())) for (Expectation e : s.expect()) expected.add(e.code());
        }
        Set<String> missing = new TreeSet<>();
        for (FindingCode c : RULES.engine().codes()) {
            if (c.rule() == null) continue; // engine codes
            Path dir = SCENARIOS.resolve(c.policy());
            boolean covered = Files.isDirectory(dir) || (c.policy() != null && Files.isDirectory(SCENARIOS.resolve("config")) && isConfigCode(c));
            if (covered && !expected.contains(c.code())) missing.add(c.policy() + "/" + c.code());
        }
        assertEquals(Set.of(), missing, "codes without a scenario that expects them");
        assertTrue(expected.containsAll(List.of("unknown-registry", "unknown-git", "git-source-underspecified",
                "unused-allowed-source", "unknown-config-key", "deprecated-config-key", "policy-skipped")), expected.toString());
    }

    private static boolean isConfigCode(FindingCode c) {
        return c.rule() != null && "config".equals(c.policy());
    }

    /** A misspelt code under absent (or expect) fails the scenario, naming the line and the code meant. */
    @Test
    void aCodeNoRuleDeclaresIsAScenarioError() {
        String yaml = """
                policies: [sources]
                facts:
                  - SourcesConfig: {unknownGit: deny}
                  - GraphConfig: {}
                scenarios:
                  - name: misspelt absent
                    facts:
                      - LockedPackage: {package: gizmo@0.3.0}
                      - Inclusion: gizmo@0.3.0
                    expect: none
                    absent:
                      - unknown-gti
                """;
        Scenario s = ScenarioFile.parse(yaml, "typo.yaml", getClass().getClassLoader()).get(0);
        ScenarioResult r = new dev.tollgate.scenarios.ScenarioRunner(RULES.engine()).run(s);
        assertFalse(r.passed(), r.report());
        assertEquals("? typo.yaml:12: forbids code `unknown-gti`, which no loaded rule declares; did you mean `unknown-git`?",
                r.diff().get(0), r.report());
    }

    /** The runner can fail: a wrong severity gives a diff with the expected line and the actual one. */
    @Test
    void aWrongExpectationFailsWithADiff() {
        String yaml = """
                policies: [sources]
                facts:
                  - SourcesConfig: {unknownGit: deny, unusedAllowedSource: allow}
                  - GraphConfig: {}
                  - AllowedSource: registry https://github.com/rust-lang/crates.io-index
                scenarios:
                  - name: wrong severity
                    facts:
                      - LockedPackage: {package: gizmo@0.3.0, source: "git+https://github.com/example-org/gizmo#abc"}
                      - Inclusion: gizmo@0.3.0
                    expect:
                      - {code: unknown-git, subject: gizmo@0.3.0, severity: warning}
                """;
        Scenario s = ScenarioFile.parse(yaml, "wrong.yaml", getClass().getClassLoader()).get(0);
        ScenarioResult r = new dev.tollgate.scenarios.ScenarioRunner(RULES.engine()).run(s);
        assertFalse(r.passed());
        assertEquals(2, r.diff().size(), r.report());
        assertEquals("- warning unknown-git gizmo@0.3.0", r.diff().get(0));
        assertTrue(r.diff().get(1).startsWith("+ error unknown-git gizmo@0.3.0   \"gizmo@0.3.0 comes from the git repository"), r.diff().get(1));
        assertTrue(r.report().startsWith("FAIL wrong.yaml:7 \"wrong severity\""), r.report());
    }
}
