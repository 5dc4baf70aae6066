package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training's run list, which JarIT checks too, fills in every placeholder. */
class CdsTrainingTest {
    @Test
    void everyRunHasItsPlaceholdersFilledIn(@TempDir Path tmp) throws Exception {
        Path demo = Corpus.fixture("demo");
        List<List<String>> runs = CdsTraining.runs(demo, tmp.resolve("scratch"));
        assertEquals(CdsTraining.RUNS.size(), runs.size());
        for (List<String> run : runs) {
            assertFalse(run.isEmpty());
            for (String arg : run) assertFalse(arg.contains("{") || arg.isEmpty(), run.toString());
        }
        assertEquals(List.of("check", "--repo", demo.toString(), "--metadata", demo.resolve("cargo-metadata.json").toString(),
                "--offline", "--format", "json", "--output", tmp.resolve("scratch/out").toString()), runs.get(0));
        assertEquals("crates/demo-core/src/lib.rs\n", Files.readString(tmp.resolve("scratch/changed-files.txt")));
        assertTrue(runs.stream().anyMatch(r -> !r.contains("--metadata") && r.get(0).equals("check")),
                "the usual CI run, from the lockfile and manifests, is trained");
    }
}
