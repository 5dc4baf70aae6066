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
 * @param origin          tollgate.toml, the file alone (no line)
 */
public record WorkflowsConfig(Map<String, String> levels, List<String> releasePatterns, String gateJob, Location origin) {
    /**
     * What {@code release-patterns} is when unset: {@code release*}, {@code pub-*}, {@code publish*}.
     */
    public static final List<String> DEFAULT_RELEASE_PATTERNS = List.of("release*", "pub-*", "publish*");
    /**
     * What {@code gate-job} is when unset: {@code gate}.
     */
    public static final String DEFAULT_GATE_JOB = "gate";

    /**
     * Copies {@code levels} and {@code releasePatterns} (the fact is immutable).
     *
     * @param levels          per finding code: {@code error}, {@code warning}, {@code note} or {@code off}
     * @param releasePatterns globs over a workflow's file name that make it a release workflow
     * @param gateJob         the id of the single required gate job
     * @param origin          tollgate.toml, the file alone (no line)
     */
    public WorkflowsConfig {
        levels = Map.copyOf(levels);
        releasePatterns = List.copyOf(releasePatterns);
    }

    /**
     * The settings without a {@code [workflows]} table.
     *
     * @param file the tollgate.toml display path
     * @return no levels changed, {@link #DEFAULT_RELEASE_PATTERNS} and {@link #DEFAULT_GATE_JOB}
     */
    public static WorkflowsConfig defaults(String file) {
        return new WorkflowsConfig(Map.of(), DEFAULT_RELEASE_PATTERNS, DEFAULT_GATE_JOB, Location.file(file));
    }

    /**
     * Whether findings of {@code code} are reported at all (its level is not {@code off}).
     *
     * @param code a finding code ({@code unpinned-action})
     * @return false when {@code levels} sets it {@code off}
     */
    public boolean reports(String code) {
        return !"off".equals(levels.get(code));
    }

    /**
     * {@code f} at the level {@code [workflows.levels]} sets for its code.
     *
     * @param f a finding of the workflows policy, at its rule's declared severity
     * @return {@code f} with the configured severity; {@code f} itself when no level (or {@code off}) is set
     */
    public dev.tollgate.api.findings.Finding levelled(dev.tollgate.api.findings.Finding f) {
        String level = levels.get(f.code());
        Severity s = level == null ? null : Severity.parse(level);
        return s == null ? f : f.withSeverity(s);
    }

    /**
     * Whether a workflow file (its name without folder) is a release workflow.
     *
     * @param basename the file name, e.g. {@code release.yml}
     * @return whether one of {@code releasePatterns} matches it, ignoring case
     */
    public boolean isRelease(String basename) {
        for (String p : releasePatterns) if (PinAllowance.glob(p).matcher(basename).matches()) return true;
        return false;
    }

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.levels = levels;
        b.releasePatterns = releasePatterns;
        b.gateJob = gateJob;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link WorkflowsConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private Map<String, String> levels = java.util.Map.of();
        private List<String> releasePatterns = java.util.List.of();
        private String gateJob = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code levels}.
         *
         * @param levels per finding code: {@code error}, {@code warning}, {@code note} or {@code off}
         * @return this builder
         */
        public Builder levels(Map<String, String> levels) {
            this.levels = levels;
            return this;
        }

        /**
         * Sets {@code releasePatterns}.
         *
         * @param releasePatterns globs over a workflow's file name that make it a release workflow
         * @return this builder
         */
        public Builder releasePatterns(List<String> releasePatterns) {
            this.releasePatterns = releasePatterns;
            return this;
        }

        /**
         * Sets {@code gateJob}.
         *
         * @param gateJob the id of the single required gate job
         * @return this builder
         */
        public Builder gateJob(String gateJob) {
            this.gateJob = gateJob;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin tollgate.toml, the file alone (no line)
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkflowsConfig}
         */
        public WorkflowsConfig build() {
            return new WorkflowsConfig(levels, releasePatterns, gateJob, origin);
        }
    }
}
