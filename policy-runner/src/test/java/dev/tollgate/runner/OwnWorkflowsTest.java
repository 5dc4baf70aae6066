package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line-level guard on Tollgate's own .github, action.yml and README snippets: every remote
 * {@code uses:} is pinned to a full commit SHA with a version comment, and the gate job lists every
 * job. (The workflows policy judges the same files with real YAML; this guard needs no policy.)
 */
class OwnWorkflowsTest {
    static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    static final Pattern VERSION_COMMENT = Pattern.compile("\\s+#\\s*v\\d+\\.\\d+\\.\\d+\\b.*");

    /** Tollgate's own pipeline passes Tollgate's workflows policy, with no finding at all. */
    @Test
    void theWorkflowsPolicyPassesOnThisRepository() {
        Run r = Run.of("check", "--repo", Corpus.projectRoot().toString(), "--policies", "workflows", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertEquals("pass", r.json().get("verdict").asText(), r.out());
        assertEquals(0, r.json().get("findings").size(), r.out());
    }

    @Test
    void everyRemoteActionIsPinnedWithAVersionComment() throws IOException {
        Path root = Corpus.projectRoot();
        List<Path> files = new ArrayList<>(List.of(root.resolve("action.yml"), root.resolve("README.md")));
        try (Stream<Path> s = Files.list(root.resolve(".github/workflows"))) {
            files.addAll(s.sorted().toList());
        }
        int checked = 0;
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                Matcher m = USES.matcher(line);
                if (!m.matches()) continue;
                String ref = m.group(1);
                if (ref.startsWith("./")) continue;
                if (f.endsWith("README.md") && ref.startsWith("tollgate-dev/tollgate@<commit-sha>")) continue;   // the reader's own pin
                assertTrue(PINNED.matcher(ref).matches(), f.getFileName() + ": not pinned to a full SHA: " + line);
                assertTrue(VERSION_COMMENT.matcher(m.group(2)).matches(), f.getFileName() + ": no version comment: " + line);
                checked++;
            }
        }
        assertTrue(checked >= 8, "found the uses: lines (" + checked + ")");
    }

    /**
     * The public pipeline runs what .ci/run runs, with the corpus: CI=true (corpus tests fail rather
     * than skip), the corpus fetched from the pins in .ci/fetch-corpus (cached by that file's hash) and
     * checked against its digests, beside the checkout as on a development machine.
     */
    @Test
    void theBuildJobRunsCiRunWithTheCorpus() throws IOException {
        Path root = Corpus.projectRoot();
        String ci = Files.readString(root.resolve(".github/workflows/ci.yml"));
        String build = ci.substring(ci.indexOf("\n  build:\n"), ci.indexOf("\n  policies:\n"));
        assertTrue(build.contains("\n      CI: \"true\"\n"), build);
        assertFalse(ci.contains("CI: \"false\""), ci);
        assertTrue(build.contains("\n          path: tollgate\n"), "the corpus goes beside the checkout:\n" + build);
        assertTrue(build.contains("key: tollgate-corpus-${{ hashFiles('tollgate/.ci/fetch-corpus') }}"), build);
        assertTrue(build.contains("\n        run: tollgate/.ci/fetch-corpus shared\n"), build);
        assertTrue(build.contains("\n        run: tollgate/.ci/fetch-corpus --verify shared\n"), build);
        assertTrue(build.endsWith("\n        run: tollgate/.ci/run\n"), "the last step is .ci/run:\n" + build);
        // a JDK 25 beside 17, so JarIT's AOT-cache tests run in CI instead of being skipped
        assertTrue(build.contains("\n          java-version: \"25\"\n") && build.contains("TOLLGATE_TEST_AOT_JDK: ${{ steps.jdk25.outputs.path }}"), build);
        assertTrue(build.indexOf("java-version: \"25\"") < build.indexOf("java-version: \"17\""), "17 set up last: the build's JDK");
        assertTrue(Files.isExecutable(root.resolve(".ci/fetch-corpus")) && Files.isExecutable(root.resolve(".ci/run")));
    }

    @Test
    void theGateRunsAlwaysAndNeedsEveryJob() throws IOException {
        List<String> ci = Files.readAllLines(Corpus.projectRoot().resolve(".github/workflows/ci.yml"));
        List<String> jobs = new ArrayList<>();
        boolean inJobs = false;
        for (String l : ci) {
            if (l.equals("jobs:")) inJobs = true;
            else if (inJobs && l.matches("^  [\\w-]+:$")) jobs.add(l.trim().replace(":", ""));
        }
        assertTrue(jobs.remove("gate"), "a job named gate: " + jobs);
        assertFalse(jobs.isEmpty());
        String gate = String.join("\n", ci.subList(ci.indexOf("  gate:"), ci.size()));
        assertTrue(gate.contains("\n    if: always()\n"), gate);
        assertTrue(gate.contains("\n    needs: [" + String.join(", ", jobs) + "]\n"), "needs lists every job " + jobs + ":\n" + gate);
        assertTrue(gate.contains("RESULTS: ${{ join(needs.*.result, ' ') }}") && gate.contains("*\" failure \"*|*\" cancelled \"*) exit 1 ;;"), gate);
        long prWorkflows;
        try (Stream<Path> s = Files.list(Corpus.projectRoot().resolve(".github/workflows"))) {
            prWorkflows = s.filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.matches("^  pull_request:.*"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
        assertEquals(1, prWorkflows, "one pull-request pipeline");
    }
}
