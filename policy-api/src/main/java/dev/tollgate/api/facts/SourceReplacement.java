package dev.tollgate.api.facts;

/**
 * A source replacement in cargo's configuration ({@code .cargo/config.toml}, the legacy
 * {@code .cargo/config}, or {@code $CARGO_HOME/config.toml}): {@code [source.NAME] replace-with = ...},
 * followed to the end of its chain. Cargo then fetches every package Cargo.lock records as coming from
 * the replaced source from the replacement instead, while Cargo.lock keeps naming the original.
 *
 * @param source       the replaced source's name ({@code crates-io})
 * @param replacesKey  the {@link Source#key()} of the replaced source ({@code crates.io} for crates-io; "" for a
 *                     source that is only a name)
 * @param replacedBy   the name of the source at the end of the replace-with chain
 * @param kind         what that source is
 * @param url          its URL (registry, sparse, git) or path (local-registry, directory), as written
 * @param key          for REGISTRY, SPARSE and GIT: the normalized {@link Source#key()} allow-lists match; "" otherwise
 * @param host         for GIT: the lower-case host; "" otherwise
 * @param org          for GIT on github.com / gitlab.com / bitbucket.org: the organization, lower case; "" otherwise
 * @param origin       the {@code replace-with} key of the replaced source in the configuration file
 */
public record SourceReplacement(String source, String replacesKey, String replacedBy, Kind kind, String url,
                                String key, String host, String org, Location origin) {

    /** What a replacing source is, by its key in cargo's {@code [source.NAME]} table. */
    public enum Kind {
        /** {@code registry}: a registry with a git index. */
        REGISTRY,
        /** {@code registry} with a {@code sparse+} URL: a registry with a sparse index. */
        SPARSE,
        /** {@code git}: a git repository. */
        GIT,
        /** {@code local-registry}: a registry in a local directory. */
        LOCAL_REGISTRY,
        /** {@code directory}: a directory of vendored crates ({@code cargo vendor}). */
        DIRECTORY;

        /**
         * The key cargo's configuration uses ({@code local-registry}).
         *
         * @return {@code registry}, {@code git}, {@code local-registry} or {@code directory}
         */
        public String word() {
            return switch (this) {
                case REGISTRY, SPARSE -> "registry";
                case GIT -> "git";
                case LOCAL_REGISTRY -> "local-registry";
                case DIRECTORY -> "directory";
            };
        }
    }

    /**
     * Whether the replacement is a registry fetched over the network (git or sparse index).
     *
     * @return true for {@code REGISTRY} and {@code SPARSE}
     */
    public boolean isRegistry() {
        return kind == Kind.REGISTRY || kind == Kind.SPARSE;
    }

    /**
     * Whether the replacement is a git repository.
     *
     * @return true for {@code GIT}
     */
    public boolean isGit() {
        return kind == Kind.GIT;
    }

    /**
     * Whether the replacement is vendored: a directory or local registry in the file system.
     *
     * @return true for {@code LOCAL_REGISTRY} and {@code DIRECTORY}
     */
    public boolean isLocal() {
        return kind == Kind.LOCAL_REGISTRY || kind == Kind.DIRECTORY;
    }
}
