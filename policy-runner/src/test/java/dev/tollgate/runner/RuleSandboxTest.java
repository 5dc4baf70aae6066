package dev.tollgate.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.tollgate.runner.CheckCommandTest.DEMO;
import static dev.tollgate.runner.CheckCommandTest.DEMO_META;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a rule may call (docs/authoring.md): a custom rule that could end the process, run a program,
 * touch files or read the environment is refused when it is compiled, by {@code rules check} and by
 * {@code check --rules}, with exit 2 and the rule's FILE:LINE:COLUMN, before anything of it runs.
 * The rules match a fact the demo workspace has, so each would fire if it were loaded.
 */
class RuleSandboxTest {
    private static final String HEADER = """
            package tollgate.msrv;

            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;

            rule "leak"
            when
                $m : WorkspaceMember()
            then
            """;
    /** The consequence's first line is line 10 of the file. */
    private static final int LINE = 10;

    /** A hostile consequence, what the refusal names, and the column of that name on line 10. */
    record Hostile(String label, String consequence, String named, int column) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Hostile> hostile() {
        return Stream.of(
                new Hostile("System.exit", "System.exit(0);", "calls java.lang.System.exit(int)", 12),
                new Hostile("reflective System.exit",
                        "Class.forName(\"java.lang.\" + \"System\").getMethod(\"ex\" + \"it\", int.class).invoke(null, 0);",
                        "calls java.lang.Class.forName(java.lang.String)", 11),
                new Hostile("method reference to System.exit",
                        "java.util.function.IntConsumer c = System::exit; c.accept(0);", "calls java.lang.System.exit(int)", 48),
                new Hostile("ProcessBuilder", "new ProcessBuilder(\"touch\", \"MARKER\").start();",
                        "calls new java.lang.ProcessBuilder(java.lang.String[])", 9),
                new Hostile("Runtime.exec", "Runtime.getRuntime().exec(new String[]{\"touch\", \"MARKER\"});",
                        "calls java.lang.Runtime.getRuntime()", 13),
                new Hostile("Files.writeString",
                        "java.nio.file.Files.writeString(java.nio.file.Paths.get(\"MARKER\"), \"x\");",
                        "calls java.nio.file.Files.writeString(java.nio.file.Path, java.lang.CharSequence, java.nio.file.OpenOption[])", 25),
                new Hostile("Files.delete", "java.nio.file.Files.delete(java.nio.file.Paths.get(\"VICTIM\"));",
                        "calls java.nio.file.Files.delete(java.nio.file.Path)", 25),
                new Hostile("java.io.File", "new java.io.File(\"VICTIM\").delete();", "calls new java.io.File(java.lang.String)", 17),
                new Hostile("System.getenv", "String home = System.getenv(\"HOME\");",
                        "calls java.lang.System.getenv(java.lang.String)", 26),
                new Hostile("System.getProperty", "String home = System.getProperty(\"user.home\");",
                        "calls java.lang.System.getProperty(java.lang.String)", 26),
                new Hostile("Integer.getInteger reads a system property", "Integer i = Integer.getInteger(\"x\");",
                        "calls java.lang.Integer.getInteger(java.lang.String)", 25),
                new Hostile("System.out forges workflow commands", "System.out.println(\"::add-mask::x\");",
                        "reads java.lang.System.out", 12),
                new Hostile("a thread", "new Thread(() -> {}).start();", "calls new java.lang.Thread(java.lang.Runnable)", 9),
                new Hostile("drools.halt", "drools.halt();", "calls org.drools.model.Drools.halt()", 12),
                new Hostile("the KieRuntime", "drools.getKieRuntime().halt();",
                        "calls org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime()", 12),
                new Hostile("kcontext", "kcontext.getKieRuntime().getEntryPoints();",
                        "calls org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime()", 14),
                new Hostile("MethodHandles", "java.lang.invoke.MethodHandles.lookup();",
                        "calls java.lang.invoke.MethodHandles.lookup()", 36),
                new Hostile("a class loader", "ClassLoader.getSystemClassLoader();",
                        "calls java.lang.ClassLoader.getSystemClassLoader()", 17),
                new Hostile("getClass", "$m.getClass().getClassLoader();", "calls java.lang.Object.getClass()", 8),
                new Hostile("ServiceLoader", "java.util.ServiceLoader.load(Runnable.class).iterator().next().run();",
                        "calls java.util.ServiceLoader.load(java.lang.Class)", 29),
                new Hostile("an embedded engine reads files", "dev.tollgate.api.Tollgate.engine(dev.tollgate.api.EngineOptions.bundled());",
                        "calls dev.tollgate.api.Tollgate.engine(dev.tollgate.api.EngineOptions)", 31));
    }

    private static Path write(Path tmp, Hostile h) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        String consequence = h.consequence()
                .replace("MARKER", tmp.resolve("marker").toString())
                .replace("VICTIM", tmp.resolve("victim").toString());
        Files.writeString(dir.resolve("msrv.drl"), HEADER + "    " + consequence + "\nend\n");
        Files.writeString(tmp.resolve("victim"), "still here");
        return dir;
    }

    /** {@code rules check} writes {@code FILE:LINE:COLUMN: error: …}, {@code check} {@code tollgate: FILE:LINE:COLUMN: …}. */
    private static void assertRefused(Path tmp, Hostile h, Run r, String prefix, String level) {
        Path file = tmp.resolve("rules").resolve("msrv.drl");
        assertEquals(2, r.code(), r.toString());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(r.err().contains(prefix + file + ":" + LINE + ":" + h.column() + ": " + level + "rule \"leak\" " + h.named()
                + ", which rules may not "), r.toString());
        assertTrue(first.startsWith(prefix + file + ":" + LINE + ":"), r.toString());
        assertTrue(first.endsWith("(see docs/authoring.md \"What a rule may call\")"), r.toString());
        assertFalse(r.err().contains("(rules)"), "every problem is located: " + r);
        assertFalse(r.err().contains("Lambda"), "no generated class names: " + r);
        assertFalse(Files.exists(tmp.resolve("marker")), "the program ran: " + r);
        assertTrue(Files.exists(tmp.resolve("victim")), "the file was deleted: " + r);
    }

    @ParameterizedTest(name = "rules check refuses {0}")
    @MethodSource("hostile")
    void rulesCheckRefuses(Hostile h, @TempDir Path tmp) throws IOException {
        Path dir = write(tmp, h);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertRefused(tmp, h, r, "", "error: ");
    }

    @ParameterizedTest(name = "check --rules refuses {0}")
    @MethodSource("hostile")
    void checkRefuses(Hostile h, @TempDir Path tmp) throws IOException {
        Path dir = write(tmp, h);
        Path out = tmp.resolve("report.json");
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", dir.toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--output", "json=" + out);
        assertRefused(tmp, h, r, "tollgate: ", "");
        assertFalse(Files.exists(out), "no report for rules that were refused");
        // Nothing refused is cached: a second run refuses again.
        assertEquals(2, Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString()).code());
    }

    @Test
    void aFunctionIsCheckedLikeAConsequence(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;

                function void boom(int code) {
                    Runtime.getRuntime().halt(code);
                }

                rule "calls a function"
                when
                    $m : WorkspaceMember()
                then
                    boom(0);
                end
                """);
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", dir.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: " + dir.resolve("msrv.drl") + ":6:13: function boom() calls java.lang.Runtime.getRuntime(), which rules may not call"),
                r.toString());
    }

    @Test
    void aDeclaredTypeCannotExtendWhatRulesMayNotUse(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                declare Evil extends java.io.File
                end

                rule "x"
                when
                then
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith(dir.resolve("msrv.drl") + ":3:"), r.toString());
    }

    @Test
    void conditionsImportedFunctionsAndGlobalsAreCheckedToo(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import function java.lang.System.exit;

                global java.io.File victim;

                rule "from env"
                when
                    $h : String() from System.getenv("HOME")
                then
                end

                rule "imported"
                when
                    $m : WorkspaceMember()
                then
                    exit(0);
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        String f = dir.resolve("msrv.drl").toString();
        String tail = " (see docs/authoring.md \"What a rule may call\")";
        assertEquals(java.util.Set.of(
                f + ":6:16: error: the rule file uses java.io.File, which rules may not use" + tail,
                f + ":10:31: error: rule \"from env\" calls java.lang.System.getenv(java.lang.String), which rules may not call" + tail,
                f + ":18:5: error: rule \"imported\" calls java.lang.System.exit(int), which rules may not call" + tail,
                "rules check: 3 compile errors"), java.util.Set.copyOf(r.err().lines().toList()), r.toString());
    }

    @Test
    void whatRulesMayCallCompilesAndRuns(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                import java.util.*;
                import java.util.stream.Collectors;

                function String shout(String s) {
                    return s.toUpperCase(Locale.ROOT) + Math.max(1, s.length());
                }

                rule "allowed calls"
                    @code("allowed-calls")
                    @severity("note")
                    @doc("uses collections, streams, regex, java.time and a function")
                when
                    $m : WorkspaceMember()
                then
                    List<String> parts = new ArrayList<>(Arrays.asList($m.name().split("-")));
                    Map<String, Integer> lengths = parts.stream().collect(Collectors.toMap(p -> p, String::length, (a, b) -> a));
                    boolean word = java.util.regex.Pattern.compile("\\\\w+").matcher($m.name()).find();
                    java.time.Duration d = java.time.Duration.ofSeconds(lengths.size());
                    Optional<String> first = parts.stream().findFirst();
                    StringBuilder sb = new StringBuilder(shout(first.orElse(""))).append(word).append(d.isZero());
                    insert(Finding.of("msrv", "allowed-calls", Severity.NOTE, sb.toString()).about($m.name()));
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.code(), r.toString());
        Run c = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", dir.toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--format", "json");
        assertTrue(c.code() == 0 || c.code() == 1, c.toString());
        assertTrue(c.out().contains("\"allowed-calls\""), c.toString());
    }

    @Test
    void theShippedRulesPassTheList() {
        // PrecompileRules applies the same check when the module is built (a refusal fails the build);
        // `rules check` with no directory compiles nothing but must still be clean.
        Run r = Run.of("rules", "check");
        assertEquals(0, r.code(), r.toString());
        assertTrue(List.of(r.err().split("\n")).stream().noneMatch(l -> l.contains("may not")), r.toString());
    }
}
