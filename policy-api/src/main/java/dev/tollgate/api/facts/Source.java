package dev.tollgate.api.facts;

/**
 * A parsed lockfile source. {@code key} is the normalized identity used for matching allow-lists:
 * the URL without scheme prefix, query, fragment, trailing slash or {@code .git}, host in lower case,
 * and both crates.io indexes (git and sparse) mapped to one key, {@link #CRATES_IO_KEY}.
 *
 * @param raw       the source string as written in Cargo.lock, or null for {@link SourceKind#LOCAL}
 * @param kind      registry, sparse registry, git or local
 * @param url       the URL without the {@code registry+}/{@code sparse+}/{@code git+} prefix, query and fragment
 * @param key       normalized identity (see above)
 * @param host      lower-case host of the URL ({@code github.com})
 * @param org       first path segment, lower case, for github.com / gitlab.com / bitbucket.org ("" otherwise)
 * @param gitSpec   for git sources, which of branch / tag / rev the URL names (ANY when none)
 * @param gitRef    the branch, tag or rev value ("" when none)
 * @param commit    the resolved commit (the URL fragment) for git sources ("" otherwise)
 */
public record Source(String raw, SourceKind kind, String url, String key, String host, String org,
                     GitSpec gitSpec, String gitRef, String commit) {

    /**
     * The {@code key} of crates.io, whichever index (git or sparse) the lockfile names.
     */
    public static final String CRATES_IO_KEY = "crates.io";
    /** The source of workspace members and path dependencies: no source in the lockfile. */
    public static final Source LOCAL = new Source(null, SourceKind.LOCAL, "", "", "", "", GitSpec.ANY, "", "");

    /**
     * From a registry, through a git or sparse index.
     *
     * @return whether {@code kind} is {@code REGISTRY} or {@code SPARSE_REGISTRY}
     */
    public boolean isRegistry() {
        return kind == SourceKind.REGISTRY || kind == SourceKind.SPARSE_REGISTRY;
    }

    /**
     * From a git repository.
     *
     * @return whether {@code kind} is {@code GIT}
     */
    public boolean isGit() {
        return kind == SourceKind.GIT;
    }

    /**
     * From crates.io.
     *
     * @return whether {@code key} is {@link #CRATES_IO_KEY}
     */
    public boolean isCratesIo() {
        return CRATES_IO_KEY.equals(key);
    }

    @Override
    public String toString() {
        return raw == null ? "(local)" : raw;
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
        b.raw = raw;
        b.kind = kind;
        b.url = url;
        b.key = key;
        b.host = host;
        b.org = org;
        b.gitSpec = gitSpec;
        b.gitRef = gitRef;
        b.commit = commit;
        return b;
    }

    /** Builds a {@link Source} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String raw = "";
        private SourceKind kind = SourceKind.values()[0];
        private String url = "";
        private String key = "";
        private String host = "";
        private String org = "";
        private GitSpec gitSpec = GitSpec.values()[0];
        private String gitRef = "";
        private String commit = "";

        private Builder() {
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the source string as written in Cargo.lock, or null for {@link SourceKind#LOCAL}
         * @return this builder
         */
        public Builder raw(String raw) {
            this.raw = raw;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind registry, sparse registry, git or local
         * @return this builder
         */
        public Builder kind(SourceKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url the URL without the {@code registry+}/{@code sparse+}/{@code git+} prefix, query and fragment
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code key}.
         *
         * @param key normalized identity (see above)
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets {@code host}.
         *
         * @param host lower-case host of the URL ({@code github.com})
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets {@code org}.
         *
         * @param org first path segment, lower case, for github.com / gitlab.com / bitbucket.org ("" otherwise)
         * @return this builder
         */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /**
         * Sets {@code gitSpec}.
         *
         * @param gitSpec for git sources, which of branch / tag / rev the URL names (ANY when none)
         * @return this builder
         */
        public Builder gitSpec(GitSpec gitSpec) {
            this.gitSpec = gitSpec;
            return this;
        }

        /**
         * Sets {@code gitRef}.
         *
         * @param gitRef the branch, tag or rev value ("" when none)
         * @return this builder
         */
        public Builder gitRef(String gitRef) {
            this.gitRef = gitRef;
            return this;
        }

        /**
         * Sets {@code commit}.
         *
         * @param commit the resolved commit (the URL fragment) for git sources ("" otherwise)
         * @return this builder
         */
        public Builder commit(String commit) {
            this.commit = commit;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link Source}
         */
        public Source build() {
            return new Source(raw, kind, url, key, host, org, gitSpec, gitRef, commit);
        }
    }
}
