package dev.tollgate.api.facts;

/**
 * Why a crate changes, derived by the version rules: one per commit that touched it, or one because
 * a crate it depends on is released.
 *
 * @param crate  the crate
 * @param sha    the commit ("" for a dependency change)
 * @param kind   breaking, feat, other (any other commit, conventional or not) or dependency
 * @param reason what a person reads: the commit header, or "depends on X, which is released"
 */
public record CrateChange(String crate, String sha, ChangeKind kind, String reason) {

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
        b.crate = crate;
        b.sha = sha;
        b.kind = kind;
        b.reason = reason;
        return b;
    }

    /** Builds a {@link CrateChange} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String crate = "";
        private String sha = "";
        private ChangeKind kind = ChangeKind.values()[0];
        private String reason = "";

        private Builder() {
        }

        /**
         * Sets {@code crate}.
         *
         * @param crate the crate
         * @return this builder
         */
        public Builder crate(String crate) {
            this.crate = crate;
            return this;
        }

        /**
         * Sets {@code sha}.
         *
         * @param sha the commit ("" for a dependency change)
         * @return this builder
         */
        public Builder sha(String sha) {
            this.sha = sha;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind breaking, feat, other (any other commit, conventional or not) or dependency
         * @return this builder
         */
        public Builder kind(ChangeKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason what a person reads: the commit header, or "depends on X, which is released"
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link CrateChange}
         */
        public CrateChange build() {
            return new CrateChange(crate, sha, kind, reason);
        }
    }
}
