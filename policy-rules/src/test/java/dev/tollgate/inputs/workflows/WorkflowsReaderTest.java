package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.ActionRef;
import dev.tollgate.api.facts.CalledScript;
import dev.tollgate.api.facts.DependabotUpdate;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.RunCommand;
import dev.tollgate.api.facts.SecurityPolicy;
import dev.tollgate.api.facts.Workflow;
import dev.tollgate.api.facts.WorkflowJob;
import dev.tollgate.api.facts.WorkflowProblem;
import dev.tollgate.api.facts.WorkflowStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowsReaderTest {
    static final String SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

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

    @Test
    void readsWorkflowJobsStepsAndRefsWithPositions() throws IOException {
        write(".github/workflows/ci.yml", """
                name: CI
                on:
                  pull_request:
                    branches: [main]
                  schedule:
                    - cron: "0 6 * * *"
                permissions:
                  contents: read
                env:
                  RUSTFLAGS: -D warnings
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@%s # v4.2.2
                      - uses: "actions/cache@%s" # v4.1.0 (quoted)
                      - uses: 'weird/#action@v1'   # tag=v1.0.0
                      - uses: x/y@main
                      - {uses: a/b@%s, with: {k: v}}   # v2.0.0
                      - run: |
                          echo "uses: fake/action@v1"
                          cargo fmt --all -- --check && \\
                            cargo clippy --workspace
                          # cargo test is a comment here
                          bash scripts/ci/lint.sh --fast
                  gate:
                    if: always()
                    needs: [lint]
                    permissions: write-all
                    strategy:
                      matrix:
                        os: [a, b]
                    uses: ./.github/workflows/reusable.yml
                """.formatted(SHA, SHA, SHA));
        List<Object> facts = WorkflowsReader.read(repo);
        assertEquals(List.of(), of(facts, WorkflowProblem.class));
        Workflow w = of(facts, Workflow.class).get(0);
        assertEquals(List.of("pull_request", "schedule"), w.triggers());
        assertEquals(List.of("0 6 * * *"), w.schedules());
        assertEquals(Location.of(".github/workflows/ci.yml", 3, 3), w.trigger("pull_request"));
        assertEquals(Map.of("contents", "read"), w.permissions());
        assertEquals(Location.of(".github/workflows/ci.yml", 11, 1), w.jobsOrigin());

        List<ActionRef> refs = of(facts, ActionRef.class);
        assertEquals(6, refs.size(), refs.toString());
        assertEquals(List.of("actions/checkout", "actions/cache", "weird/#action", "x/y", "a/b", "./.github/workflows/reusable.yml"),
                refs.stream().map(ActionRef::action).toList());
        assertEquals(List.of("v4.2.2", "v4.1.0 (quoted)", "tag=v1.0.0", "", "v2.0.0", ""),
                refs.stream().map(ActionRef::comment).toList());
        assertEquals(List.of(15, 16, 17, 18, 19, 33), refs.stream().map(r -> r.origin().line()).toList());
        assertEquals(List.of(9, 9, 9, 9, 10, 5), refs.stream().map(r -> r.origin().column()).toList());
        assertTrue(refs.get(5).local() && refs.get(5).reusable());

        List<RunCommand> cmds = of(facts, RunCommand.class);
        assertEquals(List.of("cargo fmt", "cargo clippy", "script"), cmds.stream().map(RunCommand::tool).toList());
        assertEquals(List.of(22, 22, 25), cmds.stream().map(c -> c.origin().line()).toList());
        assertEquals("cargo clippy --workspace", cmds.get(1).text());
        assertEquals("-D warnings", cmds.get(0).rustflags());
        assertEquals("scripts/ci/lint.sh", cmds.get(2).script());
        assertEquals(List.of(new CalledScript("scripts/ci/lint.sh", false, "")), of(facts, CalledScript.class));

        List<WorkflowJob> jobs = of(facts, WorkflowJob.class);
        WorkflowJob gate = jobs.get(1);
        assertEquals(List.of("lint"), gate.needs());
        assertEquals("always()", gate.condition());
        assertEquals(List.of("os"), gate.matrix());
        assertTrue(gate.mayWrite("id-token"));
        assertEquals(Location.of(".github/workflows/ci.yml", 27, 5), gate.conditionOrigin());
        assertEquals(Location.of(".github/workflows/ci.yml", 28, 5), gate.needsOrigin());
        assertEquals(Map.of("contents", "read"), jobs.get(0).permissions());
        assertEquals(Map.of("k", "v"), of(facts, WorkflowStep.class).get(4).with());
        assertEquals(List.of(new SecurityPolicy(false, "")), of(facts, SecurityPolicy.class));
    }

    @Test
    void anchorsAliasesAndTransitiveNeeds() throws IOException {
        write(".github/workflows/a.yaml", """
                on: [push, pull_request]
                jobs:
                  a:
                    steps: &steps
                      - uses: o/r@%s # v1.0.0
                  b:
                    needs: a
                    steps: *steps
                  c:
                    needs: [b]
                    steps: []
                """.formatted(SHA));
        List<Object> facts = WorkflowsReader.read(repo);
        assertEquals(List.of("push", "pull_request"), of(facts, Workflow.class).get(0).triggers());
        // The alias shares the anchored steps: both jobs get the ref, at the anchor's line.
        assertEquals(List.of("a", "b"), of(facts, ActionRef.class).stream().map(ActionRef::jobId).toList());
        assertEquals(List.of(5, 5), of(facts, ActionRef.class).stream().map(r -> r.origin().line()).toList());
        assertEquals(List.of("b", "a"), of(facts, WorkflowJob.class).get(2).transitiveNeeds());
    }

    @Test
    void actionsDependabotScriptsAndMisplacedWorkflows() throws IOException {
        write("action.yml", "name: root\nruns:\n  using: docker\n  image: docker://alpine:3.20\n");
        write(".github/actions/setup/action.yaml", """
                runs:
                  using: composite
                  steps:
                    - uses: o/r@v1
                    - run: cargo clippy
                      shell: bash
                """);
        write(".github/dependabot.yml", """
                version: 2
                updates:
                  - package-ecosystem: cargo
                    directory: /
                    schedule: {interval: daily}
                  - package-ecosystem: github-actions
                    directory: /
                """);
        write(".github/_workflows/r.yml", "on: workflow_call\njobs: {}\n");
        write(".github/workflows/sub/r.yml", "on: {workflow_call: {}}\njobs: {}\n");
        write("scripts/x.sh", "cargo clippy --all-targets\n");
        write(".github/workflows/w.yml", "on: push\njobs:\n  j:\n    steps:\n      - run: ./scripts/x.sh\n");
        write("SECURITY.md", "# report\n");
        List<Object> facts = WorkflowsReader.read(repo);
        assertEquals(List.of(), of(facts, WorkflowProblem.class));
        List<Workflow> ws = of(facts, Workflow.class);
        assertEquals(List.of(".github/workflows/w.yml:workflow", ".github/workflows/sub/r.yml:misplaced",
                        ".github/_workflows/r.yml:misplaced", "action.yml:action", ".github/actions/setup/action.yaml:action"),
                ws.stream().map(w -> w.file() + ":" + w.kind()).toList());
        ActionRef docker = of(facts, ActionRef.class).get(0);
        assertTrue(docker.docker());
        assertEquals("alpine", docker.action());
        assertEquals("3.20", docker.ref());
        assertEquals(Location.of("action.yml", 4, 3), docker.origin());
        assertEquals(List.of("cargo clippy", "script"), of(facts, RunCommand.class).stream().map(RunCommand::tool).sorted().toList());
        assertEquals(List.of("cargo:daily", "github-actions:"),
                of(facts, DependabotUpdate.class).stream().map(d -> d.ecosystem() + ":" + d.interval()).toList());
        assertEquals(List.of(new CalledScript("scripts/x.sh", true, "cargo clippy --all-targets\n", true, true)), of(facts, CalledScript.class));
        assertEquals(List.of(new SecurityPolicy(true, "SECURITY.md")), of(facts, SecurityPolicy.class));
    }

    @Test
    void noGithubFolderMeansNoWorkflowFacts() {
        List<Object> facts = WorkflowsReader.read(repo);
        assertFalse(facts.stream().anyMatch(f -> f instanceof Workflow));
    }

    @Test
    void aWorkflowChangedWithItsSizeAndTimeKeptIsReadAgain() throws IOException {
        // read results are kept by the SHA-256 of the bytes, never by size and time
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n");
        Path f = repo.resolve(".github/workflows/ci.yml");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(f);
        assertEquals("v4", of(WorkflowsReader.read(repo), ActionRef.class).get(0).ref());
        assertEquals("v4", of(WorkflowsReader.read(repo), ActionRef.class).get(0).ref());
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v5\n");
        Files.setLastModifiedTime(f, time);
        assertEquals("v5", of(WorkflowsReader.read(repo), ActionRef.class).get(0).ref());
    }

    @Test
    void anUnchangedWorkflowSeesItsLocalActionChange() throws IOException {
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: ./.github/actions/gate\n");
        write(".github/actions/gate/action.yml", "name: Tollgate\nruns:\n  using: composite\n  steps: []\n");
        assertTrue(of(WorkflowsReader.read(repo), WorkflowStep.class).get(0).tollgate());
        write(".github/actions/gate/action.yml", "name: Other\nruns:\n  using: composite\n  steps: []\n");
        assertFalse(of(WorkflowsReader.read(repo), WorkflowStep.class).get(0).tollgate());
        // and the same workflow in another repository, without the action
        Files.delete(repo.resolve(".github/actions/gate/action.yml"));
        assertFalse(of(WorkflowsReader.read(repo), WorkflowStep.class).get(0).tollgate());
    }

    @Test
    void aCachedWorkflowStillNamesTheScriptsItRuns() throws IOException {
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - run: ./scripts/check.sh\n");
        write("scripts/check.sh", "cargo test\n");
        List<Object> first = WorkflowsReader.read(repo);
        assertEquals(first, WorkflowsReader.read(repo));
        assertEquals(1, of(first, dev.tollgate.api.facts.CalledScript.class).size());
        write("scripts/check.sh", "cargo test || true\n");
        assertFalse(first.equals(WorkflowsReader.read(repo)), "the script is read again on every run");
    }
}
