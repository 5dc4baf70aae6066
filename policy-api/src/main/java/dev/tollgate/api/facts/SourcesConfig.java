package dev.tollgate.api.facts;

/**
 * The {@code [sources]} table of deny.toml (cargo-deny v2 schema), with the location of each
 * setting so a finding about a setting can point at its line. Defaults are cargo-deny's: its docs and
 * its config code both give {@code warn} for {@code unknown-registry}, {@code unknown-git} and
 * {@code unused-allowed-source}, so a missing {@code [sources]} table never fails a build by itself.
 *
 * @param requiredGitSpec null when not set (no requirement)
 */
public record SourcesConfig(Level unknownRegistry, Level unknownGit, Level unusedAllowedSource,
                            GitSpec requiredGitSpec, Location unknownRegistryAt, Location unknownGitAt,
                            Location requiredGitSpecAt, Location tableAt) {
    public static SourcesConfig defaults(String file) {
        Location f = Location.file(file);
        return new SourcesConfig(Level.WARN, Level.WARN, Level.WARN, null, f, f, f, f);
    }

    public boolean hasRequiredGitSpec() {
        return requiredGitSpec != null;
    }
}
