package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.tollgate.runner.CheckCommandTest.DEMO;
import static dev.tollgate.runner.CheckCommandTest.DEMO_META;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's hostile custom rules, through {@code check --rules DIR} on the demo: each ends with exit
 * 1 (a verdict that fails, naming the rule's FILE:LINE, with every other policy's findings still in
 * the report) or 2 (no verdict: one line naming the rule), and within the budget.
 */
class HostileRulesCheckTest {
    @TempDir
    static Path cache;
    /** The findings (code subject file:line) of the demo without custom rules. */
    static List<String> clean;

    private static final String HEAD = """
            package tollgate.hostile;
            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;
            """;

    @BeforeAll
    static void cleanRun() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--format", "json");
        assertEquals(1, r.code(), r.toString());
        clean = findings(r.json());
        assertTrue(clean.size() > 10, clean.toString());
    }

    static List<String> findings(JsonNode j) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            out.add(f.get("policy").asText() + " " + f.get("code").asText() + " " + f.get("subject").asText() + " "
                    + f.get("file").asText() + ":" + f.get("line").asInt());
        }
        return out;
    }

    private static Run check(Path rules, Path repo, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString(), "--metadata", DEMO_META,
                "--format", "json", "--rules", rules.toString(), "--cache-dir", cache.toString()));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static Path rules(Path dir, String file, String body) throws IOException {
        Files.writeString(dir.resolve(file), HEAD + body);
        return dir;
    }

    /** Exit 1; every finding of the clean run is still reported; the new ones include {@code code} naming FILE:LINE. */
    private static JsonNode failsKeepingEverything(Run r, String code, String fileLine) {
        assertEquals(1, r.code(), r.toString());
        JsonNode j = r.json();
        assertEquals("fail", j.get("verdict").asText());
        List<String> now = findings(j);
        assertTrue(now.containsAll(clean), "lost: " + new TreeSet<>(clean.stream().filter(f -> !now.contains(f)).toList()));
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals(code) && f.get("message").asText().contains(fileLine)) return f;
        }
        throw new AssertionError("no " + code + " naming " + fileLine + " in " + r.out());
    }

    @Test
    void aRuleDeletingEveryFindingHidesNothing(@TempDir Path dir) throws IOException {
        Path rules = rules(dir, "eraser.drl", """
                rule "erase"
                    salience -100000
                when
                    $f : Finding()
                then
                    delete($f);
                end
                """);
        JsonNode f = failsKeepingEverything(check(rules, DEMO), "rule-error", rules.resolve("eraser.drl") + ":4");
        assertTrue(f.get("message").asText().contains("deleted a finding"), f.toString());
    }

    @Test
    void aModifyLoopStopsAtTheFiringBudget(@TempDir Path dir) throws IOException {
        Path rules = rules(dir, "loop.drl", """
                rule "again and again"
                when
                    $m : WorkspaceMember()
                then
                    update($m);
                end
                """);
        long start = System.nanoTime();
        Run r = check(rules, DEMO);
        assertTrue(System.nanoTime() - start < 60_000_000_000L);
        JsonNode f = failsKeepingEverything(r, "rule-budget-exceeded", "\"again and again\" (" + rules.resolve("loop.drl") + ":4)");
        assertEquals("firings", f.get("data").get("budget").asText());
    }

    @Test
    void anInsertLoopStopsAtTheWorkingMemoryCap(@TempDir Path dir) throws IOException {
        Path rules = rules(dir, "flood.drl", """
                rule "flood"
                when
                    LockedPackage( name == "serde" )
                then
                    while (true) insert(new Object());
                end
                """);
        JsonNode f = failsKeepingEverything(check(rules, DEMO), "rule-budget-exceeded", "when working memory reached");
        assertEquals("facts", f.get("data").get("budget").asText());
    }

    @Test
    void aNullInAConditionIsARuleErrorOnThePackage(@TempDir Path dir) throws IOException {
        // the issue's example: raw is null for the workspace's own (path) packages
        Path rules = rules(dir, "npe.drl", """
                rule "long sources"
                when
                    LockedPackage( source.raw.length() > 5 )
                then
                end
                """);
        JsonNode f = failsKeepingEverything(check(rules, DEMO), "rule-error", rules.resolve("npe.drl") + ":4");
        assertTrue(f.get("message").asText().contains(" failed on LockedPackage "), f.toString());
        assertEquals("Cargo.lock", f.get("file").asText(), "points at the package it failed on: " + f);
    }

    @Test
    void anExceptionInAConsequenceIsARuleError(@TempDir Path dir) throws IOException {
        Path rules = rules(dir, "boom.drl", """
                rule "boom"
                when
                    $p : LockedPackage( name == "serde" )
                then
                    throw new IllegalStateException("boom " + $p.id());
                end
                """);
        JsonNode f = failsKeepingEverything(check(rules, DEMO), "rule-error", rules.resolve("boom.drl") + ":4");
        assertTrue(f.get("message").asText().contains("IllegalStateException: boom serde@"), f.toString());
    }

    @Test
    void aConsequenceThatNeverReturnsIsExit2NamingTheRule(@TempDir Path dir, @TempDir Path tmp) throws IOException {
        // the demo and its advisory db (tollgate.toml: db = "../advisory-db"), with a 2 s budget
        Path repo = tmp.resolve("demo");
        copy(DEMO, repo);
        copy(DEMO.resolveSibling("advisory-db"), tmp.resolve("advisory-db"));
        Files.writeString(repo.resolve("tollgate.toml"), "\n[engine]\ntimeout-seconds = 2\n", java.nio.file.StandardOpenOption.APPEND);
        Path rules = rules(dir, "spin.drl", """
                rule "spin"
                when
                    LockedPackage( name == "serde" )
                then
                    while (true) { }
                end
                """);
        long start = System.nanoTime();
        Run r = check(rules, repo, "--policies", "sources,hostile");
        long took = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals("tollgate: rule \"spin\" (" + rules.resolve("spin.drl") + ":4) did not return within the wall-clock budget of 2 s"
                + " (timeout-seconds in tollgate.toml [engine]); the evaluation ended without a verdict\n", r.err());
        assertTrue(took < 2_000 + 5_000 + 5_000, took + " ms (with the engine build)");
    }

    @Test
    void badEngineSettingsAreInputErrorsAtTheirLine(@TempDir Path repo) throws IOException {
        copy(DEMO, repo);
        Files.writeString(repo.resolve("tollgate.toml"), "\n[engine]\nmax-firings = -5\n", java.nio.file.StandardOpenOption.APPEND);
        Run r = Run.of("check", "--repo", repo.toString(), "--metadata", DEMO_META, "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: tollgate.toml:") && r.err().contains("`engine.max-firings` must be a whole number"), r.err());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
