package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `check --policies commits`, `--pr-title` and `plan release` on the demo history (test-fixtures/demo-history.sh). */
class HistoryCommandsTest {
    @TempDir
    static Path dir;
    static Path repo;

    @BeforeAll
    static void buildDemoHistory() throws Exception {
        repo = dir.resolve("demo-repo");
        Process p = new ProcessBuilder("bash", Corpus.fixture("demo-history.sh").toString(), repo.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void commitsInTheRange() {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "commits", "--base", "v0.3.1", "--format", "json");
        assertEquals(1, r.code(), r.toString());
        JsonNode f = r.json().get("findings");
        assertEquals(1, f.size(), r.toString());
        assertEquals("commit-not-conventional", f.get(0).get("code").asText());
        assertTrue(f.get(0).get("message").asText().contains("\"Update the plugins readme\""), r.toString());
        Run clean = Run.of("check", "--repo", repo.toString(), "--policies", "commits", "--base", "HEAD~1");
        assertEquals(0, clean.code(), clean.toString());
    }

    @Test
    void prTitles() {
        Run bad = Run.of("check", "--repo", repo.toString(), "--policies", "commits", "--pr-title", "Fixed the build");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.out().contains("PR title \"Fixed the build\": not a conventional commit"), bad.toString());
        assertTrue(bad.out().contains("for example `fix: fixed the build`"), bad.toString());
        Run good = Run.of("check", "--repo", repo.toString(), "--policies", "commits", "--pr-title", "fix(ci): pin the runner image");
        assertEquals(0, good.code(), good.toString());
    }

    @Test
    void commitsNeedARangeOrATitle() {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "commits");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("the commits policy needs --base REF"), r.toString());
        Run plain = Run.of("check", "--repo", repo.toString(), "--offline");
        String verdict = plain.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(verdict.contains("(policies: advisories, bans, licenses, sources, workflows)"), "a plain check does not lint history: " + plain);
    }

    @Test
    void badRefsAreOneLine() {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "commits", "--base", "origin/main");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: " + repo + ": --base `origin/main`: no such commit, branch or tag in this repository\n", r.err());
    }

    @Test
    void planRelease() {
        Run json = Run.of("plan", "release", "--repo", repo.toString());
        assertEquals(0, json.code(), json.toString());
        assertEquals("0.3.2", json.json().get("crates").get(0).get("next").asText());
        Run log = Run.of("plan", "release", "--repo", repo.toString(), "--format", "changelog");
        assertEquals(0, log.code(), log.toString());
        assertTrue(log.out().startsWith("# Changelog\n"), log.toString());
        assertTrue(log.out().contains("## demo-cli [0.3.2] - 2026-11-06"), log.toString());
        Run fmt = Run.of("plan", "release", "--repo", repo.toString(), "--format", "matrix-typo");
        assertEquals(2, fmt.code());
    }

    @Test
    void planReleaseOutsideARepository(@TempDir Path plain) throws Exception {
        Files.writeString(plain.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"1.0.0\"\n");
        Files.writeString(plain.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"x\"\nversion = \"1.0.0\"\n");
        Run r = Run.of("plan", "release", "--repo", plain.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("not a git repository"), r.toString());
    }
}
