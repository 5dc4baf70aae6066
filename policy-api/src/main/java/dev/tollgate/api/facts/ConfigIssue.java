package dev.tollgate.api.facts;

/**
 * Something in a configuration file that was read but is not understood: an unknown key, or a
 * value of the wrong shape that the reader could not use. Rules turn these into findings.
 *
 * @param policy the policy whose table holds the key ({@code sources}, ...), or {@code config}
 * @param kind   {@code unknown-key}, {@code deprecated-key} or {@code invalid-value}
 * @param key    the dotted key path ({@code sources.allow-gits})
 * @param detail one line for the finding, e.g. {@code unknown key `allow-gits` in [sources]; did you mean `allow-git`?}
 * @param origin the key's position
 */
public record ConfigIssue(String policy, String kind, String key, String detail, Location origin) {

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
        b.policy = policy;
        b.kind = kind;
        b.key = key;
        b.detail = detail;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link ConfigIssue} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String policy = "";
        private String kind = "";
        private String key = "";
        private String detail = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code policy}.
         *
         * @param policy the policy whose table holds the key ({@code sources}, ...), or {@code config}
         * @return this builder
         */
        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind {@code unknown-key}, {@code deprecated-key} or {@code invalid-value}
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code key}.
         *
         * @param key the dotted key path ({@code sources.allow-gits})
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets {@code detail}.
         *
         * @param detail one line for the finding, e.g. {@code unknown key `allow-gits` in [sources]; did you mean `allow-git`?}
         * @return this builder
         */
        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the key's position
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ConfigIssue}
         */
        public ConfigIssue build() {
            return new ConfigIssue(policy, kind, key, detail, origin);
        }
    }
}
