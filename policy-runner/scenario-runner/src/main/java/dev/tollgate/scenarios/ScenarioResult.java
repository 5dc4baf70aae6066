package dev.tollgate.scenarios;

import dev.tollgate.api.verdict.Verdict;

import java.util.List;

/**
 * What running one scenario gave.
 *
 * @param diff empty when it passed; otherwise lines of a diff of expected against actual findings:
 *             {@code "  "} matched, {@code "- "} expected but missing, {@code "+ "} found but not expected,
 *             {@code "! "} found although listed under {@code absent}, {@code "? "} a code that no loaded
 *             rule declares (a misspelling: it would make {@code absent} pass whatever the rules do)
 */
public record ScenarioResult(Scenario scenario, Verdict verdict, List<String> diff) {
    public ScenarioResult {
        diff = List.copyOf(diff);
    }

    public boolean passed() {
        return diff.isEmpty();
    }

    /** The failure as a block of text: the scenario's title, then the diff. */
    public String report() {
        if (passed()) return "PASS " + scenario.title();
        StringBuilder s = new StringBuilder("FAIL ").append(scenario.title()).append('\n');
        s.append("  findings (- expected, not found; + found, not expected; ! found, listed as absent):\n");
        for (String d : diff) s.append("    ").append(d).append('\n');
        return s.toString().stripTrailing();
    }
}
