package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.Workflow;
import dev.tollgate.api.facts.WorkflowProblem;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflow files come from pull requests: each hostile shape gives a {@link WorkflowProblem} at its
 * file:line within a bounded time, never a hang, an exception or an unbounded allocation.
 */
class HostileWorkflowsTest {
    static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path repo;

    WorkflowProblem problemOf(byte[] content) throws IOException {
        Path f = repo.resolve(".github/workflows/evil.yml");
        Files.createDirectories(f.getParent());
        Files.write(f, content);
        List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(repo));
        List<WorkflowProblem> problems = facts.stream().filter(WorkflowProblem.class::isInstance)
                .map(WorkflowProblem.class::cast).toList();
        assertEquals(1, problems.size(), facts.toString());
        assertFalse(facts.stream().anyMatch(Workflow.class::isInstance), "nothing of a bad file is used: " + facts);
        WorkflowProblem p = problems.get(0);
        assertEquals(".github/workflows/evil.yml", p.file());
        assertEquals(".github/workflows/evil.yml", p.origin().file());
        return p;
    }

    WorkflowProblem problemOf(String content) throws IOException {
        return problemOf(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aliasBomb() throws IOException {
        StringBuilder y = new StringBuilder("on: push\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            y.append('a').append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) y.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            y.append("]\n");
        }
        y.append("jobs:\n  j:\n    steps: *a29\n");
        WorkflowProblem p = problemOf(y.toString());
        assertTrue(p.message().contains("alias"), p.message());
        assertTrue(p.origin().line() > 1, p.toString());
    }

    @Test
    void aliasFanOutThroughTheReaderIsBounded() throws IOException {
        // Few aliases (under the composer's limit), each fanning out over many jobs: the readers' own
        // visit budget stops it.
        StringBuilder y = new StringBuilder("on: push\nx: &s\n");
        for (int i = 0; i < 5000; i++) y.append("  - run: cargo build\n");
        y.append("jobs:\n");
        for (int i = 0; i < 45; i++) y.append("  j").append(i).append(": {steps: *s}\n");
        WorkflowProblem p = problemOf(y.toString());
        assertTrue(p.message().contains("too large to check"), p.message());
    }

    @Test
    void deepNesting() throws IOException {
        String y = "on: push\njobs: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        WorkflowProblem p = problemOf(y);
        assertTrue(p.message().toLowerCase().contains("nesting") || p.message().contains("deep"), p.message());
        assertEquals(2, p.origin().line());
    }

    @Test
    void multiMegabyteFile() throws IOException {
        StringBuilder y = new StringBuilder("on: push\njobs:\n  j:\n    steps:\n");
        while (y.length() < 3 << 20) y.append("      - run: echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
        WorkflowProblem p = problemOf(y.toString());
        assertTrue(p.message().contains("larger than 1024 KiB"), p.message());
    }

    @Test
    void duplicateKeys() throws IOException {
        WorkflowProblem p = problemOf("on: push\njobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n");
        assertEquals("duplicate key `a` (first at line 3)", p.message());
        assertEquals(5, p.origin().line());
        assertEquals(3, p.origin().column());
    }

    @Test
    void invalidUtf8() throws IOException {
        byte[] bytes = "on: push\njobs:\n  a:\n    name: caf\u00e9 X\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xff;
        WorkflowProblem p = problemOf(bytes);
        assertTrue(p.message().startsWith("not valid UTF-8"), p.message());
        assertEquals(4, p.origin().line());
    }

    @Test
    void workflowThatIsAList() throws IOException {
        WorkflowProblem p = problemOf("- on: push\n- jobs: {}\n");
        assertEquals("the document is a list, not a mapping", p.message());
        assertEquals(1, p.origin().line());
    }

    @Test
    void malformedYamlAndSeveralDocuments() throws IOException {
        WorkflowProblem p = problemOf("on: push\njobs:\n  a: [unclosed\n");
        assertTrue(p.message().startsWith("malformed YAML"), p.message());
        assertTrue(p.origin().line() >= 3, p.toString());
        WorkflowProblem two = problemOf("on: push\n---\non: pull_request\n");
        assertTrue(two.message().startsWith("malformed YAML"), two.message());
    }

    @Test
    void emptyFileAndNonScalarKeys() throws IOException {
        assertEquals("is empty", problemOf("").message());
    }

    /**
     * Mutation fuzz over the real corpus workflows: each file is mutated many ways (bytes flipped,
     * lines dropped, duplicated or swapped, truncated, indentation broken); every mutant must give
     * facts or a WorkflowProblem, quickly, and never throw.
     */
    @Test
    void mutationFuzzOverCorpusWorkflows() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String state : List.of("zeroclaw/head", "zeroclaw/pre-rationalise")) {
            try (Stream<Path> s = Files.list(Corpus.file(state + "/.github/workflows"))) {
                s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(sources::add);
            }
        }
        assertTrue(sources.size() >= 40, "corpus workflows: " + sources.size());
        Random random = new Random(20261127L);
        Path f = repo.resolve(".github/workflows/m.yml");
        Files.createDirectories(f.getParent());
        int mutants = 0;
        int problems = 0;
        long start = System.nanoTime();
        for (Path source : sources) {
            byte[] original = Files.readAllBytes(source);
            for (int round = 0; round < 6; round++) {
                byte[] m = mutate(original, random);
                Files.write(f, m);
                List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(repo),
                        () -> source + " round " + random);
                mutants++;
                if (facts.stream().anyMatch(WorkflowProblem.class::isInstance)) problems++;
                for (Object fact : facts) {
                    if (fact instanceof WorkflowProblem p) assertTrue(p.origin().line() >= 0 && p.origin().file() != null, p.toString());
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(problems > 0 && problems < mutants, problems + " of " + mutants + " mutants were problems");
        assertTrue(ms < 60_000, mutants + " mutants took " + ms + " ms");
    }

    static byte[] mutate(byte[] in, Random r) {
        String[] lines = new String(in, StandardCharsets.ISO_8859_1).split("\n", -1);
        List<String> l = new ArrayList<>(List.of(lines));
        int kind = r.nextInt(7);
        int i = r.nextInt(Math.max(1, l.size()));
        switch (kind) {
            case 0 -> l.remove(i);
            case 1 -> l.add(i, l.get(i));
            case 2 -> { int j = r.nextInt(l.size()); String t = l.get(i); l.set(i, l.get(j)); l.set(j, t); }
            case 3 -> l.set(i, " " + l.get(i));
            case 4 -> { return java.util.Arrays.copyOf(in, r.nextInt(in.length + 1)); }
            case 5 -> { byte[] b = in.clone(); for (int k = 0; k < 5; k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256); return b; }
            default -> l.set(i, l.get(i) + (r.nextBoolean() ? " &x" : " *x"));
        }
        return String.join("\n", l).getBytes(StandardCharsets.ISO_8859_1);
    }

    static final String UNPINNED = "on: pull_request\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";

    /** Attack: .github/workflows/ a symlink to a real folder; Files.walk does not follow it, so nothing was read and nothing said. */
    @Test
    void aSymlinkedWorkflowsFolderIsAProblemNotSilence() throws IOException {
        Path real = repo.resolve(".github/wf");
        Files.createDirectories(real);
        Files.writeString(real.resolve("ci.yml"), UNPINNED);
        Files.createSymbolicLink(repo.resolve(".github/workflows"), Path.of("wf"));
        List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(repo));
        assertTrue(facts.stream().anyMatch(f -> f instanceof WorkflowProblem p && p.file().equals(".github/workflows")), facts.toString());
    }

    /** Attack: ci.YML next to nothing else: it was skipped without a word (GitHub's loading of it is not Tollgate's to guess). */
    @Test
    void anUpperCaseExtensionIsAProblemNotSilence() throws IOException {
        Path f = repo.resolve(".github/workflows/ci.YML");
        Files.createDirectories(f.getParent());
        Files.writeString(f, UNPINNED);
        Files.writeString(repo.resolve(".github/workflows/other.Yaml"), UNPINNED);
        List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(repo));
        List<String> files = facts.stream().filter(WorkflowProblem.class::isInstance).map(p -> ((WorkflowProblem) p).file()).toList();
        assertEquals(List.of(".github/workflows/ci.YML", ".github/workflows/other.Yaml"), files, facts.toString());
    }

    /**
     * Attack: a composite action outside .github/actions/ (./tools/act, or an action.yml in a sub-folder of
     * .github/workflows/) run by a loaded workflow: its unpinned `uses:` was never read, and the second was
     * called a workflow that never runs.
     */
    @Test
    void localActionsAreCheckedWhereverTheyLive() throws IOException {
        Files.createDirectories(repo.resolve(".github/workflows/sub"));
        Files.createDirectories(repo.resolve("tools/act"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), """
                on: pull_request
                jobs:
                  b:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/workflows/sub
                      - uses: ./tools/act
                """);
        for (String d : List.of(".github/workflows/sub", "tools/act")) {
            Files.writeString(repo.resolve(d).resolve("action.yml"), "name: a\nruns:\n  using: composite\n  steps:\n    - uses: ./tools/act\n    - uses: evil/"
                    + d.replace('/', '-') + "@main\n");
        }
        // `--repo .` is a relative path: read the repository by one too (it crashed with relativize)
        Path relative = Path.of("").toAbsolutePath().relativize(repo.toAbsolutePath());
        for (Path r : List.of(repo, relative)) {
            List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(r));
            List<String> remote = facts.stream().filter(f -> f instanceof dev.tollgate.api.facts.ActionRef a && !a.local())
                    .map(f -> ((dev.tollgate.api.facts.ActionRef) f).action()).sorted().toList();
            assertEquals(List.of("evil/.github-workflows-sub", "evil/tools-act"), remote, facts.toString());
            assertFalse(facts.stream().anyMatch(f -> f instanceof Workflow w && w.kind().equals("misplaced")), facts.toString());
            assertTrue(facts.stream().noneMatch(f -> f.toString().contains("..")), "paths are shown from the repository: " + facts);
        }
    }

    @Test
    void aFolderOrALinkToOneNamedLikeAWorkflowIsAProblemNotSkipped() throws IOException {
        Path workflows = repo.resolve(".github/workflows");
        Path elsewhere = repo.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("release.yml"), "on: push\njobs: {}\n");
        Files.createDirectories(workflows);
        Files.createSymbolicLink(workflows.resolve("ci.yml"), elsewhere);
        Files.createDirectories(workflows.resolve("nightly.yaml"));
        List<Object> facts = assertTimeoutPreemptively(LIMIT, () -> WorkflowsReader.read(repo));
        List<String> problems = facts.stream().filter(WorkflowProblem.class::isInstance).map(WorkflowProblem.class::cast)
                .map(p -> p.file() + ": " + p.message()).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(".github/workflows/ci.yml: is a symbolic link to a folder named like a workflow file"), problems.toString());
        assertTrue(problems.get(1).startsWith(".github/workflows/nightly.yaml: is a folder named like a workflow file"), problems.toString());
        assertFalse(facts.stream().anyMatch(Workflow.class::isInstance), "the link is not followed: " + facts);
    }
}
