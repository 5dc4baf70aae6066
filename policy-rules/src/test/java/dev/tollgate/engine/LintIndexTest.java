package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.RulesException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped files' lint index is what parsing their sources gives, and the lint still sees them. */
class LintIndexTest {

    @Test
    void theIndexOnTheClassPathEqualsAParseOfTheShippedSources() {
        List<RuleCheck.Parsed> index = LintIndex.read(RuleCheck.class.getClassLoader());
        assertNotNull(index, "the build writes " + LintIndex.RESOURCE);
        List<RuleCheck.Parsed> parsed = RuleCheck.files(EngineOptions.bundled()).stream().map(RuleCheck::parse).toList();
        assertEquals(parsed, index);
        assertTrue(index.size() >= 6 && index.stream().mapToInt(p -> p.rules().size()).sum() > 100, index.size() + " files");
    }

    @Test
    void writeThenReadGivesTheSameFilesAndADamagedIndexIsRefused() {
        List<RuleCheck.Parsed> parsed = List.of(
                RuleCheck.parse(new RuleFile("a.drl", "/x/a.drl", "package tollgate.a;\nrule \"r\" @code(\"c-1\") @severity(\"note\") @doc(\"d\")\n"
                        + "when\nthen\n insert(Finding.of(\"a\", \"c-1\", Severity.NOTE, \"m\"));\nend\n")),
                RuleCheck.parse(new RuleFile("b.drl", "/x/b.drl", "// no package\n")));
        assertEquals(1, parsed.get(0).rules().size());
        assertEquals(null, parsed.get(1).pkg());
        byte[] bytes = LintIndex.write(parsed);
        assertEquals(parsed, LintIndex.read(bytes));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(IllegalStateException.class, () -> LintIndex.read(cut));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalStateException.class, () -> LintIndex.read(longer));
    }

    @Test
    void aCustomFileIsStillLintedAgainstTheShippedOnes(@TempDir Path dir) throws Exception {
        // a rule named like a shipped one, and a code the shipped sources.drl declares
        Files.writeString(dir.resolve("mine.drl"), "package tollgate.mine;\n"
                + "import dev.tollgate.api.facts.*;\nimport dev.tollgate.rules.Findings;\n"
                + "rule \"unknown-registry\"\n    @code(\"unknown-git\")\n    @severity(\"error\")\n    @doc(\"d\")\n"
                + "when\n    LockedPackage()\nthen\n    insert(Findings.of(drools, \"m\"));\nend\n");
        RuleCheck.Report lint = RuleCheck.lint(EngineOptions.bundled().withRuleDirs(List.of(dir)));
        List<String> failures = lint.failures().stream().map(Problem::toString).toList();
        String f = dir.resolve("mine.drl").toString();
        assertTrue(failures.stream().anyMatch(p -> p.startsWith(f + ":4:") && p.contains("same name as the rule at (bundled) sources.drl:")), failures.toString());
        assertTrue(failures.stream().anyMatch(p -> p.startsWith(f + ":5:") && p.contains("is already declared by rule")
                && p.contains("(bundled) sources.drl:")), failures.toString());
        // and replacing the shipped file takes its rules out of the lint
        Files.writeString(dir.resolve("sources.drl"), "package tollgate.sources;\n");
        List<Problem> after = RuleCheck.lint(EngineOptions.bundled().withRuleDirs(List.of(dir))).failures();
        assertFalse(after.stream().anyMatch(p -> p.toString().contains("(bundled) sources.drl")), after.toString());
    }
}
