package dev.tollgate.api.facts;

import dev.tollgate.api.findings.Severity;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code [workflows]} table of tollgate.toml (defaults when absent).
 *
 * @param levels          per finding code: {@code error}, {@code warning}, {@code note} or {@code off}
 * @param releasePatterns globs over a workflow's file name that make it a release workflow
 * @param gateJob         the id of the single required gate job
 */
public record WorkflowsConfig(Map<String, String> levels, List<String> releasePatterns, String gateJob, Location origin) {
    public static final List<String> DEFAULT_RELEASE_PATTERNS = List.of("release*", "pub-*", "publish*");
    public static final String DEFAULT_GATE_JOB = "gate";

    public WorkflowsConfig {
        levels = Map.copyOf(levels);
        releasePatterns = List.copyOf(releasePatterns);
    }

    public static WorkflowsConfig defaults(String file) {
        return new WorkflowsConfig(Map.of(), DEFAULT_RELEASE_PATTERNS, DEFAULT_GATE_JOB, Location.file(file));
    }

    /** Whether findings of {@code code} are reported at all (its level is not {@code off}). */
    public boolean reports(String code) {
        return !"off".equals(levels.get(code));
    }

    /** {@code f} at the level [workflows.levels] sets for its code; unchanged when none is set. */
    public dev.tollgate.api.findings.Finding levelled(dev.tollgate.api.findings.Finding f) {
        String level = levels.get(f.code());
        Severity s = level == null ? null : Severity.parse(level);
        return s == null ? f : f.withSeverity(s);
    }

    /** Whether a workflow file (its name without folder) is a release workflow. */
    public boolean isRelease(String basename) {
        for (String p : releasePatterns) if (PinAllowance.glob(p).matcher(basename).matches()) return true;
        return false;
    }
}
