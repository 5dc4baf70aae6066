package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan affected} and {@code plan release --format matrix} through the CLI, in process. */
class PlanCommandsTest {
    @TempDir
    Path tmp;

    Path list(String text) throws Exception {
        Path f = tmp.resolve("changed.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void planAffectedPrintsJsonAndNextestArguments() throws Exception {
        String head = Corpus.file("zeroclaw/head").toString();
        Path changed = list("crates/zeroclaw-tool-call-parser/src/lib.rs\n");
        Run r = Run.of("plan", "affected", "--repo", head, "--changed-files", changed.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode j = r.json();
        assertFalse(j.get("all").asBoolean());
        assertEquals("zeroclaw-tool-call-parser", j.get("changed").get(0).asText());
        assertEquals(8, j.get("affected").size());
        assertEquals("depends on zeroclaw-tool-call-parser", j.get("reasons").get("zeroclaw-channels").asText());

        Run n = Run.of("plan", "affected", "--repo", head, "--changed-files", list("Cargo.toml\n").toString(), "--format", "nextest");
        assertEquals("--workspace\n", n.out(), n.toString());
    }

    @Test
    void planReleaseMatrix() throws Exception {
        String head = Corpus.file("zeroclaw/head").toString();
        Run r = Run.of("plan", "release", "--repo", head, "--changed-files", list("plugins/echo/src/lib.rs\n").toString(),
                "--format", "matrix");
        assertEquals(0, r.code(), r.toString());
        JsonNode j = r.json();
        assertEquals(1, j.get("build").get("include").size());
        assertEquals("build-plugins-wasm", j.get("build").get("include").get(0).get("job").asText());
        assertEquals("publish-plugin-registry", j.get("publish").get("include").get(0).get("job").asText());
        assertTrue(j.get("jobs").get("announce").asBoolean());
        assertFalse(j.get("jobs").get("publish-aur").asBoolean());
    }

    @Test
    void usageAndInputErrorsAreOneLineAndExitTwo() throws Exception {
        String head = Corpus.file("zeroclaw/head").toString();
        Run none = Run.of("plan", "affected", "--repo", head);
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("tollgate: say what changed: --base REF or --changed-files FILE"), none.err());
        Run both = Run.of("plan", "affected", "--repo", head, "--base", "main", "--changed-files", "-");
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("tollgate: give either --base/--head or --changed-files, not both"), both.err());
        Path bad = list("src/main.rs\n../../etc/passwd\n");
        Run dots = Run.of("plan", "affected", "--repo", head, "--changed-files", bad.toString());
        assertEquals(2, dots.code());
        assertEquals("tollgate: " + bad + ":2:1: changed path `../../etc/passwd` contains `..`; list paths inside the repository,"
                + " relative to its root\n", dots.err());
        Run format = Run.of("plan", "affected", "--repo", head, "--changed-files", bad.toString(), "--format", "yaml");
        assertEquals(2, format.code());
        assertTrue(format.err().startsWith("tollgate: unknown format `yaml`; use json or nextest"), format.err());
        Run notGit = Run.of("plan", "affected", "--repo", tmp.toString(), "--base", "main");
        assertEquals(2, notGit.code());
        assertTrue(notGit.err().contains("not a git repository"), notGit.err());
        Run releaseFormat = Run.of("plan", "release", "--repo", head, "--changed-files", bad.toString(), "--format", "json");
        assertEquals(2, releaseFormat.code());
    }

    @Test
    void checkDoesNotTreatPlansAsPolicies() {
        Run r = Run.of("check", "--repo", Corpus.fixture("demo").toString(), "--policies", "affected");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tollgate: unknown policy `affected` in --policies"), r.err());
        Run demo = Run.of("check", "--repo", Corpus.fixture("demo").toString(), "--metadata",
                Corpus.fixture("demo").resolve("cargo-metadata.json").toString(), "--format", "json");
        for (JsonNode p : demo.json().get("policies")) {
            assertFalse(p.asText().equals("affected") || p.asText().equals("releasejobs"), demo.out());
        }
        for (JsonNode f : demo.json().get("findings")) {
            assertFalse(f.get("policy").asText().equals("affected"), f.toString());
        }
    }
}
