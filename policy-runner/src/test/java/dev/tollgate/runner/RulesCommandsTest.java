package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rules check} and {@code rules test}: exit 0 clean, 1 lint or scenario failures, 2 compile or input errors. */
class RulesCommandsTest {
    private static final String HEADER = """
            package tollgate.msrv;

            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;

            """;

    @Test
    void theShippedRulesAreClean() {
        Run r = Run.of("rules", "check");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("rules check: ok, 0 warnings ("), r.toString());
    }

    @Test
    void lintFailuresArePositionedAndExitOne(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER + """
                rule "no-doc"
                    @code("missing-doc")
                    @severity("error")
                when
                    $m : WorkspaceMember()
                then
                    insert(Finding.of("msrv", "missing-doc", Severity.ERROR, "x"));
                end

                rule "emits-undeclared"
                when
                    $m : WorkspaceMember()
                then
                    insert(Finding.of("msrv", "not-declared", Severity.ERROR, "y"));
                end

                rule "unknown-registry"
                    @code("msrv-dup")
                    @severity("warn")
                    @doc("d")
                when
                    $m : WorkspaceMember()
                then
                    insert(Finding.of("sources", "msrv-dup", Severity.WARNING, "z"));
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(1, r.code(), r.toString());
        String f = dir.resolve("msrv.drl").toString();
        assertEquals(List.of(
                f + ":6:1: error: rule \"no-doc\" declares @code(\"missing-doc\") without a @doc(\"one line for `tollgate explain`\")",
                f + ":19:12: error: rule \"emits-undeclared\" emits code `not-declared`, which no rule declares; add @code(\"not-declared\"), @severity and @doc to the rule",
                f + ":22:1: error: rule \"unknown-registry\" has the same name as the rule at (bundled) sources.drl:14; rule names must be unique",
                f + ":24:5: error: @severity is error, warning or note, not `warn`",
                f + ":29:12: error: rule \"unknown-registry\" emits a finding of policy `sources` from package tollgate.msrv; a finding belongs to its file's policy"),
                r.out().lines().limit(5).toList());
        // The counts grow with the bundled rules; the bundled ones add no failure or warning.
        List<String> lines = r.out().lines().toList();
        assertEquals(6, lines.size(), r.out());
        assertTrue(lines.get(5).startsWith("rules check: 5 lint failures, 0 warnings ("), lines.get(5));
    }

    /** Rules use the API and dev.tollgate.rules only: the extractors and the engine are no contract. */
    @Test
    void aRuleFileThatNamesTheExtractorsOrTheEngineFailsTheLint(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.inputs.io.InputException;
                import dev.tollgate.rules.Findings;

                rule "msrv"
                    @code("msrv-missing") @severity("error") @doc("d")
                when
                    $m : WorkspaceMember( rustVersion == "" )
                then
                    insert(Findings.of(drools, "x " + dev.tollgate.engine.EngineCodes.class));
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        String f = dir.resolve("msrv.drl").toString();
        // A use compiles into the rule's classes, which the sandbox refuses (a compile error, exit 2).
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(f + ":12:59: error: rule \"msrv\" uses dev.tollgate.engine.EngineCodes, which rules may not use"),
                r.toString());

        // An import alone compiles to nothing: the lint reports it (exit 1), and check --rules refuses it (exit 2).
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.inputs.io.InputException;
                import dev.tollgate.rules.Findings;

                rule "msrv"
                    @code("msrv-missing") @severity("error") @doc("d")
                when
                    $m : WorkspaceMember( rustVersion == "" )
                then
                    insert(Findings.of(drools, "x"));
                end
                """);
        Run lint = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(1, lint.code(), lint.toString());
        assertEquals(List.of(f + ":4:8: error: `dev.tollgate.inputs.io.InputException` is Tollgate's extractor code, not API: "
                + "rules may use dev.tollgate.api.* and dev.tollgate.rules.* only (ask for a fact instead, see docs/authoring.md)"),
                lint.out().lines().limit(1).toList());
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\n");
        Files.writeString(repo.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n");
        Run check = Run.of("check", "--repo", repo.toString(), "--rules", dir.toString(), "--policies", "msrv",
                "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, check.code(), check.toString());
        assertTrue(check.err().contains(f + ":4:8:"), check.toString());
    }

    @Test
    void findingsTakeTheirIdentityFromTheRulesMetadata(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER.replace("import dev.tollgate.api.findings.*;\n",
                "import dev.tollgate.api.findings.*;\nimport dev.tollgate.rules.Findings;\n") + """
                rule "no code"
                when
                    $m : WorkspaceMember()
                then
                    insert(Findings.of(drools, "x"));
                end

                rule "names an undeclared code"
                    @code("declared-nowhere")
                when
                    $m : WorkspaceMember()
                then
                    insert(Findings.of(drools, "y"));
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(1, r.code(), r.toString());
        String f = dir.resolve("msrv.drl").toString();
        assertEquals(List.of(
                f + ":11:12: error: rule \"no code\" emits a finding with Findings.of(drools, …) but has no @code; declare @code, @severity and @doc, "
                        + "or @code alone to emit a code another rule declares",
                f + ":15:5: error: rule \"names an undeclared code\" has @code(\"declared-nowhere\") alone, but no rule declares that code; "
                        + "add @severity(\"error|warning|note\") and @doc(\"…\") to declare it"),
                r.out().lines().limit(2).toList(), r.toString());

        // Declared once, emitted by two rules: both findings carry the declaration's policy, code and severity.
        Files.writeString(dir.resolve("msrv.drl"), HEADER.replace("import dev.tollgate.api.findings.*;\n",
                "import dev.tollgate.api.findings.*;\nimport dev.tollgate.rules.Findings;\n") + """
                rule "declares"
                    @code("msrv-missing")
                    @severity("warning")
                    @doc("d")
                when
                    $m : WorkspaceMember( rustVersion == "" )
                then
                    insert(Findings.of(drools, "none").about($m.name()));
                end

                rule "also emits"
                    @code("msrv-missing")
                when
                    $m : WorkspaceMember( rustVersion == "0" )
                then
                    insert(Findings.of(drools, "zero").about($m.name()));
                end
                """);
        Files.writeString(dir.resolve("msrv.yaml"), """
                scenarios:
                  - name: both rules report the declared code at its severity
                    facts:
                      - WorkspaceMember: {package: a@1.0.0}
                      - WorkspaceMember: {package: b@1.0.0, rustVersion: "0"}
                    expect:
                      - {code: msrv-missing, subject: a, severity: warning}
                      - {code: msrv-missing, subject: b, severity: warning}
                """);
        assertEquals(0, Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString()).code());
        Run t = Run.of("rules", "test", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, t.code(), t.toString());
    }

    @Test
    void aPackageOutsideTollgateIsALintFailure(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("mine.drl"), "package com.example.mine;\n\nrule \"nothing\"\nwhen\nthen\nend\n");
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().startsWith(dir.resolve("mine.drl") + ":1:9: error: package `com.example.mine` is not `tollgate.<policy>`"), r.toString());
    }

    @Test
    void compileErrorsExitTwoWithPositions(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER + """
                rule "broken"
                    @code("broken")
                    @severity("error")
                    @doc("d")
                when
                    $m : WorkspaceMembr()
                then
                    insert(Finding.of("msrv", "broken", Severity.ERROR, "x"));
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(dir.resolve("msrv.drl") + ":11:"), r.toString());
        assertTrue(r.err().contains("WorkspaceMembr"), r.toString());
        assertTrue(r.err().endsWith("rules check: 1 compile error\n"), r.toString());
    }

    @Test
    void theShippedScenariosPass() {
        Run r = Run.of("rules", "test", Corpus.projectRoot().resolve("test-fixtures/scenarios").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().matches("rules test: \\d+ passed, 0 failed \\(\\d+ scenarios\\)\\n"), r.toString());
    }

    @Test
    void aFailingScenarioPrintsItsDiffAndExitsOne(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("s.yaml"), """
                policies: [sources]
                scenarios:
                  - name: expects the wrong code
                    facts:
                      - SourcesConfig: {unknownRegistry: deny, unusedAllowedSource: allow}
                      - GraphConfig: {}
                      - LockedPackage: {package: secret@2.0.0, source: "registry+https://registry.example.com/index"}
                      - Inclusion: secret@2.0.0
                    expect:
                      - {code: unknown-git, subject: secret@2.0.0}
                """);
        Run r = Run.of("rules", "test", tmp.toString());
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("FAIL s.yaml:3 \"expects the wrong code\"", lines.get(0));
        assertEquals("    - * unknown-git secret@2.0.0", lines.get(2));
        assertTrue(lines.get(3).startsWith("    + error unknown-registry secret@2.0.0   \"secret@2.0.0 comes from the registry"), r.toString());
        assertEquals("rules test: 0 passed, 1 failed (1 scenarios)", lines.get(4));
    }

    @Test
    void aBadScenarioFileExitsTwoWithItsPosition(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("s.yaml"), "scenarios:\n  - name: x\n    facts:\n      - LockedPackage: {pakage: a@1}\n    expect: none\n");
        Run r = Run.of("rules", "test", tmp.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: s.yaml:4:33: unknown field `pakage` of LockedPackage; did you mean `package`?"), r.toString());
    }
}
