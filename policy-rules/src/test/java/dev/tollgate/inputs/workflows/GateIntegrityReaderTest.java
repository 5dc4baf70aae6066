package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.ActionRef;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.RunCommand;
import dev.tollgate.api.facts.WorkflowJob;
import dev.tollgate.api.facts.WorkflowProblem;
import dev.tollgate.api.facts.WorkflowStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts behind the gate-integrity codes: exit masks, continue-on-error, `if:` after failure, the action. */
class GateIntegrityReaderTest {
    @TempDir
    Path repo;

    void write(String path, String text) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The script as a block `run:`, read back: each recognised command as `tool[mask]@line`. */
    List<String> masks(String script) throws IOException {
        String indented = script.lines().map(l -> "          " + l).collect(Collectors.joining("\n"));
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    steps:\n      - run: |\n" + indented + "\n");
        return of(WorkflowsReader.read(repo), RunCommand.class).stream()
                .map(c -> c.tool() + "[" + c.exitMask() + "]@" + c.origin().line()).toList();
    }

    /** Snippet (`\n` for new lines), then the expected commands with their masks. Both directions. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            cargo deny check || true => cargo deny[|| true]@6
            cargo deny check || : => cargo deny[|| :]@6
            cargo test --workspace || exit 0 => cargo test[|| exit 0]@6
            cargo test || echo "tests failed" => cargo test[|| echo "tests failed"]@6
            cargo clippy --workspace; true => cargo clippy[; true]@6
            cargo nextest run && echo ok || true => cargo nextest[|| true]@6
            cd crates && cargo test || true => cargo test[|| true]@6
            (cargo test || true) => cargo test[|| true]@6
            cargo test || { echo failed; true; } => cargo test[|| { echo failed; true; }]@6
            java -jar policy-runner/target/policy-runner.jar check || true => tollgate[|| true]@6
            tollgate check --policies workflows || true => tollgate[|| true]@6
            set +e\\ncargo deny check\\necho done => cargo deny[set +e]@7
            set +eu\\ncargo test\\necho done => cargo test[set +e]@7
            cargo test \\\\\\n  --workspace || true => cargo test[|| true]@6
            cargo test || (echo failed; exit 1) => cargo test[]@6
            cargo test || { echo failed; exit 1; } => cargo test[]@6
            cargo test || echo failed && exit 1 => cargo test[]@6
            cargo test || exit 1 => cargo test[]@6
            cargo test || exit => cargo test[]@6
            cargo test || ./report-failure.sh => cargo test[]@6,script[]@6
            cargo deny check ||/bin/true => cargo deny[|| /bin/true]@6
            cargo deny check || : ignored => cargo deny[|| : ignored]@6
            cargo deny check || command true => cargo deny[|| command true]@6
            cargo test; /usr/bin/true => cargo test[; /usr/bin/true]@6
            cargo test || truex => cargo test[]@6
            cargo test 2>&1 && echo ok => cargo test[]@6
            echo "a || true" && cargo test => cargo test[]@6
            cargo test # || true => cargo test[]@6
            git fetch || true\\ncargo deny check => cargo deny[]@7
            cargo deny check\\nrm -rf x || true => cargo deny[]@6
            cargo test; true; cargo clippy --workspace => cargo test[]@6,cargo clippy[]@6
            set +e\\nset -e\\ncargo test\\necho done => cargo test[]@8
            set +e\\ncargo test\\nrc=$?\\nexit $rc => cargo test[]@7
            set +e\\ncargo test => cargo test[]@7
            set -euo pipefail\\ncargo test\\necho done => cargo test[]@7
            cargo test --workspace => cargo test[]@6
            """)
    void exitMasks(String snippet, String expected) throws IOException {
        String script = snippet.strip().replace("\\n", "\n").replace("\\\\", "\\");
        assertEquals(List.of(expected.strip().split(",")), masks(script), script);
    }

    @Test
    void theMaskOfSetPlusEPointsAtItsLine() throws IOException {
        write(".github/workflows/ci.yml", """
                on: pull_request
                jobs:
                  test:
                    steps:
                      - run: |
                          set +e
                          cargo deny check
                          echo done
                """);
        RunCommand c = of(WorkflowsReader.read(repo), RunCommand.class).get(0);
        assertEquals("set +e", c.exitMask());
        assertEquals(Location.of(".github/workflows/ci.yml", 6, 11), c.exitMaskOrigin());
        assertEquals(7, c.origin().line());
    }

    @ParameterizedTest(name = "if: {0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            always() => true
            ${{ always() }} => true
            ${{ always() && false }} => false
            always() && success() => false
            !cancelled() => true
            failure() || always() => true
            false => false
            "" => false
            github.event_name == 'pull_request' => false
            always() && github.event_name == 'pull_request' => ""
            always() && (false || !true) => false
            always() && contains(needs.*.result, 'failure') => ""
            ${{ always() && needs.lint.result == 'success' }} => ""
            always() && => ""
            always() @ x => ""
            """)
    void ifAfterFailure(String condition, String expected) {
        assertEquals(expected == null ? "" : expected, IfAfterFailure.evaluate(condition == null ? "" : condition));
    }

    @Test
    void continueOnErrorIfAndTheTollgateAction() throws IOException {
        write("action.yml", "name: Tollgate\ninputs:\n  fail-on-findings:\n    default: \"true\"\nruns:\n  using: composite\n  steps: []\n");
        write(".github/actions/other/action.yml", "name: Other\nruns:\n  using: composite\n  steps: []\n");
        write(".github/workflows/ci.yml", """
                on: pull_request
                jobs:
                  test:
                    continue-on-error: ${{ matrix.experimental }}
                    steps:
                      - uses: ./
                        continue-on-error: true
                        with:
                          policies: workflows
                          fail-on-findings: "false"
                      - uses: tollgate-dev/tollgate@11bd71901bbe5b1630ceea73d27597364c9af683 # v0.1.0
                      - uses: ./.github/actions/other
                      - uses: ./../../etc
                      - uses: someone/tollgate-fork@v1
                  gate:
                    if: ${{ always() && false }}
                    needs: [test]
                    steps:
                      - run: echo ok
                """);
        List<Object> facts = WorkflowsReader.read(repo);
        List<WorkflowJob> jobs = of(facts, WorkflowJob.class);
        assertEquals("${{ matrix.experimental }}", jobs.get(0).continueOnError());
        assertEquals(Location.of(".github/workflows/ci.yml", 4, 5), jobs.get(0).continueOnErrorOrigin());
        assertEquals("", jobs.get(1).continueOnError());
        assertEquals("false", jobs.get(1).conditionAfterFailure());
        List<WorkflowStep> steps = of(facts, WorkflowStep.class).stream().filter(s -> s.jobId().equals("test")).toList();
        assertEquals(List.of(true, true, false, false, false), steps.stream().map(WorkflowStep::tollgate).toList());
        assertEquals("true", steps.get(0).continueOnError());
        assertEquals(Location.of(".github/workflows/ci.yml", 7, 9), steps.get(0).continueOnErrorOrigin());
        assertEquals("false", steps.get(0).input("fail-on-findings"));
        assertEquals(Location.of(".github/workflows/ci.yml", 10, 11), steps.get(0).inputOrigin("fail-on-findings"));
        assertEquals("", steps.get(1).continueOnError());
    }

    /** No silent cap: 600 trivial workflows named to sort first still leave ci.yml read. */
    @Test
    void everyWorkflowIsReadHoweverMany() throws IOException {
        for (int i = 0; i < 600; i++) write(String.format(".github/workflows/%04d.yml", i), "on: push\njobs: {}\n");
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n");
        List<Object> facts = WorkflowsReader.read(repo);
        assertEquals(601, of(facts, dev.tollgate.api.facts.Workflow.class).size());
        assertTrue(of(facts, ActionRef.class).stream().anyMatch(r -> r.file().equals(".github/workflows/ci.yml") && r.ref().equals("v4")));
        assertFalse(facts.stream().anyMatch(WorkflowProblem.class::isInstance));
    }

    // --- hostile scripts and conditions: linear time, bounded stack -------------------------------

    @Test
    void aLongAndChainIsReadInLinearTime() throws IOException {
        String chain = "cargo test && ".repeat(60_000) + "true || true";
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    steps:\n      - run: " + chain + "\n");
        List<RunCommand> cmds = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> of(WorkflowsReader.read(repo), RunCommand.class));
        assertEquals(60_000, cmds.size());
        assertTrue(cmds.stream().allMatch(c -> c.exitMask().equals("|| true")));
    }

    @Test
    void manyCommandsOnManyLinesAreReadInLinearTime() throws IOException {
        String script = ("cargo test; a=1; b=2; c=3\n").repeat(20_000) + "set +e\n" + "cargo deny check; x\n".repeat(5_000);
        String indented = script.lines().map(l -> "          " + l).collect(Collectors.joining("\n"));
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    steps:\n      - run: |\n" + indented + "\n");
        List<RunCommand> cmds = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> of(WorkflowsReader.read(repo), RunCommand.class));
        assertEquals(25_000, cmds.size());
        assertEquals(5_000, cmds.stream().filter(c -> c.exitMask().equals("set +e")).count());
    }

    @Test
    void deeplyNestedGroupsNeitherOverflowNorCount() throws IOException {
        String deep = "(".repeat(100_000) + "cargo test || true" + ")".repeat(100_000);
        String shallow = "(((cargo deny check || true)))";
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    steps:\n      - run: " + deep
                + "\n      - run: " + shallow + "\n");
        List<RunCommand> cmds = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> of(WorkflowsReader.read(repo), RunCommand.class));
        assertEquals(List.of("cargo test[]", "cargo deny[|| true]"), cmds.stream().map(c -> c.tool() + "[" + c.exitMask() + "]").toList());
    }

    @Test
    void deeplyNestedConditionsAreUnknownNotACrash() {
        assertEquals("", IfAfterFailure.evaluate("always() && " + "!".repeat(4000) + "false"));
        assertEquals("", IfAfterFailure.evaluate("always() && " + "(".repeat(2000) + "false" + ")".repeat(2000)));
        assertEquals("", IfAfterFailure.evaluate("always() && " + "(".repeat(100_000)));
        assertEquals("false", IfAfterFailure.evaluate("always() && " + "!".repeat(11) + "true"));
    }

    @Test
    void aLocalActionLinkedOutOfTheCheckoutIsNotTollgate() throws IOException {
        Path outside = Files.createTempDirectory("tollgate-outside");
        try {
            Files.writeString(outside.resolve("action.yml"), "name: Tollgate\nruns:\n  using: composite\n  steps: []\n");
            Files.createDirectories(repo.resolve(".github/actions"));
            Files.createSymbolicLink(repo.resolve(".github/actions/linked"), outside);
            write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: ./.github/actions/linked\n");
            assertFalse(of(WorkflowsReader.read(repo), WorkflowStep.class).get(0).tollgate());
        } finally {
            Files.deleteIfExists(outside.resolve("action.yml"));
            Files.deleteIfExists(outside);
        }
    }
}
