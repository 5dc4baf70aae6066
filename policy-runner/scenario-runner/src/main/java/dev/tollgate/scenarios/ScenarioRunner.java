package dev.tollgate.scenarios;

import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs scenarios against an engine. A scenario without a {@link RunContext} fact gets one naming
 * its policies, as the command line would give.
 */
public final class ScenarioRunner {
    private final PolicyEngine engine;

    public ScenarioRunner(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Reads every scenario file under {@code dir} and runs it; files are shown relative to {@code dir}'s parent. */
    public List<ScenarioResult> runAll(Path dir) {
        List<ScenarioResult> out = new ArrayList<>();
        Path base = dir.toAbsolutePath().normalize();
        Path shownFrom = java.nio.file.Files.isDirectory(base) ? base : base.getParent();
        for (Path f : ScenarioFile.find(dir)) {
            String display = shownFrom.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
            for (Scenario s : ScenarioFile.read(f, display)) out.add(run(s));
        }
        return out;
    }

    public ScenarioResult run(Scenario s) {
        Set<String> policies = new TreeSet<>(s.policies());
        if (policies.isEmpty()) {
            // every policy with rules: the shipped ones and those of custom packages (tollgate.msrv → msrv)
            policies.addAll(engine.policies());
        }
        List<Object> facts = new ArrayList<>(s.facts());
        if (facts.stream().noneMatch(f -> f instanceof RunContext)) facts.add(new RunContext(policies, "Cargo.lock", "deny.toml"));
        // plans' rules derive facts for the plan commands: derive runs them, evaluate takes policies only
        Verdict verdict = policies.stream().anyMatch(dev.tollgate.api.Policies::isPlan)
                ? engine.derive(facts, policies).verdict() : engine.evaluate(facts, policies);
        List<String> unknown = unknownCodes(s);
        if (!unknown.isEmpty()) {
            // a misspelt code would make `absent:` pass whatever the rules do, and `expect:` fail for the wrong reason
            List<String> lines = new ArrayList<>(unknown);
            lines.addAll(diff(s, verdict.findings()));
            return new ScenarioResult(s, verdict, lines);
        }
        return new ScenarioResult(s, verdict, diff(s, verdict.findings()));
    }

    /** {@code "? FILE:LINE: ..."} for each expected or forbidden code that no loaded rule (nor the engine) declares. */
    private List<String> unknownCodes(Scenario s) {
        Set<String> known = new TreeSet<>();
        for (dev.tollgate.api.findings.FindingCode c : engine.codes()) known.add(c.code());
        List<String> out = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Expectation e : pass == 0 ? s.expect() : s.absent()) {
                if (e.code() == null || known.contains(e.code())) continue;
                out.add("? " + e.file() + ":" + e.line() + ": " + (pass == 0 ? "expects" : "forbids") + " code `" + e.code()
                        + "`, which no loaded rule declares" + Suggest.suffix(e.code(), known));
            }
        }
        return out;
    }

    static List<String> diff(Scenario s, List<Finding> actual) {
        List<String> lines = new ArrayList<>();
        boolean failed = false;
        boolean[] used = new boolean[actual.size()];
        for (Expectation e : s.expect()) {
            int hit = -1;
            for (int i = 0; i < actual.size(); i++) {
                if (!used[i] && e.matches(actual.get(i))) {
                    hit = i;
                    break;
                }
            }
            if (hit < 0) {
                lines.add("- " + e.describe());
                failed = true;
            } else {
                used[hit] = true;
                lines.add("  " + Expectation.describe(actual.get(hit)));
            }
        }
        for (int i = 0; i < actual.size(); i++) {
            if (used[i]) continue;
            Finding f = actual.get(i);
            Expectation forbidden = s.absent().stream().filter(a -> a.matches(f)).findFirst().orElse(null);
            if (forbidden != null) {
                lines.add("! " + Expectation.describe(f) + "   (absent: " + forbidden.describe() + ")");
                failed = true;
            } else if (!s.partial()) {
                lines.add("+ " + Expectation.describe(f) + "   " + oneLine(f.message()));
                failed = true;
            }
        }
        return failed ? lines : List.of();
    }

    private static String oneLine(String m) {
        String t = m.replace('\n', ' ');
        return "\"" + (t.length() > 120 ? t.substring(0, 120) + "…" : t) + "\"";
    }
}
