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
}
