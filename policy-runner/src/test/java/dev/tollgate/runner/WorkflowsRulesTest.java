package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workflows rules end to end through the CLI, one small hand-written repository per case. */
class WorkflowsRulesTest {
    static final String SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";
    static final String SHA2 = "692973e3d937129bcbf40652eb9f2f61becf3332";
    /** A pipeline with nothing to report: one PR workflow with a complete gate, a daily scan, dependabot. */
    static final String GOOD_CI = """
            on:
              pull_request:
            jobs:
              lint:
                steps:
                  - uses: actions/checkout@%s # v4.2.2
                  - run: cargo fmt --all -- --check
                  - run: cargo clippy --workspace --all-targets -- -D warnings
              test:
                needs: [lint]
                steps:
                  - run: cargo test --workspace
              deny:
                steps:
                  - run: cargo deny check
              gate:
                if: always()
                needs: [lint, test, deny]
                steps:
                  - run: |
                      [[ "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}" == "false" ]]
            """.formatted(SHA);
    static final String DAILY = """
            on:
              schedule:
                - cron: "0 6 * * *"
            jobs:
              advisories:
                steps:
                  - run: cargo deny check advisories
            """;
    static final String DEPENDABOT = "version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n";

    @TempDir
    Path repo;

    void write(String path, String text) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    void baseline() throws IOException {
        write(".github/workflows/ci.yml", GOOD_CI);
        write(".github/workflows/daily.yml", DAILY);
        write(".github/dependabot.yml", DEPENDABOT);
    }

    List<String> findings(int exit) {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "workflows", "--format", "json");
        assertEquals(exit, r.code(), r.toString());
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("severity").asText() + " " + f.get("code").asText() + " " + f.get("file").asText()
                    + (f.get("line").isNull() ? "" : ":" + f.get("line").asInt()));
        }
        return out.stream().sorted().toList();
    }

    JsonNode json() {
        return Run.of("check", "--repo", repo.toString(), "--policies", "workflows", "--format", "json").json();
    }

    @Test
    void aGoodPipelineHasNoFindings() throws IOException {
        baseline();
        assertEquals(List.of(), findings(0));
    }

    @Test
    void pinning() throws IOException {
        baseline();
        write(".github/workflows/pins.yml", """
                on: push
                jobs:
                  a:
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/checkout@11bd719
                      - uses: actions/checkout@%1$s
                      - uses: actions/checkout@%1$s # stable
                      - uses: actions/checkout@%1$s # v4
                      - uses: "actions/checkout@%2$s" # v4.2.2
                      - uses: actions/cache@%1$s # tag=v4.1.0
                      - uses: docker://alpine:3.20
                      - uses: docker://alpine@sha256:%3$s
                      - uses: ./.github/actions/local
                      - uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
                """.formatted(SHA, SHA2, "a".repeat(64)));
        write(".github/workflows/more.yml", "on: push\njobs:\n  b:\n    steps:\n      - uses: actions/cache@%s # v4.2.0\n".formatted(SHA));
        write("tollgate.toml", """
                [workflows]
                [[workflows.allow-unpinned]]
                pattern = "slsa-framework/slsa-github-generator/.github/workflows/*"
                reason = "the SLSA generator verifies its caller by tag"
                """);
        // SHA is commented v4.2.2 (ci.yml:6), stable (8) and v4 (9): one commit, three versions;
        // checkout v4.2.2 is SHA in ci.yml and SHA2 at line 10; cache's SHA is tag=v4.1.0 and v4.2.0.
        assertEquals(sorted(
                "error unpinned-action .github/workflows/pins.yml:5",
                "error unpinned-action .github/workflows/pins.yml:6",
                "warning pin-without-version-comment .github/workflows/pins.yml:7",
                "warning non-semver-version-comment .github/workflows/pins.yml:8",
                "warning inconsistent-pin-comment .github/workflows/pins.yml:8",
                "note major-only-version-comment .github/workflows/pins.yml:9",
                "warning inconsistent-pin-comment .github/workflows/pins.yml:9",
                "warning inconsistent-pin .github/workflows/pins.yml:10",
                "warning inconsistent-pin-comment .github/workflows/pins.yml:11",
                "error docker-image-unpinned .github/workflows/pins.yml:12",
                "warning inconsistent-pin .github/workflows/ci.yml:6",
                "warning inconsistent-pin-comment .github/workflows/ci.yml:6",
                "warning inconsistent-pin-comment .github/workflows/more.yml:5"), findings(1));
        JsonNode f = json().get("findings");
        for (JsonNode n : f) {
            if (n.get("code").asText().equals("unpinned-action") && n.get("line").asInt() == 5) {
                assertEquals("actions/checkout", n.get("data").get("action").asText());
                assertEquals("v4", n.get("data").get("ref").asText());
                assertEquals("", n.get("data").get("comment").asText());
                assertEquals(9, n.get("column").asInt());
            }
        }
    }

    static List<String> sorted(String... in) {
        return List.of(in).stream().sorted().toList();
    }

    @Test
    void pipelineShape() throws IOException {
        write(".github/workflows/ci.yml", """
                on: pull_request
                jobs:
                  lint:
                    steps:
                      - run: cargo fmt --check
                      - run: cargo clippy
                  test:
                    steps:
                      - run: cargo nextest run
                  other:
                    steps:
                      - run: bash scripts/run_clippy.sh
                  gate:
                    needs: [lint, test]
                    steps:
                      - run: echo done
                """);
        write(".github/workflows/second.yml", """
                on: [pull_request]
                jobs:
                  one:
                    steps:
                      - run: cargo audit
                  two:
                    steps:
                      - run: cargo test
                """);
        write(".github/workflows/caller.yml", """
                on: push
                jobs:
                  call:
                    uses: ./.github/_workflows/reusable.yml
                """);
        write(".github/_workflows/reusable.yml", "on:\n  workflow_call:\njobs: {}\n");
        assertEquals(sorted(
                "error no-cargo-deny .github/workflows",
                "error no-daily-advisory-scan .github/workflows",
                "warning no-dependabot-actions .github/dependabot.yml",
                "note workflow-not-loaded .github/_workflows/reusable.yml:2",
                "error invalid-reusable-workflow-location .github/workflows/caller.yml:4",
                "error clippy-not-workspace .github/workflows/ci.yml:6",
                "error clippy-not-all-targets .github/workflows/ci.yml:6",
                "error clippy-warnings-not-denied .github/workflows/ci.yml:6",
                "warning stage-not-gated .github/workflows/ci.yml:7",
                "warning clippy-not-verified .github/workflows/ci.yml:12",
                "error gate-incomplete-needs .github/workflows/ci.yml:14",
                "error gate-not-always .github/workflows/ci.yml:13",
                "error duplicate-pr-pipeline .github/workflows/second.yml:1",
                "warning cargo-audit-gate .github/workflows/second.yml:5",
                "error gate-missing .github/workflows/second.yml:2"), findings(1));
    }

    /**
     * Issue 19's held-out conformance cases. GitHub loads workflows only from .github/workflows/ itself
     * ("Workflow files must be stored in the .github/workflows directory", workflow syntax docs), so a
     * file in a sub-folder is at most a note and its unpinned action is not judged; a block-scalar
     * `uses:` has no comment on its ref's line, so the next line's `# v4.1.1` is not its version
     * comment; a registry host with a port does not hide an image's tag.
     */
    @Test
    void heldOutConformanceCases() throws IOException {
        baseline();
        write(".github/workflows/drafts/old.yml", "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/cache@v4\n");
        write(".github/workflows/more.yml", """
                on: push
                jobs:
                  b:
                    steps:
                      - uses: >-
                          actions/cache@%s
                        # v4.2.0
                      - uses: docker://registry.example.com:5000/team/tool:1.2
                      - uses: docker://registry.example.com:5000/team/tool
                """.formatted(SHA));
        assertEquals(sorted(
                "note workflow-not-loaded .github/workflows/drafts/old.yml:1",
                "warning pin-without-version-comment .github/workflows/more.yml:5",
                "error docker-image-unpinned .github/workflows/more.yml:8",
                "error docker-image-unpinned .github/workflows/more.yml:9"), findings(1));
        for (JsonNode f : json().get("findings")) {
            if (f.get("code").asText().equals("docker-image-unpinned")) {
                assertEquals("docker://registry.example.com:5000/team/tool", f.get("subject").asText(), f.toString());
                assertEquals(f.get("line").asInt() == 8 ? "1.2" : "", f.get("data").get("ref").asText(), f.toString());
            }
        }
    }

    /** A gate whose failing step is decided by its `if:` (the step itself only runs `exit 1`) fails on bad results. */
    @Test
    void gateFailingThroughAStepConditionIsAlways() throws IOException {
        baseline();
        write(".github/workflows/ci.yml", GOOD_CI.replace("""
                      - run: |
                          [[ "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}" == "false" ]]
                """, """
                      - if: ${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}
                        run: exit 1
                """));
        assertEquals(List.of(), findings(0));
        write(".github/workflows/ci.yml", GOOD_CI.replace("""
                      - run: |
                          [[ "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}" == "false" ]]
                """, """
                      - run: exit 0
                """));
        assertEquals(List.of("error gate-not-always .github/workflows/ci.yml:16"), findings(1));
    }

    @Test
    void releasePipeline() throws IOException {
        baseline();
        write(".github/workflows/release.yml", """
                on: {push: {tags: ["v*"]}}
                jobs:
                  build:
                    steps:
                      - run: cargo build --release
                  publish:
                    needs: build
                    steps:
                      - run: gh release create "$TAG" dist/*
                """);
        write(".github/workflows/publish-nightly.yml", """
                on: {schedule: [{cron: "0 0 * * *"}]}
                permissions:
                  contents: write
                jobs:
                  build:
                    steps:
                      - run: cargo build --release
                  attest:
                    needs: [build]
                    steps:
                      - uses: actions/attest-build-provenance@%s # v2.4.0
                      - uses: softprops/action-gh-release@%s # v2.3.2
                """.formatted(SHA, SHA2));
        write(".github/workflows/release-good.yml", """
                on: workflow_dispatch
                jobs:
                  build:
                    permissions:
                      id-token: write
                      attestations: write
                    steps:
                      - run: cargo build --release
                      - uses: actions/attest-build-provenance@%s # v2.4.0
                """.formatted(SHA));
        assertEquals(sorted(
                "error release-build-without-provenance .github/workflows/publish-nightly.yml:5",
                "warning redundant-release-workflows .github/workflows/release.yml:1",
                "error release-build-without-provenance .github/workflows/release.yml:3"), findings(1));
    }

    @Test
    void levelsAndReleasePatternsComeFromTollgateToml() throws IOException {
        baseline();
        write(".github/workflows/ship.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: cargo build\n      - uses: actions/checkout@v4\n");
        write("tollgate.toml", """
                [workflows]
                gate-job = "gate"
                release-patterns = ["ship*"]
                colour = "blue"
                [workflows.levels]
                unpinned-action = "warning"
                no-such-code = "off"
                """);
        assertEquals(sorted(
                "warning unknown-config-key tollgate.toml:4",
                "warning unknown-config-key tollgate.toml:7",
                "error release-build-without-provenance .github/workflows/ship.yml:3",
                "warning unpinned-action .github/workflows/ship.yml:6"), findings(1));
        write("tollgate.toml", "[workflows.levels]\nrelease-build-without-provenance = \"off\"\nunpinned-action = \"off\"\n");
        assertEquals(List.of(), findings(0));
        write("tollgate.toml", "[workflows.levels]\nunpinned-action = \"loud\"\n");
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "workflows");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: tollgate.toml:2:1: `workflows.levels.unpinned-action`: expected one of error, warning, note, off\n", r.err());
    }

    @Test
    void aHostileWorkflowIsAFindingAtItsLine() throws IOException {
        baseline();
        write(".github/workflows/evil.yml", "on: push\njobs:\n  a: {}\n  a: {}\n");
        assertEquals(List.of("error invalid-workflow .github/workflows/evil.yml:4"), findings(1));
    }

    @Test
    void noGithubFolder() {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "workflows");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(".github: directory not found"), r.err());
    }
}
