package dev.tollgate.inputs.commits;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.CommitsConfig;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.tollgate.TollgateToml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitsRulesTest {
    static PolicyEngine engine;

    @BeforeAll
    static void build() {
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    static List<Finding> lint(CommitsConfig cfg, String... messages) {
        List<Object> facts = new ArrayList<>();
        facts.add(cfg);
        for (int i = 0; i < messages.length; i++) facts.add(ConventionalCommits.parse("c" + i, "c" + i + "full", messages[i], ""));
        return engine.evaluate(facts, Set.of("commits")).findings();
    }

    static List<String> codes(List<Finding> fs) {
        return fs.stream().map(f -> f.subject() + " " + f.code()).sorted().toList();
    }

    @Test
    void eachViolationNamesTheCommitAndTheFix() {
        List<Finding> fs = lint(CommitsConfig.defaults(),
                "feat(api): add a route",           // c0 ok
                "Update README",                    // c1
                "Feat: shout",                      // c2
                "feature(ui): add a button",        // c3
                "fix: ",                            // c4
                "fix: " + "x".repeat(96),           // c5: 101 characters
                "docs: ok\nno blank line",          // c6
                "Merge pull request #1 from a/b",   // c7 exempt
                "Revert \"feat: x\"",               // c8 exempt
                "security: pin the TLS version",    // c9 ok (RFC type)
                "fix(parser)!: drop the old syntax\n\nBREAKING CHANGE: gone"); // c10 ok
        assertEquals(List.of("c1 commit-not-conventional", "c2 commit-type-case", "c3 commit-type-not-allowed",
                "c4 commit-description-empty", "c5 commit-header-too-long", "c6 commit-body-leading-blank"), codes(fs));
        Finding nc = fs.stream().filter(f -> f.subject().equals("c1")).findFirst().orElseThrow();
        assertEquals("c1 \"Update README\": not a conventional commit (the header starts with `Update ` and has no `type: ` prefix); "
                + "write the header as `type(scope): description`, for example `chore: update README`", nc.message());
        Finding tc = fs.stream().filter(f -> f.subject().equals("c2")).findFirst().orElseThrow();
        assertTrue(tc.message().endsWith("write `feat: shout`"), tc.message());
        Finding ta = fs.stream().filter(f -> f.subject().equals("c3")).findFirst().orElseThrow();
        assertTrue(ta.message().contains("write `feat(ui): add a button`"), ta.message());
        Finding len = fs.stream().filter(f -> f.subject().equals("c5")).findFirst().orElseThrow();
        assertEquals(101, len.data().get("length"));
        assertEquals(Severity.WARNING, fs.stream().filter(f -> f.subject().equals("c6")).findFirst().orElseThrow().severity());
    }

    @Test
    void settingsChangeTheRules() {
        CommitsSettings s = CommitsSettings.read(TollgateToml.parse("""
                [commits]
                extra-types = ["deps"]
                header-max-length = 20
                merge-pattern = ''
                first-parent = true
                colour = "red"
                """, "tollgate.toml"));
        assertTrue(s.firstParent());
        assertEquals(List.of("feat", "fix", "chore", "docs", "perf", "security", "deps"), s.config().types());
        assertEquals(1, s.issues().size());
        assertEquals("commits.colour", s.issues().get(0).key());
        assertEquals(List.of("c0 commit-header-too-long", "c1 commit-type-not-allowed", "c2 commit-not-conventional"),
                codes(lint(s.config(), "deps: bump serde to 1.0.300", "test: ok", "Merge branch 'x'")));
    }

    @Test
    void badSettingsPointAtTheKey() {
        InputException e = assertThrows(InputException.class, () -> CommitsSettings.read(TollgateToml.parse(
                "[commits]\nmerge-pattern = '(('\n", "tollgate.toml")));
        assertTrue(e.getMessage().startsWith("tollgate.toml:2:1: `commits.merge-pattern` is not a valid regular expression"), e.getMessage());
        InputException t = assertThrows(InputException.class, () -> CommitsSettings.read(TollgateToml.parse(
                "[commits]\nextra-types = [\"Deps\"]\n", "tollgate.toml")));
        assertTrue(t.getMessage().startsWith("tollgate.toml:2:"), t.getMessage());
        InputException n = assertThrows(InputException.class, () -> CommitsSettings.read(TollgateToml.parse(
                "[commits]\nheader-max-length = \"long\"\n", "tollgate.toml")));
        assertTrue(n.getMessage().contains("expected an integer"), n.getMessage());
    }

    @Test
    void prTitles() {
        List<Object> facts = new ArrayList<>(List.of(CommitsConfig.defaults(), ConventionalCommits.title("Add dark mode")));
        List<Finding> fs = engine.evaluate(facts, Set.of("commits")).findings();
        assertEquals(1, fs.size());
        assertEquals("PR title", fs.get(0).subject());
        assertTrue(fs.get(0).message().startsWith("PR title \"Add dark mode\": not a conventional commit"), fs.get(0).message());
        facts.set(1, ConventionalCommits.title("fix(ui): dark mode contrast"));
        assertEquals(List.of(), engine.evaluate(facts, Set.of("commits")).findings());
        facts.set(1, ConventionalCommits.title("fix: a\u0000b"));
        assertEquals("commit-unreadable", engine.evaluate(facts, Set.of("commits")).findings().get(0).code());
    }
}
