package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rule author reads a workflow key no fact field models (a job's {@code timeout-minutes}) through
 * {@code WorkflowJob.get}, within the allow list, instead of reading workflow files from a rule.
 */
class WorkflowMappingRuleTest {
    @Test
    void aCustomRuleReadsTimeoutMinutesFromTheJobsMapping(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), """
                name: ci
                on: pull_request
                jobs:
                  quick:
                    runs-on: ubuntu-latest
                    timeout-minutes: 30
                    steps:
                      - run: echo ok
                  slow:
                    runs-on: ubuntu-latest
                    timeout-minutes: 400
                    steps:
                      - run: echo ok
                  forever:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo ok
                """);
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("ci-limits.drl"), """
                package tollgate.ci_limits;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;

                function boolean unbounded(Object minutes) {
                    return minutes == null || !(minutes instanceof Number) || ((Number) minutes).longValue() > 60;
                }

                rule "job-timeout"
                    @code("job-timeout") @severity("warning")
                    @doc("A job without timeout-minutes, or with more than 60, can hold a runner for hours.")
                when
                    $j : WorkflowJob( unbounded(get("timeout-minutes")) )
                then
                    insert(Finding.of("ci-limits", "job-timeout", Severity.WARNING, "job " + $j.id() + ": timeout-minutes "
                            + $j.get("timeout-minutes")).at($j.origin()).about($j.file() + "#" + $j.id()));
                end
                """);
        Run r = Run.of("check", "--repo", repo.toString(), "--rules", rules.toString(), "--policies", "ci-limits",
                "--format", "json", "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, r.code(), r.toString());
        List<String> seen = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            if (f.get("code").asText().equals("job-timeout")) seen.add(f.get("message").asText());
        }
        assertEquals(List.of("job forever: timeout-minutes null", "job slow: timeout-minutes 400"), seen.stream().sorted().toList(), r.toString());
    }
}
