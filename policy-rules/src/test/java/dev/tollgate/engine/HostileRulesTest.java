package dev.tollgate.engine;

import dev.tollgate.api.EngineLimits;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.EvaluationException;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules written to hide findings, loop or throw: whatever a rule does, the evaluation ends with a
 * verdict that fails (or, when no verdict can be had, an {@link EvaluationException}), names the
 * rule's FILE:LINE, and keeps every other rule's findings.
 */
class HostileRulesTest {
    @TempDir
    static Path cache;

    private static final String HEAD = """
            package acme.sources;
            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;
            """;

    private static PolicyEngine engine(Path dir, String file, String rules) throws IOException {
        Files.writeString(dir.resolve(file), HEAD + rules);
        return Tollgate.engine(EngineOptions.bundled().withOnly(Set.of("sources")).withRuleDirs(List.of(dir)).withCacheDir(cache));
    }

    private static Verdict evaluate(PolicyEngine engine, EngineLimits limits) {
        List<Object> facts = new ArrayList<>(Facts.sample());
        if (limits != null) facts.add(limits);
        return engine.evaluate(facts, Set.of("sources"));
    }

    private static Finding only(Verdict v, String code) {
        List<Finding> found = v.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + v.findings());
        return found.get(0);
    }

    /** The bundled sources rules' findings on {@link Facts#sample}: still there, whatever the hostile rule did. */
    private static void sourcesFindingsSurvive(Verdict v) {
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("unknown-git") && "gizmo@0.3.0".equals(f.subject())), v.findings().toString());
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("unknown-registry") && "secret@2.0.0".equals(f.subject())), v.findings().toString());
    }

    @Test
    void deletingFindingsHidesNothingAndIsARuleError(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "eraser.drl", """
                rule "erase every finding"
                    salience -1000
                when
                    $f : Finding()
                then
                    delete($f);
                end
                """);
        Verdict v = evaluate(e, null);
        assertEquals(Outcome.FAIL, v.outcome());
        sourcesFindingsSurvive(v);
        Finding err = v.findings().stream().filter(f -> f.code().equals("rule-error")).findFirst().orElseThrow();
        assertTrue(err.message().contains("rule \"erase every finding\" (" + dir.resolve("eraser.drl") + ":4) deleted a finding"), err.message());
        assertEquals(dir.resolve("eraser.drl").toString(), err.location().file());
        assertEquals(4, err.location().line());
    }

    /**
     * A rule that deletes and re-inserts findings until the firing budget stops it made one rule-error per
     * firing: 122,979 of them (64 MB of JSON) on the demo. They are grouped per rule like any repeat.
     */
    @Test
    void aRuleErasingFindingsInALoopGivesOneCountedRuleErrorNotOnePerFiring(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "churn.drl", """
                rule "churn"
                    @code("churn") @severity("note") @doc("x")
                when
                    $f : Finding()
                then
                    delete($f);
                    insert(dev.tollgate.rules.Findings.of(drools, "again"));
                end
                """);
        Verdict v = evaluate(e, new EngineLimits(3_000, Duration.ofSeconds(20), 0));
        assertEquals(Outcome.FAIL, v.outcome());
        sourcesFindingsSurvive(v);
        List<Finding> errors = v.findings().stream().filter(f -> f.code().equals("rule-error")).toList();
        assertEquals(1, errors.size(), errors.toString());
        Finding err = errors.get(0);
        int count = (Integer) err.data().get("count");
        assertTrue(count > 100, err.toString());
        assertTrue(err.message().startsWith(count + " rule-error findings of rule \"churn\" (" + dir.resolve("churn.drl") + ":4)"), err.message());
        assertEquals(20, ((List<?>) err.data().get("entries")).size());
        assertTrue(v.findings().size() < 1_000, v.findings().size() + " findings");
    }

    /**
     * A finding that may repeat per config entry is inserted as a {@link dev.tollgate.api.findings.Repeat};
     * the engine records it on insert like a finding, so deleting repeats hides nothing either.
     */
    @Test
    void deletingRepeatsHidesNothingAndIsARuleError(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "eraser.drl", """
                rule "erase every repeat"
                    salience -1000
                when
                    $r : Repeat()
                then
                    delete($r);
                end
                """);
        List<Object> facts = new ArrayList<>(Facts.sample());
        for (int i = 0; i < 12; i++) {
            facts.add(new AllowedSource(AllowKind.GIT, "https://example.com/unused-" + i, "allow-git", "example.com", "",
                    false, dev.tollgate.api.facts.Location.of("deny.toml", 20 + i, 1)));
        }
        Verdict v = e.evaluate(facts, Set.of("sources"));
        assertEquals(Outcome.FAIL, v.outcome());
        sourcesFindingsSurvive(v);
        Finding unused = only(v, "unused-allowed-source");
        assertTrue(unused.message().startsWith("12 allow-git entries"), unused.message());
        assertEquals(20, unused.location().line());
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("rule-error")
                && f.message().contains("\"erase every repeat\"") && f.message().contains("deleted a finding")), v.findings().toString());
    }

    /**
     * Attack: the group key was one string joined with newlines, so a code or group holding newlines made an
     * error's key equal to warnings' key, and the warnings' summary (first in file order) swallowed the error.
     */
    @Test
    void aRepeatKeyCannotBeForgedToHideAnErrorInAWarningSummary() {
        List<dev.tollgate.api.findings.Repeat> rs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rs.add(dev.tollgate.api.findings.Repeat.of("q\nERROR\nnull\ng", Finding.of("sources", "c", dev.tollgate.api.findings.Severity.WARNING, "w" + i)
                    .at(dev.tollgate.api.facts.Location.of("deny.toml", i + 1, 1)).about("w" + i)));
        }
        rs.add(dev.tollgate.api.findings.Repeat.of("g", Finding.of("sources", "c\nWARNING\nnull\nq", dev.tollgate.api.findings.Severity.ERROR, "the error")
                .at(dev.tollgate.api.facts.Location.of("deny.toml", 99, 1)).about("e")));
        List<Finding> out = dev.tollgate.api.findings.Repeat.collapse(rs);
        assertTrue(out.stream().anyMatch(f -> f.severity() == dev.tollgate.api.findings.Severity.ERROR), out.toString());
    }

    @Test
    void updatingAFindingIsARuleErrorAndTheOriginalStays(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "downgrade.drl", """
                rule "downgrade"
                    no-loop true
                when
                    $f : Finding( code == "unknown-git" )
                then
                    update($f);
                end
                """);
        Verdict v = evaluate(e, new EngineLimits(5_000, Duration.ofSeconds(20), 0));
        assertEquals(Outcome.FAIL, v.outcome());
        sourcesFindingsSurvive(v);
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("rule-error") && f.message().contains("\"downgrade\"")
                && f.message().contains("changed a finding")), v.findings().toString());
    }

    @Test
    void aModifyLoopIsStoppedAtTheFiringBudgetNamingTheRule(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "loop.drl", """
                rule "modify loop"
                when
                    $c : SourcesConfig()
                then
                    update($c);
                end
                """);
        long start = System.nanoTime();
        Verdict v = evaluate(e, new EngineLimits(2_000, Duration.ofSeconds(20), 0));
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "stopped by the firing budget, not the clock");
        assertEquals(Outcome.FAIL, v.outcome());
        Finding b = only(v, "rule-budget-exceeded");
        assertTrue(b.message().contains("after 2000 rule firings") && b.message().contains("\"modify loop\" (" + dir.resolve("loop.drl") + ":4)"),
                b.message());
        assertEquals("firings", b.data().get("budget"));
    }

    @Test
    void anEndlessInsertIsStoppedAtTheWorkingMemoryCap(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "flood.drl", """
                rule "flood"
                when
                    SourcesConfig()
                then
                    for (int i = 0; ; i++) insert(Location.of("x", i, 1));
                end
                """);
        Verdict v = evaluate(e, new EngineLimits(0, Duration.ofSeconds(20), 50_000));
        assertEquals(Outcome.FAIL, v.outcome());
        Finding b = only(v, "rule-budget-exceeded");
        assertEquals("facts", b.data().get("budget"));
        assertTrue(b.message().contains("50000 objects"), b.message());
    }

    @Test
    void aConditionThatThrowsIsARuleErrorOnItsFactAndTheOtherRulesStillReport(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "npe.drl", """
                rule "long registries"
                when
                    LockedPackage( name == "gizmo", ((String) null).length() > 5 )
                then
                end
                """);
        Verdict v = evaluate(e, null);
        assertEquals(Outcome.FAIL, v.outcome());
        sourcesFindingsSurvive(v);
        Finding err = only(v, "rule-error");
        assertTrue(err.message().contains("rule \"long registries\" (" + dir.resolve("npe.drl") + ":4) failed on LockedPackage gizmo@0.3.0 (Cargo.lock:20:1)"),
                err.message());
        assertEquals("gizmo@0.3.0", err.subject());
        assertEquals("Cargo.lock", err.location().file());
    }

    @Test
    void aConsequenceThatThrowsNamesItsFileLineAndFact(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "boom.drl", """
                rule "boom"
                when
                    $p : LockedPackage( name == "serde" )
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Verdict v = evaluate(e, null);
        sourcesFindingsSurvive(v);
        Finding err = only(v, "rule-error");
        assertTrue(err.message().contains("rule \"boom\" (" + dir.resolve("boom.drl") + ":4) failed on LockedPackage serde@1.0.0 (Cargo.lock:10:1): IllegalStateException: boom"),
                err.message());
    }

    @Test
    void aStackOverflowInAConsequenceIsARuleErrorAndTheRestStillRuns(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "deep.drl", """
                function int deep(int n) { return deep(n + 1) + 1; }
                rule "deep"
                when
                    LockedPackage( name == "serde" )
                then
                    deep(0);
                end
                """);
        Verdict v = evaluate(e, null);
        sourcesFindingsSurvive(v);
        Finding err = only(v, "rule-error");
        assertTrue(err.message().contains("rule \"deep\" (" + dir.resolve("deep.drl") + ":5)") && err.message().contains("StackOverflowError"),
                err.message());
    }

    @Test
    void aRuleThatNeverReturnsEndsTheEvaluationWithoutAVerdict(@TempDir Path dir) throws IOException {
        PolicyEngine e = engine(dir, "spin.drl", """
                rule "spin"
                when
                    SourcesConfig()
                then
                    while (true) { }
                end
                """);
        long start = System.nanoTime();
        EvaluationException x = assertThrows(EvaluationException.class, () -> evaluate(e, new EngineLimits(0, Duration.ofSeconds(2), 0)));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took < 2_000 + DroolsPolicyEngine.GRACE_MILLIS + 2_000, took + " ms");
        assertTrue(x.getMessage().startsWith("rule \"spin\" (" + dir.resolve("spin.drl") + ":4) did not return within the wall-clock budget of 2 s"),
                x.getMessage());
    }
}
