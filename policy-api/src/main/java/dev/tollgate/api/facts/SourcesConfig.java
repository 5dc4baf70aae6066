package dev.tollgate.api.facts;

/**
 * The {@code [sources]} table of deny.toml (cargo-deny v2 schema), with the location of each
 * setting so a finding about a setting can point at its line. Defaults are cargo-deny's.
 *
 * @param unknownRegistry     {@code unknown-registry} (default warn)
 * @param unknownGit          {@code unknown-git} (default warn)
 * @param unusedAllowedSource {@code unused-allowed-source} (default warn)
 * @param requiredGitSpec null when not set (no requirement)
 * @param unknownRegistryAt   where {@code unknown-registry} is set (the file alone when it is not)
 * @param unknownGitAt        where {@code unknown-git} is set (the file alone when it is not)
 * @param requiredGitSpecAt   where {@code required-git-spec} is set (the file alone when it is not)
 * @param tableAt             the {@code [sources]} table (the file alone when there is none)
 */
public record SourcesConfig(Level unknownRegistry, Level unknownGit, Level unusedAllowedSource,
                            GitSpec requiredGitSpec, Location unknownRegistryAt, Location unknownGitAt,
                            Location requiredGitSpecAt, Location tableAt) {
    /**
     * cargo-deny's defaults, for a deny.toml without {@code [sources]}.
     *
     * @param file the deny.toml display path, where every setting is said to be
     * @return unknown registries, unknown git sources and unused entries warn; no git spec required
     */
    public static SourcesConfig defaults(String file) {
        Location f = Location.file(file);
        return new SourcesConfig(Level.WARN, Level.WARN, Level.WARN, null, f, f, f, f);
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
        b.unknownRegistry = unknownRegistry;
        b.unknownGit = unknownGit;
        b.unusedAllowedSource = unusedAllowedSource;
        b.requiredGitSpec = requiredGitSpec;
        b.unknownRegistryAt = unknownRegistryAt;
        b.unknownGitAt = unknownGitAt;
        b.requiredGitSpecAt = requiredGitSpecAt;
        b.tableAt = tableAt;
        return b;
    }

    /** Builds a {@link SourcesConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private Level unknownRegistry = Level.values()[0];
        private Level unknownGit = Level.values()[0];
        private Level unusedAllowedSource = Level.values()[0];
        private GitSpec requiredGitSpec = GitSpec.values()[0];
        private Location unknownRegistryAt = Location.NONE;
        private Location unknownGitAt = Location.NONE;
        private Location requiredGitSpecAt = Location.NONE;
        private Location tableAt = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code unknownRegistry}.
         *
         * @param unknownRegistry {@code unknown-registry} (default warn)
         * @return this builder
         */
        public Builder unknownRegistry(Level unknownRegistry) {
            this.unknownRegistry = unknownRegistry;
            return this;
        }

        /**
         * Sets {@code unknownGit}.
         *
         * @param unknownGit {@code unknown-git} (default warn)
         * @return this builder
         */
        public Builder unknownGit(Level unknownGit) {
            this.unknownGit = unknownGit;
            return this;
        }

        /**
         * Sets {@code unusedAllowedSource}.
         *
         * @param unusedAllowedSource {@code unused-allowed-source} (default warn)
         * @return this builder
         */
        public Builder unusedAllowedSource(Level unusedAllowedSource) {
            this.unusedAllowedSource = unusedAllowedSource;
            return this;
        }

        /**
         * Sets {@code requiredGitSpec}.
         *
         * @param requiredGitSpec null when not set (no requirement)
         * @return this builder
         */
        public Builder requiredGitSpec(GitSpec requiredGitSpec) {
            this.requiredGitSpec = requiredGitSpec;
            return this;
        }

        /**
         * Sets {@code unknownRegistryAt}.
         *
         * @param unknownRegistryAt where {@code unknown-registry} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder unknownRegistryAt(Location unknownRegistryAt) {
            this.unknownRegistryAt = unknownRegistryAt;
            return this;
        }

        /**
         * Sets {@code unknownGitAt}.
         *
         * @param unknownGitAt where {@code unknown-git} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder unknownGitAt(Location unknownGitAt) {
            this.unknownGitAt = unknownGitAt;
            return this;
        }

        /**
         * Sets {@code requiredGitSpecAt}.
         *
         * @param requiredGitSpecAt where {@code required-git-spec} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder requiredGitSpecAt(Location requiredGitSpecAt) {
            this.requiredGitSpecAt = requiredGitSpecAt;
            return this;
        }

        /**
         * Sets {@code tableAt}.
         *
         * @param tableAt the {@code [sources]} table (the file alone when there is none)
         * @return this builder
         */
        public Builder tableAt(Location tableAt) {
            this.tableAt = tableAt;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link SourcesConfig}
         */
        public SourcesConfig build() {
            return new SourcesConfig(unknownRegistry, unknownGit, unusedAllowedSource, requiredGitSpec, unknownRegistryAt, unknownGitAt, requiredGitSpecAt, tableAt);
        }
    }
}
