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
 */
public record BansConfig(Level multipleVersions, boolean multipleVersionsIncludeDev, String highlight,
                         Level wildcards, boolean allowWildcardPaths, Level workspaceDefaultFeatures,
                         Level externalDefaultFeatures, boolean allowlist, Location multipleVersionsAt,
                         Location wildcardsAt, Location tableAt) {
    public static BansConfig defaults(String file) {
        Location f = Location.file(file);
        return new BansConfig(Level.WARN, false, "all", Level.WARN, false, Level.ALLOW, Level.ALLOW, false, f, f, f);
    }
}
