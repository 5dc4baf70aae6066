package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.tollgate.runner.CheckCommandTest.DEMO;
import static dev.tollgate.runner.CheckCommandTest.DEMO_META;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom policies and replaced shipped files, through {@code check --rules DIR} on the demo. */
class CustomPoliciesTest {
    @TempDir
    static Path cache;

    private static final String MSRV = """
            package tollgate.msrv;
            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;

            rule "no rust-version"
                @code("missing-rust-version") @severity("warning") @doc("A workspace crate sets no rust-version.")
                @url("https://example.com/msrv#missing-rust-version")
            when
                $m : WorkspaceMember( rustVersion == "" )
            then
                insert(Finding.of("msrv", "missing-rust-version", Severity.WARNING, $m.name() + " sets no rust-version").about($m.id()));
            end

            rule "every member"
                @code("member-seen") @severity("note") @doc("A workspace crate was seen.")
            when
                $m : WorkspaceMember()
            then
                insert(Finding.of("msrv", "member-seen", Severity.NOTE, $m.name()).about($m.id()));
            end
            """;

    private static Run check(Path rules, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META,
                "--rules", rules.toString(), "--cache-dir", cache.toString()));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static List<String> policiesOf(JsonNode j) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : j.get("policies")) out.add(p.asText());
        return out;
    }

    private static boolean has(JsonNode j, String code) {
        for (JsonNode f : j.get("findings")) if (f.get("code").asText().equals(code)) return true;
        return false;
    }

    @Test
    void aCustomPolicyIsSelectableListedAndLeftOutWhenNotNamed(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("msrv.drl"), MSRV);
        Run only = check(rules, "--policies", "msrv", "--format", "json");
        assertEquals(0, only.code(), only.toString());
        assertEquals(List.of("msrv"), policiesOf(only.json()));
        assertTrue(has(only.json(), "member-seen"), only.out());
        assertFalse(has(only.json(), "unknown-git"), "sources was not named: " + only.out());

        Run sources = check(rules, "--policies", "sources", "--format", "json");
        assertEquals(List.of("sources"), policiesOf(sources.json()));
        assertFalse(has(sources.json(), "member-seen"), "msrv was not named: " + sources.out());

        Run all = check(rules);
        assertEquals(1, all.code(), all.toString());
        String last = all.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.endsWith("(policies: advisories, bans, licenses, msrv, sources, workflows)"), last);
        assertTrue(all.out().contains("\nmsrv\n"), all.out());

        Run typo = check(rules, "--policies", "msrvv");
        assertEquals(2, typo.code(), typo.toString());
        assertTrue(typo.err().startsWith("tollgate: unknown policy `msrvv` in --policies; known: sources, licenses, bans, advisories, workflows, commits, msrv"),
                typo.err());
    }

    @Test
    void customCodesLinkToTheirOwnUrlOrToNothing(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("msrv.drl"), MSRV);
        Run r = check(rules, "--policies", "msrv,sources", "--format", "sarif");
        JsonNode sarifRules = r.json().get("runs").get(0).get("tool").get("driver").get("rules");
        JsonNode withUrl = null;
        JsonNode without = null;
        JsonNode shipped = null;
        for (JsonNode rule : sarifRules) {
            switch (rule.get("id").asText()) {
                case "missing-rust-version" -> withUrl = rule;
                case "member-seen" -> without = rule;
                case "unknown-git" -> shipped = rule;
                default -> { }
            }
        }
        assertEquals("https://example.com/msrv#missing-rust-version", withUrl.get("helpUri").asText());
        assertFalse(without.has("helpUri"), without.toString());
        assertFalse(without.has("help"), without.toString());
        assertTrue(shipped.get("helpUri").asText().endsWith("/docs/policies/sources.md#unknown-git"), shipped.toString());
    }

    @Test
    void replacingAShippedFileIsANoteNamingIt(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("sources.drl"), """
                package tollgate.sources;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;

                rule "nothing but a note"
                    @code("sources-replaced-note") @severity("note") @doc("A note.")
                when
                    LockedPackage( name == "serde", $id : id )
                then
                    insert(Finding.of("sources", "sources-replaced-note", Severity.NOTE, "seen").about($id));
                end
                """);
        Run r = check(rules, "--policies", "sources", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode note = null;
        for (JsonNode f : r.json().get("findings")) if (f.get("code").asText().equals("shipped-rules-replaced")) note = f;
        assertTrue(note != null, r.out());
        assertEquals("note", note.get("severity").asText());
        assertEquals(rules.resolve("sources.drl").toString(), note.get("file").asText());
        assertTrue(note.get("message").asText().contains("rules/sources.drl is replaced by " + rules.resolve("sources.drl")), note.toString());
        Run text = check(rules, "--policies", "sources");
        assertTrue(text.out().contains("shipped-rules-replaced sources.drl"), text.out());
        assertTrue(text.out().strip().endsWith("warn: 0 errors, 1 warning, 2 notes (policies: sources)"), text.out());
    }

    @Test
    void aReplacementThatDropsThePolicyIsRefused(@TempDir Path tmp) throws IOException {
        Path otherPackage = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(otherPackage.resolve("sources.drl"), MSRV);
        Run r = check(otherPackage);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: " + otherPackage.resolve("sources.drl") + ":1:1: replaces the shipped sources.drl (package tollgate.sources) but declares package tollgate.msrv"),
                r.err());

        Path empty = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(empty.resolve("sources.drl"), "package tollgate.sources;\n// nothing left\n");
        Run e = check(empty);
        assertEquals(2, e.code(), e.toString());
        assertTrue(e.err().contains(empty.resolve("sources.drl") + ":1:1: replaces the shipped sources.drl with no rules"), e.err());
    }

    @Test
    void rulesInASubdirectoryAreRefusedNotIgnored(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("msrv.drl"), MSRV);
        Path nested = Files.createDirectories(rules.resolve("more"));
        Files.writeString(nested.resolve("extra.drl"), MSRV.replace("tollgate.msrv", "tollgate.extra"));
        Files.writeString(nested.resolve("scenarios.yaml"), "scenarios: []\n");
        Run r = check(rules);
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: " + nested.resolve("extra.drl") + ": rules in a subdirectory are not read; move the file into " + rules
                + ", or pass its directory with another --rules\n", r.err());
    }

    @Test
    void checkLintsCustomRulesLikeRulesCheck(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("msrv.drl"), MSRV.replace("insert(Finding.of(\"msrv\", \"member-seen\"", "insert(Finding.of(\"msrv\", \"not-declared\""));
        Run r = check(rules);
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains(rules.resolve("msrv.drl") + ":19:") && r.err().contains("not-declared"), r.err());
    }

    /**
     * {@code check} lints custom rules without compiling them into a second KieBase with every shipped
     * rule, so what that second build caught must hold for the engine {@code check} builds: a custom
     * file may not reuse a shipped package, even one whose rules this run does not build.
     */
    @Test
    void aShippedPackageIsRefusedEvenWhenItsPolicyIsNotBuilt(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("more-bans.drl"), MSRV.replace("tollgate.msrv", "tollgate.bans").replace("\"msrv\"", "\"bans\""));
        Run r = check(rules, "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: " + rules.resolve("more-bans.drl") + ":1:1: package tollgate.bans is already used by the bundled bans.drl; "
                + "use another package, or name the file bans.drl to replace it\n", r.err());
    }
}
