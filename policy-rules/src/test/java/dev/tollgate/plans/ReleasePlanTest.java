package dev.tollgate.plans;

import dev.tollgate.inputs.versions.ReleaseFacts;
import dev.tollgate.inputs.commits.ConventionalCommits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan release on the demo history (test-fixtures/demo-history.sh) and on broken inputs. */
class ReleasePlanTest {
    static PolicyEngine engine;

    @BeforeAll
    static void build() {
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    static Path demoRepo(Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", Corpus.fixture("demo-history.sh").toString(), dir.resolve("repo").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return dir.resolve("repo");
    }

    static ReleasePlan plan(Path repo) {
        ReleaseFacts.Input in = ReleaseFacts.load(repo, null);
        return ReleasePlan.of(in, engine.derive(in.facts(), Set.of("versions")));
    }

    @Test
    void demoHistory(@TempDir Path dir) throws Exception {
        Path repo = demoRepo(dir);
        ReleasePlan plan = plan(repo);
        // v0.3.1 tags the whole workspace (version.workspace = true everywhere). Since then: a feat and
        // a perf in demo-core, a fix in demo-cli, a non-conventional commit in demo-plugins, docs in
        // README.md (no crate). 0.x: feat is a patch, so the shared version goes 0.3.1 -> 0.3.2.
        JsonNode json = new ObjectMapper().readTree(plan.toJson());
        assertEquals(3, json.get("crates").size());
        for (JsonNode c : json.get("crates")) {
            assertEquals("0.3.1", c.get("current").asText());
            assertEquals("0.3.2", c.get("next").asText());
            assertEquals("patch", c.get("bump").asText());
            assertEquals("v0.3.1", c.get("baseline").asText());
        }
        assertEquals("demo-core", json.get("crates").get(0).get("name").asText(), "dependencies first");
        assertEquals(List.of("demo-core", "demo-cli", "demo-plugins"), plan.publishOrder());
        assertEquals(2, json.get("crates").get(0).get("commits").size());
        assertEquals("Update the plugins readme", json.get("crates").get(2).get("commits").get(0).get("header").asText());

        String log = plan.toChangelog("2026-11-06T10:00:00+00:00");
        assertTrue(log.contains("## demo-core [0.3.2] - 2026-11-06\n\n### Added\n\n- **core:** add the Widget type ("), log);
        assertTrue(log.contains("### Performance\n\n- **core:** cache parsed configs ("), log);
        assertTrue(log.contains("## demo-cli [0.3.2] - 2026-11-06\n\n### Fixed\n\n- **cli:** exit with 2 on a bad flag ("), log);
        assertTrue(log.contains("### Other\n\n- Update the plugins readme ("), log);
        assertTrue(!log.contains("explain the demo"), "docs make no entry");
    }

    @Test
    void breakingEntriesComeFirstAndMarked(@TempDir Path dir) throws Exception {
        ConventionalCommits.parse("a", "aaaaaaaaaa", "fix: small", "");
        ReleasePlan plan = new ReleasePlan(List.of(new ReleasePlan.CratePlan("x", "1.0.0", "2.0.0", "major", "r", "v1.0.0", true,
                List.of(ConventionalCommits.parse("a", "aaaaaaaaaa", "fix: small", ""),
                        ConventionalCommits.parse("b", "bbbbbbbbbb", "fix(io)!: read bytes\n\nBREAKING CHANGE: read() takes a buffer", ""),
                        ConventionalCommits.parse("c", "cccccccccc", "refactor!: rename the crate", ""),
                        ConventionalCommits.parse("d", "dddddddddd", "chore: tidy", "")),
                List.of())), List.of("x"), List.of());
        String log = plan.toChangelog("2026-01-01");
        assertTrue(log.contains("### Changed\n\n- **BREAKING** rename the crate (ccccccc)\n"), log);
        assertTrue(log.contains("### Fixed\n\n- **BREAKING** **io:** read bytes — read() takes a buffer (bbbbbbb)\n- small (aaaaaaa)\n"), log);
        assertTrue(!log.contains("tidy"), log);
    }

    @Test
    void dependencyCyclesAreNamed() {
        InputException e = assertThrows(InputException.class, () -> ReleasePlan.publishOrder(new TreeSet<>(Set.of("a", "b", "c")),
                Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))));
        assertEquals("Cargo.toml: dependency cycle among workspace crates: a -> b -> c -> a; no publish order exists "
                + "(break the cycle, or make one edge a dev-dependency)", e.getMessage());
        assertEquals(List.of("c", "b", "a"), ReleasePlan.publishOrder(new TreeSet<>(Set.of("a", "b", "c")),
                Map.of("a", Set.of("b"), "b", Set.of("c"))));
    }

    @Test
    void badHeadAndNonSemverTags(@TempDir Path dir) throws Exception {
        Path repo = demoRepo(dir);
        InputException e = assertThrows(InputException.class, () -> ReleaseFacts.load(repo, "nope"));
        assertTrue(e.getMessage().contains("--head `nope`: no such commit, branch or tag"), e.getMessage());
        try (var git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            git.tag().setName("v0.4").setAnnotated(false).call();
        }
        ReleasePlan plan = plan(repo);
        assertEquals(1, plan.findings().size());
        assertEquals("release-tag-not-semver", plan.findings().get(0).code());
        assertEquals("0.3.2", plan.crates().get(0).next(), "the bad tag changes nothing else");
    }
}
