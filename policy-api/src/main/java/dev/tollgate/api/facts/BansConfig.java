package dev.tollgate.api.facts;

/**
 * The scalar settings of deny.toml's {@code [bans]} table (cargo-deny v2 schema), with the position of
 * the settings a finding may point at. Defaults are cargo-deny's. The crate lists ({@code deny},
 * {@code allow}, {@code skip}, {@code skip-tree}, {@code features}) are {@link CrateSpecEntry} facts.
 *
 * @param multipleVersions           {@code multiple-versions} (default warn)
 * @param multipleVersionsIncludeDev {@code multiple-versions-include-dev} (default false: a version reached only
 *                                   through dev-dependencies does not count as a duplicate)
 * @param highlight                  {@code highlight}: lowest-version, simplest-path or all (default); kept for
 *                                   the report, it does not change a verdict
 * @param wildcards                  {@code wildcards} (default warn, as cargo-deny's documentation gives it)
 * @param allowWildcardPaths         {@code allow-wildcard-paths} (default false)
 * @param workspaceDefaultFeatures   {@code workspace-default-features} (default allow)
 * @param externalDefaultFeatures    {@code external-default-features} (default allow)
 * @param allowlist                  {@code allow} is present and non-empty: every crate not in it is not allowed
 * @param multipleVersionsAt         where {@code multiple-versions} is set (the file alone when it is not)
 * @param wildcardsAt                where {@code wildcards} is set (the file alone when it is not)
 * @param tableAt                    the {@code [bans]} table (the file alone when there is none)
 * @param workspaceDefaultFeaturesAt where {@code workspace-default-features} is set (the file alone when it is not:
 *                                   cargo-deny tells an unset level from an explicit {@code allow})
 * @param externalDefaultFeaturesAt  where {@code external-default-features} is set
 * @param allowWorkspace             {@code allow-workspace} (default false): workspace members are never banned
 * @param prereleases                {@code prereleases} (default allow): the level for a dependency resolved to a
 *                                   pre-release version
 * @param prereleasesAt              where {@code prereleases} is set (the table, or the file, when it is not)
 */
public record BansConfig(Level multipleVersions, boolean multipleVersionsIncludeDev, String highlight,
                         Level wildcards, boolean allowWildcardPaths, Level workspaceDefaultFeatures,
                         Level externalDefaultFeatures, boolean allowlist, Location multipleVersionsAt,
                         Location wildcardsAt, Location tableAt, Location workspaceDefaultFeaturesAt,
                         Location externalDefaultFeaturesAt, boolean allowWorkspace, Level prereleases,
                         Location prereleasesAt) {
    /**
     * Fills what is left null: a null {@code workspaceDefaultFeaturesAt}, {@code externalDefaultFeaturesAt} or
     * {@code prereleasesAt} is {@code tableAt}; a null {@code prereleases} is {@link Level#ALLOW}.
     *
     * @param multipleVersions           {@code multiple-versions} (default warn)
     * @param multipleVersionsIncludeDev {@code multiple-versions-include-dev} (default false: a version reached only
     *                                   through dev-dependencies does not count as a duplicate)
     * @param highlight                  {@code highlight}: lowest-version, simplest-path or all (default); kept for the
     *                                   report, it does not change a verdict
     * @param wildcards                  {@code wildcards} (default warn, as cargo-deny's documentation gives it)
     * @param allowWildcardPaths         {@code allow-wildcard-paths} (default false)
     * @param workspaceDefaultFeatures   {@code workspace-default-features} (default allow)
     * @param externalDefaultFeatures    {@code external-default-features} (default allow)
     * @param allowlist                  {@code allow} is present and non-empty: every crate not in it is not allowed
     * @param multipleVersionsAt         where {@code multiple-versions} is set (the file alone when it is not)
     * @param wildcardsAt                where {@code wildcards} is set (the file alone when it is not)
     * @param tableAt                    the {@code [bans]} table (the file alone when there is none)
     * @param workspaceDefaultFeaturesAt where {@code workspace-default-features} is set (the file alone when it is not:
     *                                   cargo-deny tells an unset level from an explicit {@code allow})
     * @param externalDefaultFeaturesAt  where {@code external-default-features} is set
     * @param allowWorkspace             {@code allow-workspace} (default false): workspace members are never banned
     * @param prereleases                {@code prereleases} (default allow): the level for a dependency resolved to a
     *                                   pre-release version
     * @param prereleasesAt              where {@code prereleases} is set (the table, or the file, when it is not)
     */
    public BansConfig {
        if (workspaceDefaultFeaturesAt == null) workspaceDefaultFeaturesAt = tableAt;
        if (externalDefaultFeaturesAt == null) externalDefaultFeaturesAt = tableAt;
        if (prereleases == null) prereleases = Level.ALLOW;
        if (prereleasesAt == null) prereleasesAt = tableAt;
    }

    /**
     * Without {@code allow-workspace} and {@code prereleases} (their defaults: false, allow).
     *
     * @param multipleVersions           {@code multiple-versions} (default warn)
     * @param multipleVersionsIncludeDev {@code multiple-versions-include-dev} (default false: a version reached only
     *                                   through dev-dependencies does not count as a duplicate)
     * @param highlight                  {@code highlight}: lowest-version, simplest-path or all (default); kept for the
     *                                   report, it does not change a verdict
     * @param wildcards                  {@code wildcards} (default warn, as cargo-deny's documentation gives it)
     * @param allowWildcardPaths         {@code allow-wildcard-paths} (default false)
     * @param workspaceDefaultFeatures   {@code workspace-default-features} (default allow)
     * @param externalDefaultFeatures    {@code external-default-features} (default allow)
     * @param allowlist                  {@code allow} is present and non-empty: every crate not in it is not allowed
     * @param multipleVersionsAt         where {@code multiple-versions} is set (the file alone when it is not)
     * @param wildcardsAt                where {@code wildcards} is set (the file alone when it is not)
     * @param tableAt                    the {@code [bans]} table (the file alone when there is none)
     * @param workspaceDefaultFeaturesAt where {@code workspace-default-features} is set (the file alone when it is not:
     *                                   cargo-deny tells an unset level from an explicit {@code allow})
     * @param externalDefaultFeaturesAt  where {@code external-default-features} is set
     */
    public BansConfig(Level multipleVersions, boolean multipleVersionsIncludeDev, String highlight, Level wildcards,
                      boolean allowWildcardPaths, Level workspaceDefaultFeatures, Level externalDefaultFeatures,
                      boolean allowlist, Location multipleVersionsAt, Location wildcardsAt, Location tableAt,
                      Location workspaceDefaultFeaturesAt, Location externalDefaultFeaturesAt) {
        this(multipleVersions, multipleVersionsIncludeDev, highlight, wildcards, allowWildcardPaths,
                workspaceDefaultFeatures, externalDefaultFeatures, allowlist, multipleVersionsAt, wildcardsAt, tableAt,
                workspaceDefaultFeaturesAt, externalDefaultFeaturesAt, false, Level.ALLOW, null);
    }

    /**
     * Without the positions of the default-features levels.
     *
     * @param multipleVersions           {@code multiple-versions} (default warn)
     * @param multipleVersionsIncludeDev {@code multiple-versions-include-dev} (default false: a version reached only
     *                                   through dev-dependencies does not count as a duplicate)
     * @param highlight                  {@code highlight}: lowest-version, simplest-path or all (default); kept for the
     *                                   report, it does not change a verdict
     * @param wildcards                  {@code wildcards} (default warn, as cargo-deny's documentation gives it)
     * @param allowWildcardPaths         {@code allow-wildcard-paths} (default false)
     * @param workspaceDefaultFeatures   {@code workspace-default-features} (default allow)
     * @param externalDefaultFeatures    {@code external-default-features} (default allow)
     * @param allowlist                  {@code allow} is present and non-empty: every crate not in it is not allowed
     * @param multipleVersionsAt         where {@code multiple-versions} is set (the file alone when it is not)
     * @param wildcardsAt                where {@code wildcards} is set (the file alone when it is not)
     * @param tableAt                    the {@code [bans]} table (the file alone when there is none)
     */
    public BansConfig(Level multipleVersions, boolean multipleVersionsIncludeDev, String highlight, Level wildcards,
                      boolean allowWildcardPaths, Level workspaceDefaultFeatures, Level externalDefaultFeatures,
                      boolean allowlist, Location multipleVersionsAt, Location wildcardsAt, Location tableAt) {
        this(multipleVersions, multipleVersionsIncludeDev, highlight, wildcards, allowWildcardPaths,
                workspaceDefaultFeatures, externalDefaultFeatures, allowlist, multipleVersionsAt, wildcardsAt, tableAt,
                null, null);
    }

    /**
     * cargo-deny's defaults, for a deny.toml without {@code [bans]}.
     *
     * @param file the deny.toml display path, where every setting is said to be
     * @return multiple-versions and wildcards warn, default-features levels allow (unset), no allow list
     */
    public static BansConfig defaults(String file) {
        Location f = Location.file(file);
        return new BansConfig(Level.WARN, false, "all", Level.WARN, false, Level.ALLOW, Level.ALLOW, false, f, f, f, f, f,
                false, Level.ALLOW, f);
    }

    /**
     * The default-features level for a member ({@code workspace-default-features}) or another crate
     * ({@code external-default-features}); null when the key is not set (cargo-deny's {@code None}).
     *
     * @param member true for a workspace member, false for any other crate
     * @return the level, or null when the key is not set
     */
    public Level defaultFeaturesLevel(boolean member) {
        Level l = member ? workspaceDefaultFeatures : externalDefaultFeatures;
        Location at = member ? workspaceDefaultFeaturesAt : externalDefaultFeaturesAt;
        return l != Level.ALLOW || (at != null && at.line() > 0) ? l : null;
    }

    /**
     * Where the default-features level for a member or another crate is set (the file when it is not).
     *
     * @param member true for {@code workspace-default-features}, false for {@code external-default-features}
     * @return the key's position, or the file alone
     */
    public Location defaultFeaturesAt(boolean member) {
        return member ? workspaceDefaultFeaturesAt : externalDefaultFeaturesAt;
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
        b.multipleVersions = multipleVersions;
        b.multipleVersionsIncludeDev = multipleVersionsIncludeDev;
        b.highlight = highlight;
        b.wildcards = wildcards;
        b.allowWildcardPaths = allowWildcardPaths;
        b.workspaceDefaultFeatures = workspaceDefaultFeatures;
        b.externalDefaultFeatures = externalDefaultFeatures;
        b.allowlist = allowlist;
        b.multipleVersionsAt = multipleVersionsAt;
        b.wildcardsAt = wildcardsAt;
        b.tableAt = tableAt;
        b.workspaceDefaultFeaturesAt = workspaceDefaultFeaturesAt;
        b.externalDefaultFeaturesAt = externalDefaultFeaturesAt;
        b.allowWorkspace = allowWorkspace;
        b.prereleases = prereleases;
        b.prereleasesAt = prereleasesAt;
        return b;
    }

    /** Builds a {@link BansConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private Level multipleVersions = Level.values()[0];
        private boolean multipleVersionsIncludeDev;
        private String highlight = "";
        private Level wildcards = Level.values()[0];
        private boolean allowWildcardPaths;
        private Level workspaceDefaultFeatures = Level.values()[0];
        private Level externalDefaultFeatures = Level.values()[0];
        private boolean allowlist;
        private Location multipleVersionsAt = Location.NONE;
        private Location wildcardsAt = Location.NONE;
        private Location tableAt = Location.NONE;
        private Location workspaceDefaultFeaturesAt = Location.NONE;
        private Location externalDefaultFeaturesAt = Location.NONE;
        private boolean allowWorkspace;
        private Level prereleases = Level.values()[0];
        private Location prereleasesAt = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code multipleVersions}.
         *
         * @param multipleVersions {@code multiple-versions} (default warn)
         * @return this builder
         */
        public Builder multipleVersions(Level multipleVersions) {
            this.multipleVersions = multipleVersions;
            return this;
        }

        /**
         * Sets {@code multipleVersionsIncludeDev}.
         *
         * @param multipleVersionsIncludeDev {@code multiple-versions-include-dev} (default false: a version reached only through dev-dependencies does not count as a duplicate)
         * @return this builder
         */
        public Builder multipleVersionsIncludeDev(boolean multipleVersionsIncludeDev) {
            this.multipleVersionsIncludeDev = multipleVersionsIncludeDev;
            return this;
        }

        /**
         * Sets {@code highlight}.
         *
         * @param highlight {@code highlight}: lowest-version, simplest-path or all (default); kept for the report, it does not change a verdict
         * @return this builder
         */
        public Builder highlight(String highlight) {
            this.highlight = highlight;
            return this;
        }

        /**
         * Sets {@code wildcards}.
         *
         * @param wildcards {@code wildcards} (default warn, as cargo-deny's documentation gives it)
         * @return this builder
         */
        public Builder wildcards(Level wildcards) {
            this.wildcards = wildcards;
            return this;
        }

        /**
         * Sets {@code allowWildcardPaths}.
         *
         * @param allowWildcardPaths {@code allow-wildcard-paths} (default false)
         * @return this builder
         */
        public Builder allowWildcardPaths(boolean allowWildcardPaths) {
            this.allowWildcardPaths = allowWildcardPaths;
            return this;
        }

        /**
         * Sets {@code workspaceDefaultFeatures}.
         *
         * @param workspaceDefaultFeatures {@code workspace-default-features} (default allow)
         * @return this builder
         */
        public Builder workspaceDefaultFeatures(Level workspaceDefaultFeatures) {
            this.workspaceDefaultFeatures = workspaceDefaultFeatures;
            return this;
        }

        /**
         * Sets {@code externalDefaultFeatures}.
         *
         * @param externalDefaultFeatures {@code external-default-features} (default allow)
         * @return this builder
         */
        public Builder externalDefaultFeatures(Level externalDefaultFeatures) {
            this.externalDefaultFeatures = externalDefaultFeatures;
            return this;
        }

        /**
         * Sets {@code allowlist}.
         *
         * @param allowlist {@code allow} is present and non-empty: every crate not in it is not allowed
         * @return this builder
         */
        public Builder allowlist(boolean allowlist) {
            this.allowlist = allowlist;
            return this;
        }

        /**
         * Sets {@code multipleVersionsAt}.
         *
         * @param multipleVersionsAt where {@code multiple-versions} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder multipleVersionsAt(Location multipleVersionsAt) {
            this.multipleVersionsAt = multipleVersionsAt;
            return this;
        }

        /**
         * Sets {@code wildcardsAt}.
         *
         * @param wildcardsAt where {@code wildcards} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder wildcardsAt(Location wildcardsAt) {
            this.wildcardsAt = wildcardsAt;
            return this;
        }

        /**
         * Sets {@code tableAt}.
         *
         * @param tableAt the {@code [bans]} table (the file alone when there is none)
         * @return this builder
         */
        public Builder tableAt(Location tableAt) {
            this.tableAt = tableAt;
            return this;
        }

        /**
         * Sets {@code workspaceDefaultFeaturesAt}.
         *
         * @param workspaceDefaultFeaturesAt where {@code workspace-default-features} is set (the file alone when it is not: cargo-deny tells an unset level from an explicit {@code allow})
         * @return this builder
         */
        public Builder workspaceDefaultFeaturesAt(Location workspaceDefaultFeaturesAt) {
            this.workspaceDefaultFeaturesAt = workspaceDefaultFeaturesAt;
            return this;
        }

        /**
         * Sets {@code externalDefaultFeaturesAt}.
         *
         * @param externalDefaultFeaturesAt where {@code external-default-features} is set
         * @return this builder
         */
        public Builder externalDefaultFeaturesAt(Location externalDefaultFeaturesAt) {
            this.externalDefaultFeaturesAt = externalDefaultFeaturesAt;
            return this;
        }

        /**
         * Sets {@code allowWorkspace}.
         *
         * @param allowWorkspace {@code allow-workspace} (default false): workspace members are never banned
         * @return this builder
         */
        public Builder allowWorkspace(boolean allowWorkspace) {
            this.allowWorkspace = allowWorkspace;
            return this;
        }

        /**
         * Sets {@code prereleases}.
         *
         * @param prereleases {@code prereleases} (default allow): the level for a dependency resolved to a pre-release version
         * @return this builder
         */
        public Builder prereleases(Level prereleases) {
            this.prereleases = prereleases;
            return this;
        }

        /**
         * Sets {@code prereleasesAt}.
         *
         * @param prereleasesAt where {@code prereleases} is set (the table, or the file, when it is not)
         * @return this builder
         */
        public Builder prereleasesAt(Location prereleasesAt) {
            this.prereleasesAt = prereleasesAt;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BansConfig}
         */
        public BansConfig build() {
            return new BansConfig(multipleVersions, multipleVersionsIncludeDev, highlight, wildcards, allowWildcardPaths, workspaceDefaultFeatures, externalDefaultFeatures, allowlist, multipleVersionsAt, wildcardsAt, tableAt, workspaceDefaultFeaturesAt, externalDefaultFeaturesAt, allowWorkspace, prereleases, prereleasesAt);
        }
    }
}
