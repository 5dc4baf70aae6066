package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DroolsPolicyEngineTest {
    static PolicyEngine bundled;

    @BeforeAll
    static void build() {
        bundled = Tollgate.engine(EngineOptions.bundled());
    }

    @Test
    void bundledRulesDeclareTheirCodesOnce() {
        List<String> codes = bundled.codes().stream().map(FindingCode::code).toList();
        assertTrue(codes.containsAll(List.of("unknown-registry", "unknown-git", "git-source-underspecified",
                "unused-allowed-source", "unknown-config-key", "policy-skipped", "rule-error", "undeclared-code")), codes.toString());
        FindingCode git = bundled.code("unknown-git").orElseThrow();
        assertEquals("sources", git.policy());
        // Declared as cargo-deny's default level (unknown-git = "warn"), which is what no configuration reports.
        assertEquals(Severity.WARNING, git.severity());
        assertEquals(dev.tollgate.api.facts.SourcesConfig.defaults("x").unknownGit().severity(), git.severity());
        assertFalse(git.doc().isBlank());
    }

    @Test
    void sourcesFindingsNameThePackageAndPointAtItsLockLine() {
        Verdict v = bundled.evaluate(Facts.sample(), Set.of("sources"));
        // cargo-deny's defaults warn for both (no deny.toml in this fact set).
        assertEquals(Outcome.WARN, v.outcome());
        assertEquals(List.of("unknown-git", "unknown-registry"), v.findings().stream().map(Finding::code).toList());
        Finding git = v.findings().get(0);
        assertEquals("gizmo@0.3.0", git.subject());
        // The default unknown-git level is cargo-deny's.
        assertEquals(dev.tollgate.api.facts.SourcesConfig.defaults("x").unknownGit().severity(), git.severity());
        assertEquals(20, git.location().line());
        assertEquals("Cargo.lock", git.location().file());
        assertTrue(git.message().contains("https://github.com/Example-Org/gizmo"), git.message());
    }

    @Test
    void unselectedPoliciesDoNotFire() {
        Verdict v = bundled.evaluate(Facts.sample(), Set.of("licenses"));
        assertEquals(Outcome.PASS, v.outcome());
        assertTrue(v.findings().isEmpty());
    }

    @Test
    void oneEngineServesManyThreadsWithIdenticalVerdicts() throws Exception {
        Verdict expected = bundled.evaluate(Facts.sample(), Set.of("sources"));
        List<java.util.concurrent.Callable<Verdict>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) tasks.add(() -> bundled.evaluate(Facts.sample(), Set.of("sources")));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (var f : pool.invokeAll(tasks)) assertEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRuleThatThrowsBecomesARuleErrorAndFailsTheGate(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), """
                package acme.sources;
                import dev.tollgate.api.facts.*;
                rule "explodes"
                when
                    LockedPackage( name == "serde" )
                then
                    throw new IllegalStateException("boom");
                end
                """);
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        Verdict v = engine.evaluate(Facts.sample(), Set.of("sources"));
        assertEquals(Outcome.FAIL, v.outcome(), "only the rule error can fail this gate: the sources findings are warnings");
        Finding error = v.findings().stream().filter(f -> f.code().equals("rule-error")).findFirst().orElseThrow();
        assertEquals("sources", error.policy());
        assertTrue(error.message().contains("explodes") && error.message().contains("boom"), error.message());
        // The other rules still ran.
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("unknown-git")));
    }

    @Test
    void anUndeclaredCodeIsAnErrorNotASilentFinding(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("sneaky.drl"), """
                package acme.sources;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                rule "sneaky"
                when
                    LockedPackage( name == "serde", $id : id )
                then
                    insert(Finding.of("sources", "not-declared", Severity.NOTE, "hello").about($id));
                end
                """);
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        Verdict v = engine.evaluate(Facts.sample(), Set.of("sources"));
        Finding f = v.findings().stream().filter(x -> x.code().equals("undeclared-code")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("not-declared", f.data().get("code"));
    }

    @Test
    void compileErrorsNameFileLineAndColumn(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("bad.drl"), """
                package acme.bad;
                import dev.tollgate.api.facts.*;
                rule "typo"
                when
                    LockedPackage( nmae == "serde" )
                then
                end
                """);
        RulesException e = assertThrows(RulesException.class,
                () -> Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache)));
        RulesException.Problem p = e.problems().get(0);
        assertEquals(dir.resolve("bad.drl").toString(), p.file());
        assertEquals(5, p.line(), e.getMessage());
        assertTrue(p.column() > 0, e.getMessage());
    }

    @Test
    void syntaxErrorsNameFileAndLine(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("syntax.drl"), """
                package acme.syntax;
                import dev.tollgate.api.facts.*;
                rule "unclosed"
                when
                    LockedPackage( name == "serde"
                then
                end
                """);
        RulesException e = assertThrows(RulesException.class,
                () -> Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache)));
        assertTrue(e.problems().stream().allMatch(p -> p.file().endsWith("syntax.drl") && p.line() >= 5), e.getMessage());
    }

    @Test
    void customRulesReplaceBundledFilesByNameAndAreCachedByContent(@TempDir Path dir, @TempDir Path cache) throws IOException {
        String rule = """
                package tollgate.sources;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                rule "only-note"
                    @code("custom-note") @severity("note") @doc("A custom note.")
                when
                    LockedPackage( $id : id, name == "%s" )
                then
                    insert(Finding.of("sources", "custom-note", Severity.NOTE, "seen").about($id));
                end
                """;
        Files.writeString(dir.resolve("sources.drl"), rule.formatted("serde"));
        PolicyEngine first = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        Verdict v = first.evaluate(Facts.sample(), Set.of("sources"));
        assertEquals(List.of("custom-note"), v.findings().stream().map(Finding::code).filter(c -> !c.equals("shipped-rules-replaced")).toList());
        assertEquals("serde@1.0.0", v.findings().stream().filter(f -> f.code().equals("custom-note")).findFirst().orElseThrow().subject());
        Finding replaced = v.findings().stream().filter(f -> f.code().equals("shipped-rules-replaced")).findFirst().orElseThrow();
        assertEquals(Severity.NOTE, replaced.severity());
        assertEquals("sources.drl", replaced.subject());
        assertTrue(replaced.message().startsWith("the shipped rules/sources.drl is replaced by " + dir.resolve("sources.drl")), replaced.message());
        assertTrue(first.code("unknown-git").isEmpty(), "the bundled sources.drl was replaced");

        long entries;
        try (var s = Files.list(cache.resolve("rules"))) {
            entries = s.count();
        }
        assertEquals(1, entries);
        // Same content: served from the cache. Changed content: compiled again, never the stale entry.
        Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        try (var s = Files.list(cache.resolve("rules"))) {
            assertEquals(1, s.count());
        }
        Files.writeString(dir.resolve("sources.drl"), rule.formatted("gizmo"));
        PolicyEngine changed = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        Verdict v2 = changed.evaluate(Facts.sample(), Set.of("sources"));
        assertEquals("gizmo@0.3.0", v2.findings().stream().filter(f -> f.code().equals("custom-note")).findFirst().orElseThrow().subject());
        try (var s = Files.list(cache.resolve("rules"))) {
            assertEquals(2, s.count());
        }
    }
}
