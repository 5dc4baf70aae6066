package dev.tollgate.runner;

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

/**
 * Every kind of compile error, one broken rule each: exactly one line at the {@code .drl}'s
 * FILE:LINE:COLUMN, in the author's terms (no generated class names, no Drools internals), through
 * {@code rules check} and {@code check --rules}, exit 2.
 */
class RuleCompileErrorsTest {
    private static final String HEADER = """
            package tollgate.msrv;

            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;

            """;

    /** The rest of the file after {@link #HEADER} (which ends on line 5), and the one line expected after {@code FILE:}. */
    record Broken(String kind, String drl, String expected) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Broken> broken() {
        return Stream.of(
                new Broken("DRL syntax", """
                        rule "syntax"
                        when
                            $m : WorkspaceMember( name == "a"
                        then
                        end
                        """, "9:1: mismatched input 'then' in rule \"syntax\""),
                new Broken("unknown fact type", """
                        rule "unknown type"
                        when
                            $m : WorkspaceMembr()
                        then
                        end
                        """, "8:5: rule \"unknown type\": unknown fact type WorkspaceMembr (import it, or check its name against docs/facts.md)"),
                new Broken("unknown field", """
                        rule "unknown field"
                        when
                            $m : WorkspaceMember( nmae == "a" )
                        then
                        end
                        """, "8:5: rule \"unknown field\": `nmae == \"a\"`: WorkspaceMember has no field nmae"),
                new Broken("type error in a condition", """
                        rule "type error"
                        when
                            $m : WorkspaceMember( publish > "a" )
                        then
                        end
                        """, "8:27: rule \"type error\": publish is a boolean and cannot be compared with \"a\""),
                new Broken("enum compared with a string", """
                        rule "enum"
                        when
                            $p : LockedPackage( source.gitSpec == "rev" )
                        then
                        end
                        """, "8:32: rule \"enum\": gitSpec is the enum GitSpec, not a string; compare with GitSpec.REV"),
                new Broken("an advisory kind written as the string it used to be", """
                        rule "kind"
                        when
                            $a : Advisory( kind == "unmaintained" )
                        then
                        end
                        """, "8:20: rule \"kind\": kind is the enum AdvisoryKind, not a string; compare with AdvisoryKind.UNMAINTAINED"),
                new Broken("unknown method in a consequence", """
                        rule "bad method"
                        when
                            $m : WorkspaceMember()
                        then
                            String s = $m.nmae();
                        end
                        """, "10:19: rule \"bad method\": WorkspaceMember has no method nmae()"),
                new Broken("Java type error in a consequence", """
                        rule "bad java"
                        when
                            $m : WorkspaceMember()
                        then
                            String ok = $m.name();
                            int n = $m.name();
                        end
                        """, "11:13: rule \"bad java\": Type mismatch: cannot convert from String to int"),
                new Broken("Java error in a function", """
                        function String f(String s) {
                            return s.lenght();
                        }

                        rule "fn"
                        when
                            $m : WorkspaceMember()
                        then
                            f($m.name());
                        end
                        """, "7:14: function f(): String has no method lenght()"),
                new Broken("a declared type that extends an unknown type", """
                        declare Evil extends NoSuchType
                        end

                        rule "x"
                        when
                        then
                        end
                        """, "6:22: unknown type NoSuchType (import it, or write its full name)"),
                // Expressions the executable-model compiler throws on instead of reporting: located all the same.
                new Broken("a cast in a constraint", """
                        rule "long jobs"
                        when
                            $j : WorkflowJob( ((Number) get("timeout-minutes")).longValue() > 30 )
                        then
                        end
                        """, "8:24: rule \"long jobs\": a cast, `(Number) …`, is not supported in a pattern's constraints; bind the value "
                        + "and match it with a pattern of that type (`$v : get(\"key\")` in the pattern, then `Number( … ) from $v`), "
                        + "or cast inside `eval( $x.get(\"key\") instanceof Number && ((Number) $x.get(\"key\")).… )`"),
                new Broken("a cast in the second of two rules", """
                        rule "fine"
                        when
                            $j : WorkflowJob( name != null )
                        then
                        end

                        rule "cast"
                        when
                            $w : WorkflowJob( name != null )
                            $j : WorkflowJob( this != $w, ((Number) get("timeout-minutes")).longValue() > 30 )
                        then
                        end
                        """, "15:36: rule \"cast\": a cast, `(Number) …`, is not supported in a pattern's constraints; bind the value "
                        + "and match it with a pattern of that type (`$v : get(\"key\")` in the pattern, then `Number( … ) from $v`), "
                        + "or cast inside `eval( $x.get(\"key\") instanceof Number && ((Number) $x.get(\"key\")).… )`"),
                new Broken("a cast on the left of a comparison", """
                        rule "cast left"
                        when
                            $j : WorkflowJob( (String) get("name") != null )
                        then
                        end
                        """, "8:23: rule \"cast left\": a cast, `(String) …`, is not supported in a pattern's constraints; bind the value "
                        + "and match it with a pattern of that type (`$v : get(\"key\")` in the pattern, then `String( … ) from $v`), "
                        + "or cast inside `eval( $x.get(\"key\") instanceof String && ((String) $x.get(\"key\")).… )`"),
                new Broken("type arguments in a constraint", """
                        rule "generic"
                        when
                            $j : WorkflowJob( new java.util.ArrayList<String>(needs).size() > 1 )
                        then
                        end
                        """, "8:37: rule \"generic\": type arguments (`ArrayList<…>`) are not supported in a pattern's constraints; "
                        + "write the raw type (`new java.util.ArrayList(…)`), or compute the value in a function"),
                new Broken("a conditional expression in a constraint", """
                        rule "conditional"
                        when
                            $j : WorkflowJob( (this.name == null ? "" : this.name).length() > 3 )
                        then
                        end
                        """, "8:42: rule \"conditional\": a conditional expression (`… ? … : …`) is not supported in a pattern's constraints; "
                        + "write it as conditions (`name != null && name.length() > 3`), or compute the value in a function"),
                new Broken("a conditional expression on a field", """
                        rule "conditional field"
                        when
                            $j : WorkflowJob( (name == null ? "" : name).length() > 3 )
                        then
                        end
                        """, "8:37: rule \"conditional field\": a conditional expression (`… ? … : …`) is not supported in a pattern's constraints; "
                        + "write it as conditions (`name != null && name.length() > 3`), or compute the value in a function"),
                new Broken("a conditional expression inside eval", """
                        rule "fine"
                        when
                            $j : WorkflowJob( name != null )
                        then
                        end

                        rule "conditional eval"
                        when
                            $j : WorkflowJob()
                            eval( ($j.name() == null ? "" : $j.name()).length() > 3 )
                        then
                        end
                        """, "15:5: rule \"conditional eval\": a conditional expression (`… ? … : …`) inside `eval` is compiled wrongly by the "
                        + "engine (a call after its parentheses moves into its last branch); write it as conditions "
                        + "(`name != null && name.length() > 3`), or compute the value in a function"),
                // What the DRL parser refuses is a syntax error at its position.
                new Broken("a lambda in a constraint", """
                        rule "lambda"
                        when
                            $j : WorkflowJob( needs.stream().anyMatch(n -> n.startsWith("build")) )
                        then
                        end
                        """, "8:37: mismatched input '.' in rule \"lambda\""),
                new Broken("instanceof with a binding in a constraint", """
                        rule "binding"
                        when
                            $j : WorkflowJob( get("timeout-minutes") instanceof Number n && n.intValue() > 30 )
                        then
                        end
                        """, "8:64: mismatched input 'n' in rule \"binding\""),
                new Broken("a switch expression in a constraint", """
                        rule "switch"
                        when
                            $j : WorkflowJob( switch (name) { case "a" -> true; default -> false; } )
                        then
                        end
                        """, "8:37: mismatched input '{' in rule \"switch\""));
    }

    /** The odd expressions that work: each compiles, and the file passes the lint. */
    @org.junit.jupiter.api.Test
    void oddExpressionsThatCompile(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER + """
                function int length(String s) {
                    var n = s.length();
                    return n;
                }

                rule "instanceof in a constraint"
                when
                    $j : WorkflowJob( get("timeout-minutes") instanceof Number, length(name) > 3 )
                then
                end

                rule "a cast in eval"
                when
                    $j : WorkflowJob()
                    eval( $j.get("timeout-minutes") instanceof Number && ((Number) $j.get("timeout-minutes")).intValue() > 30 )
                then
                end

                rule "a typed pattern from a bound value"
                when
                    $j : WorkflowJob( $v : get("timeout-minutes") )
                    Number( intValue() > 30 ) from $v
                then
                end

                rule "raw types and arrays in a constraint"
                when
                    $j : WorkflowJob( new java.util.ArrayList(needs).size() > 1, name.split("-")[0] == "build" )
                then
                end

                rule "modern Java in a consequence"
                when
                    $j : WorkflowJob()
                then
                    var name = $j.name();
                    java.util.List<String> needs = new java.util.ArrayList<>($j.needs());
                    int kind = switch (name) { case "build" -> 1; default -> 2; };
                    String text = \"""
                        job
                        \""";
                    needs.forEach(n -> { String x = n + kind + text; });
                    if ($j.get("timeout-minutes") instanceof Number n) { long minutes = n.longValue(); }
                end
                """);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
    }

    /**
     * A custom rule declaring a shipped code again: the engine's build refuses it too, but without a position,
     * so {@code check --rules} must report the lint's FILE:LINE:COLUMN, as {@code rules check} does.
     */
    @org.junit.jupiter.api.Test
    void checkWithRulesPlacesAShippedCodeDeclaredAgain(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER + """
                rule "mine"
                    @code("vulnerability")
                    @severity("note")
                    @doc("d")
                when
                    $m : WorkspaceMember()
                then
                    insert(dev.tollgate.rules.Findings.of(drools, "m").at($m.origin()).about($m.id()));
                end
                """);
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", dir.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.toString());
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).startsWith("tollgate: " + dir.resolve("msrv.drl")
                + ":7:5: code `vulnerability` is already declared by rule \"vulnerability\""), r.toString());
    }

    private static Path write(Path tmp, Broken b) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("msrv.drl"), HEADER + b.drl());
        return dir;
    }

    @ParameterizedTest(name = "rules check: {0}")
    @MethodSource("broken")
    void rulesCheck(Broken b, @TempDir Path tmp) throws IOException {
        Path dir = write(tmp, b);
        Run r = Run.of("rules", "check", dir.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(List.of(dir.resolve("msrv.drl") + ":" + b.expected().replaceFirst("^(\\d+:\\d+: )", "$1error: "),
                "rules check: 1 compile error"), r.err().lines().toList());
        assertFalse(r.err().matches("(?s).*(Lambda|Rules[0-9A-F]{8}|alphaIndexedBy|\\(rules\\)).*"), r.toString());
    }

    @ParameterizedTest(name = "check --rules: {0}")
    @MethodSource("broken")
    void checkWithRules(Broken b, @TempDir Path tmp) throws IOException {
        Path dir = write(tmp, b);
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", dir.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(List.of("tollgate: " + dir.resolve("msrv.drl") + ":" + b.expected()), r.err().lines().toList());
    }
}
