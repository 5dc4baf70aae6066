package dev.tollgate.api.facts;

/**
 * One allow-list entry of {@code [sources]}.
 *
 * @param kind      the key the entry is under: {@code allow-registry}, {@code allow-git} or {@code allow-org}
 * @param value     the entry as written
 * @param key       for REGISTRY and GIT: the normalized {@link Source#key()} it matches; for ORG: ""
 * @param host      for ORG: github.com, gitlab.com or bitbucket.org
 * @param org       for ORG: the organization, lower case (matching is case-insensitive)
 * @param implicit  true for cargo-deny's default {@code allow-registry} (crates.io) when the key is absent
 * @param origin    the entry's position in deny.toml
 */
public record AllowedSource(AllowKind kind, String value, String key, String host, String org,
                            boolean implicit, Location origin) {
    /**
     * How messages name the entry.
     *
     * @return e.g. {@code allow-registry entry https://github.com/rust-lang/crates.io-index},
     *         {@code allow-git entry https://github.com/acme/tool}, {@code allow-org entry github.com/acme}
     */
    public String describe() {
        return switch (kind) {
            case REGISTRY -> "allow-registry entry " + value;
            case GIT -> "allow-git entry " + value;
            case ORG -> "allow-org entry " + host + "/" + org;
        };
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
        b.kind = kind;
        b.value = value;
        b.key = key;
        b.host = host;
        b.org = org;
        b.implicit = implicit;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link AllowedSource} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private AllowKind kind = AllowKind.values()[0];
        private String value = "";
        private String key = "";
        private String host = "";
        private String org = "";
        private boolean implicit;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind the key the entry is under: {@code allow-registry}, {@code allow-git} or {@code allow-org}
         * @return this builder
         */
        public Builder kind(AllowKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code value}.
         *
         * @param value the entry as written
         * @return this builder
         */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /**
         * Sets {@code key}.
         *
         * @param key for REGISTRY and GIT: the normalized {@link Source#key()} it matches; for ORG: ""
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets {@code host}.
         *
         * @param host for ORG: github.com, gitlab.com or bitbucket.org
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets {@code org}.
         *
         * @param org for ORG: the organization, lower case (matching is case-insensitive)
         * @return this builder
         */
        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /**
         * Sets {@code implicit}.
         *
         * @param implicit true for cargo-deny's default {@code allow-registry} (crates.io) when the key is absent
         * @return this builder
         */
        public Builder implicit(boolean implicit) {
            this.implicit = implicit;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the entry's position in deny.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link AllowedSource}
         */
        public AllowedSource build() {
            return new AllowedSource(kind, value, key, host, org, implicit, origin);
        }
    }
}
