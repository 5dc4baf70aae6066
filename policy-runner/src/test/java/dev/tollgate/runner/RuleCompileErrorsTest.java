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
                        """, "6:22: unknown type NoSuchType (import it, or write its full name)"));
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
