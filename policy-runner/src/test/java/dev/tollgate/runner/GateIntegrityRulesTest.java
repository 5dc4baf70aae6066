package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.tollgate.runner.WorkflowsRulesTest.DAILY;
import static dev.tollgate.runner.WorkflowsRulesTest.DEPENDABOT;
import static dev.tollgate.runner.WorkflowsRulesTest.GOOD_CI;
import static dev.tollgate.runner.WorkflowsRulesTest.SHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipelines that neutralise their own gate (issue 14 item 5), end to end through the CLI: each pattern
 * with a failing and a fixed case, on {@link WorkflowsRulesTest#GOOD_CI} (which has no findings), and
 * the reader's former 500-file cap (item 4).
 */
class GateIntegrityRulesTest {
    static final String CI = ".github/workflows/ci.yml";

    @TempDir
    Path repo;

    void write(String path, String text) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /** The good pipeline with {@code from} replaced by {@code to} in ci.yml (which must contain it). */
    void ci(String from, String to) throws IOException {
        assertTrue(GOOD_CI.contains(from), from);
        write(CI, GOOD_CI.replace(from, to));
        write(".github/workflows/daily.yml", DAILY);
        write(".github/dependabot.yml", DEPENDABOT);
    }

    List<String> findings(int exit) {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "workflows", "--format", "json");
        assertEquals(exit, r.code(), r.toString());
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("severity").asText() + " " + f.get("code").asText() + " " + f.get("file").asText()
                    + (f.get("line").isNull() ? "" : ":" + f.get("line").asInt() + ":" + f.get("column").asInt()));
        }
        return out.stream().sorted().toList();
    }

    JsonNode only(String code) {
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "workflows", "--format", "json");
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) if (f.get("code").asText().equals(code)) hits.add(f);
        assertEquals(1, hits.size(), r.out());
        return hits.get(0);
    }

    // --- continue-on-error on a job the gate needs ---------------------------------------------

    @Test
    void aNeededJobThatMayFailFailsTheGate() throws IOException {
        ci("  test:\n    needs: [lint]\n", "  test:\n    needs: [lint]\n    continue-on-error: true\n");
        assertEquals(List.of("error gate-job-continue-on-error " + CI + ":11:5"), findings(1));
        JsonNode f = only("gate-job-continue-on-error");
        assertEquals("test", f.get("data").get("job").asText());
        assertTrue(f.get("message").asText().contains("`continue-on-error: true`"), f.toString());
    }

    @Test
    void anExpressionCountsAndSoDoesTheGateItself() throws IOException {
        ci("  gate:\n    if: always()\n", "  gate:\n    continue-on-error: ${{ github.event_name == 'pull_request' }}\n    if: always()\n");
        assertEquals(List.of("error gate-job-continue-on-error " + CI + ":17:5"), findings(1));
        assertTrue(only("gate-job-continue-on-error").get("message").asText().contains("an expression that can be true"));
    }

    @Test
    void aJobNeededOnlyThroughAnotherStillCounts() throws IOException {
        // the gate needs test, test needs lint: lint is needed transitively (and the gate should list it)
        ci("  lint:\n    steps:\n", "  lint:\n    continue-on-error: true\n    steps:\n");
        write(CI, Files.readString(repo.resolve(CI)).replace("needs: [lint, test, deny]", "needs: [test, deny]"));
        assertEquals(List.of("error gate-incomplete-needs " + CI + ":19:5", "error gate-job-continue-on-error " + CI + ":5:5"), findings(1));
    }

    @Test
    void continueOnErrorFalseOrOutsideTheGatedPipelineIsFine() throws IOException {
        ci("  test:\n    needs: [lint]\n", "  test:\n    needs: [lint]\n    continue-on-error: false\n");
        write(".github/workflows/daily.yml", DAILY.replace("  advisories:\n", "  advisories:\n    continue-on-error: true\n"));
        assertEquals(List.of(), findings(0));
    }

    // --- continue-on-error on a check step -----------------------------------------------------

    @Test
    void aCheckStepThatMayFailFailsTheGate() throws IOException {
        ci("      - run: cargo deny check\n", "      - run: cargo deny check\n        continue-on-error: true\n");
        assertEquals(List.of("error gate-step-continue-on-error " + CI + ":16:9"), findings(1));
        assertEquals("cargo deny", only("gate-step-continue-on-error").get("data").get("check").asText());
    }

    @Test
    void continueOnErrorOnAStepThatChecksNothingIsFine() throws IOException {
        ci("      - run: cargo deny check\n", "      - run: echo warming the cache\n        continue-on-error: true\n      - run: cargo deny check\n");
        assertEquals(List.of(), findings(0));
    }

    @Test
    void theGatesOwnResultCheckMayNotContinueOnError() throws IOException {
        ci("      - run: |\n          [[", "      - continue-on-error: true\n        run: |\n          [[");
        assertEquals(List.of("error gate-step-continue-on-error " + CI + ":20:9"), findings(1));
    }

    // --- a check whose exit status is masked ---------------------------------------------------

    @Test
    void orTrueAfterTheCheckFailsTheGate() throws IOException {
        ci("      - run: cargo deny check\n", "      - run: cargo deny check || true\n");
        assertEquals(List.of("error gate-step-masks-exit " + CI + ":15:31"), findings(1));
        assertEquals("|| true", only("gate-step-masks-exit").get("data").get("mask").asText());
    }

    @Test
    void setPlusEBeforeTheCheckFailsTheGate() throws IOException {
        ci("      - run: cargo test --workspace\n", "      - run: |\n          set +e\n          cargo test --workspace\n          echo finished\n");
        assertEquals(List.of("error gate-step-masks-exit " + CI + ":14:11"), findings(1));
        JsonNode f = only("gate-step-masks-exit");
        assertEquals(13, f.get("data").get("maskLine").asInt());
        assertTrue(f.get("message").asText().contains("after `set +e` (line 13)"), f.toString());
    }

    @Test
    void aFailingFallbackOrAnUnrelatedOrTrueIsFine() throws IOException {
        ci("      - run: cargo test --workspace\n", """
                      - run: |
                          git fetch origin main || true
                          cargo test --workspace || (echo "tests failed"; exit 1)
                """);
        assertEquals(List.of(), findings(0));
    }

    @Test
    void theTollgateJarWithOrTrueFailsTheGate() throws IOException {
        ci("      - run: cargo deny check\n", "      - run: cargo deny check\n      - run: java -jar policy-runner.jar check --policies workflows || exit 0\n");
        assertEquals(List.of("error gate-step-masks-exit " + CI + ":16:69"), findings(1));
        assertEquals("tollgate", only("gate-step-masks-exit").get("data").get("tool").asText());
    }

    // --- the gate's if: --------------------------------------------------------------------------

    @Test
    void aGateThatCannotRunAfterAFailureFailsTheGate() throws IOException {
        ci("    if: always()\n", "    if: ${{ always() && false }}\n");
        assertEquals(List.of("error gate-if-never-after-failure " + CI + ":17:5"), findings(1));
    }

    @Test
    void aGateIfThatDependsOnTheRunIsNotGuessed() throws IOException {
        ci("    if: always()\n", "    if: ${{ always() && github.repository == 'o/r' }}\n");
        assertEquals(List.of(), findings(0));
    }

    @Test
    void aConstantFalseGateIsReportedOnceAsGateNotAlways() throws IOException {
        ci("    if: always()\n", "    if: false\n");
        assertEquals(List.of("error gate-not-always " + CI + ":17:5"), findings(1));
    }

    // --- the Tollgate action with fail-on-findings false ----------------------------------------

    @Test
    void theActionThatNeverFailsFailsTheGate() throws IOException {
        ci("      - run: cargo deny check\n", """
                      - run: cargo deny check
                      - uses: tollgate-dev/tollgate@%s # v0.1.0
                        with:
                          policies: sources
                          fail-on-findings: "false"
                """.formatted(SHA));
        assertEquals(List.of("error gate-action-never-fails " + CI + ":19:11"), findings(1));
    }

    @Test
    void theActionThatFailsIsFineAndSoIsItsDefault() throws IOException {
        ci("      - run: cargo deny check\n", """
                      - run: cargo deny check
                      - uses: tollgate-dev/tollgate@%1$s # v0.1.0
                        with:
                          fail-on-findings: true
                      - uses: tollgate-dev/tollgate@%1$s # v0.1.0
                """.formatted(SHA));
        assertEquals(List.of(), findings(0));
    }

    /** A careless or hostile PR: every trick at once, and the level of one code turned down. */
    @Test
    void everyTrickAtOnceEachAtItsLineAndLevelsApply() throws IOException {
        write("action.yml", "name: Tollgate\ninputs:\n  fail-on-findings:\n    default: \"true\"\nruns:\n  using: composite\n  steps: []\n");
        ci("  deny:\n    steps:\n      - run: cargo deny check\n", """
                  deny:
                    continue-on-error: true
                    steps:
                      - run: cargo deny check; true
                      - uses: ./
                        continue-on-error: ${{ always() }}
                        with:
                          fail-on-findings: ${{ github.event_name != 'pull_request' }}
                """);
        write(CI, Files.readString(repo.resolve(CI)).replace("    if: always()\n", "    if: always() && success()\n"));
        write("tollgate.toml", "[workflows.levels]\ngate-step-masks-exit = \"warning\"\n");
        assertEquals(List.of(
                "error gate-action-never-fails " + CI + ":20:11",
                "error gate-if-never-after-failure " + CI + ":22:5",
                "error gate-job-continue-on-error " + CI + ":14:5",
                "error gate-step-continue-on-error " + CI + ":18:9",
                "warning gate-step-masks-exit " + CI + ":16:30"), findings(1));
    }

    // --- item 4: no silent cap on the number of workflow files -----------------------------------

    @Test
    void sixHundredTrivialWorkflowsSortedFirstDoNotHideCiYml() throws IOException {
        ci("actions/checkout@" + SHA + " # v4.2.2", "actions/checkout@v4");
        for (int i = 0; i < 600; i++) write(String.format(".github/workflows/%03d-noop.yml", i), "on: push\njobs: {}\n");
        assertEquals(List.of("error unpinned-action " + CI + ":6:9"), findings(1));
    }

    // --- the examples of docs/policies/workflows.md ----------------------------------------------

    /** The YAML blocks of the "Gate integrity" section of docs/policies/workflows.md, in order. */
    static List<String> docExamples() throws IOException {
        String doc = Files.readString(dev.tollgate.fixtures.Corpus.projectRoot().resolve("docs/policies/workflows.md"));
        String section = doc.substring(doc.indexOf("## Gate integrity"), doc.indexOf("## Release pipeline"));
        List<String> out = new ArrayList<>();
        for (String part : section.split("```yaml\n")) {
            if (out.size() < 2 && section.indexOf(part) > 0) out.add(part.substring(0, part.indexOf("```")).replace("<sha>", SHA));
        }
        assertEquals(2, out.size(), "a failing and a fixed example");
        return out;
    }

    @Test
    void theDocsFailingExampleGivesEachCodeAtItsCommentedLine() throws IOException {
        String failing = docExamples().get(0);
        write(CI, failing);
        write(".github/workflows/daily.yml", DAILY);
        write(".github/dependabot.yml", DEPENDABOT);
        List<String> expected = new ArrayList<>();
        String[] lines = failing.split("\n");
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("# (gate-[a-z-]+)").matcher(lines[i]);
            if (m.find()) expected.add(m.group(1) + " " + CI + ":" + (i + 1));
        }
        assertEquals(7, expected.size(), failing);
        List<String> actual = new ArrayList<>();
        for (String f : findings(1)) {
            String[] p = f.split(" ");
            actual.add(p[1] + " " + p[2].substring(0, p[2].lastIndexOf(':')));
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    @Test
    void theDocsFixedExampleHasNoFindings() throws IOException {
        write(CI, docExamples().get(1));
        write(".github/workflows/daily.yml", DAILY);
        write(".github/dependabot.yml", DEPENDABOT);
        assertEquals(List.of(), findings(0));
    }
}
