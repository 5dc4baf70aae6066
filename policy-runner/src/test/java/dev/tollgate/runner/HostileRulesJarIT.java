package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile rules through {@code java -jar} (launcher and relaunched child), with the default budgets:
 * a loop ends within 60 s in 1 GiB with exit 1; a JVM that ends before the report, or runs out of
 * memory, is exit 2 with one line, never a stack trace, never 0 or 1.
 */
class HostileRulesJarIT {
    private static final String HEAD = """
            package tollgate.hostile;
            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;
            """;

    @TempDir
    static Path cacheHome;

    private static JarIT.Result check(Path rules, Map<String, String> env) throws IOException, InterruptedException {
        JarIT.cacheHome = cacheHome;
        Path demo = Corpus.fixture("demo");
        return JarIT.java(env, "check", "--repo", demo.toString(), "--metadata", demo.resolve("cargo-metadata.json").toString(),
                "--offline", "--rules", rules.toString(), "--cache-dir", cacheHome.resolve("rules").toString());
    }

    @Test
    void aModifyLoopEndsWithinTheDefaultBudgetsInOneGibibyte(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("loop.drl"), HEAD + """
                rule "again and again"
                when
                    $m : WorkspaceMember()
                then
                    update($m);
                end
                """);
        long start = System.nanoTime();
        JarIT.Result r = check(rules, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, r.code(), r.err());
        assertTrue(took < 60_000, took + " ms");
        assertTrue(r.out().contains("rule-budget-exceeded"), r.out());
        assertTrue(r.out().contains("\"again and again\" (" + rules.resolve("loop.drl") + ":4)"), r.out());
        assertTrue(r.out().contains("unknown-git fancy-widgets@0.4.2"), "the other policies' findings are reported: " + r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void aJvmEndedByARuleIsExit2NotPass(@TempDir Path rules) throws Exception {
        // Whether the rule is refused when it is compiled or stops the JVM while it runs, never 0.
        Files.writeString(rules.resolve("quit.drl"), HEAD + """
                rule "quit"
                when
                    LockedPackage( name == "serde" )
                then
                    System.exit(0);
                end
                """);
        JarIT.Result launched = check(rules, Map.of());
        assertEquals(2, launched.code(), launched.out() + launched.err());
        assertEquals("", launched.out());
        JarIT.Result inOneJvm = check(rules, Map.of("TOLLGATE_NO_RELAUNCH", "1"));
        assertEquals(2, inOneJvm.code(), inOneJvm.out() + inOneJvm.err());
        assertEquals("", inOneJvm.out());
    }

    @Test
    void heapExhaustionIsOneLineAndExit2(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("hog.drl"), HEAD + """
                rule "hog"
                when
                    LockedPackage( name == "serde" )
                then
                    java.util.List<long[]> all = new java.util.ArrayList<>();
                    while (true) all.add(new long[1 << 20]);
                end
                """);
        JarIT.Result r = check(rules, Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("tollgate: ") && lines.get(0).contains("memory"), r.err());
    }
}
