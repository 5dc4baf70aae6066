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
}
