package dev.tollgate.api.facts;

import java.util.List;

/**
 * An artifact of the release graph ({@code [release.artifacts.NAME]} in tollgate.toml): the crates
 * or paths that make it, the job that builds it and that job's target matrix.
 *
 * @param name     the {@code NAME} of {@code [release.artifacts.NAME]}
 * @param buildJob the workflow job that builds it: {@code build-job}, by default {@code build-NAME}
 * @param crates  workspace members; the artifact is rebuilt when one of them is affected
 * @param paths   globs (as {@link PathRule}) of files outside crates that also make it
 * @param targets  {@code targets}: the target triples its build job's matrix covers (e.g.
 *                 {@code x86_64-unknown-linux-gnu})
 * @param origin   the {@code [release.artifacts.NAME]} key in tollgate.toml
 */
public record ReleaseArtifact(String name, String buildJob, List<String> crates, List<String> paths,
                              List<String> targets, Location origin) {
    /**
     * Copies {@code crates}, {@code paths} and {@code targets} (the fact is immutable).
     *
     * @param name     the {@code NAME} of {@code [release.artifacts.NAME]}
     * @param buildJob the workflow job that builds it: {@code build-job}, by default {@code build-NAME}
     * @param crates   workspace members; the artifact is rebuilt when one of them is affected
     * @param paths    globs (as {@link PathRule}) of files outside crates that also make it
     * @param targets  {@code targets}: the target triples its build job's matrix covers (e.g.
     *                 {@code x86_64-unknown-linux-gnu})
     * @param origin   the {@code [release.artifacts.NAME]} key in tollgate.toml
     */
    public ReleaseArtifact {
        crates = List.copyOf(crates);
        paths = List.copyOf(paths);
        targets = List.copyOf(targets);
    }

    /**
     * Whether a changed file outside the crates makes this artifact.
     *
     * @param path relative to the repository root
     * @return whether one of {@code paths} matches it ({@link PathRule#compile})
     */
    public boolean madeFrom(String path) {
        for (String g : paths) if (PathRule.compile(g).matcher(path).matches()) return true;
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
        b.name = name;
        b.buildJob = buildJob;
        b.crates = crates;
        b.paths = paths;
        b.targets = targets;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link ReleaseArtifact} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String name = "";
        private String buildJob = "";
        private List<String> crates = java.util.List.of();
        private List<String> paths = java.util.List.of();
        private List<String> targets = java.util.List.of();
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name the {@code NAME} of {@code [release.artifacts.NAME]}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code buildJob}.
         *
         * @param buildJob the workflow job that builds it: {@code build-job}, by default {@code build-NAME}
         * @return this builder
         */
        public Builder buildJob(String buildJob) {
            this.buildJob = buildJob;
            return this;
        }

        /**
         * Sets {@code crates}.
         *
         * @param crates workspace members; the artifact is rebuilt when one of them is affected
         * @return this builder
         */
        public Builder crates(List<String> crates) {
            this.crates = crates;
            return this;
        }

        /**
         * Sets {@code paths}.
         *
         * @param paths globs (as {@link PathRule}) of files outside crates that also make it
         * @return this builder
         */
        public Builder paths(List<String> paths) {
            this.paths = paths;
            return this;
        }

        /**
         * Sets {@code targets}.
         *
         * @param targets {@code targets}: the target triples its build job's matrix covers (e.g. {@code x86_64-unknown-linux-gnu})
         * @return this builder
         */
        public Builder targets(List<String> targets) {
            this.targets = targets;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [release.artifacts.NAME]} key in tollgate.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ReleaseArtifact}
         */
        public ReleaseArtifact build() {
            return new ReleaseArtifact(name, buildJob, crates, paths, targets, origin);
        }
    }
}
