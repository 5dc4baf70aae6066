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
        b.source = source;
        b.replacesKey = replacesKey;
        b.replacedBy = replacedBy;
        b.kind = kind;
        b.url = url;
        b.key = key;
        b.host = host;
        b.org = org;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link SourceReplacement} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String source = "";
        private String replacesKey = "";
        private String replacedBy = "";
        private Kind kind = null;
        private String url = "";
        private String key = "";
        private String host = "";
        private String org = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code source}.
         *
         * @param source the replaced source's name ({@code crates-io})
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets {@code replacesKey}.
         *
         * @param replacesKey the {@link Source#key()} of the replaced source ({@code crates.io} for crates-io; "" for a source that is only a name)
         * @return this builder
         */
        public Builder replacesKey(String replacesKey) {
            this.replacesKey = replacesKey;
            return this;
        }

        /**
         * Sets {@code replacedBy}.
         *
         * @param replacedBy the name of the source at the end of the replace-with chain
         * @return this builder
         */
        public Builder replacedBy(String replacedBy) {
            this.replacedBy = replacedBy;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind what that source is
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url its URL (registry, sparse, git) or path (local-registry, directory), as written
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code key}.
         *
         * @param key for REGISTRY, SPARSE and GIT: the normalized {@link Source#key()} allow-lists match; "" otherwise
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets {@code host}.
         *
         * @param host for GIT: the lower-case host; "" otherwise
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets {@code org}.
         *
         * @param org for GIT on github.com / gitlab.com / bitbucket.org: the organization, lower case; "" otherwise
         * @return this builder
         */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code replace-with} key of the replaced source in the configuration file
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link SourceReplacement}
         */
        public SourceReplacement build() {
            return new SourceReplacement(source, replacesKey, replacedBy, kind, url, key, host, org, origin);
        }
    }
}
