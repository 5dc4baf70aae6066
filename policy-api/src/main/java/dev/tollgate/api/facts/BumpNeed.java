package dev.tollgate.api.facts;

/**
 * A version increment one change asks of a crate, derived by the version rules.
 *
 * @param crate  the crate
 * @param rank   how big: 1 patch or prerelease, 2 minor, 3 major, 9 initial (first release: the manifest's version as is)
 * @param level  patch, prerelease, minor, major or initial
 * @param reason why
 */
public record BumpNeed(String crate, int rank, BumpLevel level, String reason) {

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
        b.rank = rank;
        b.level = level;
        b.reason = reason;
        return b;
    }

    /** Builds a {@link BumpNeed} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String crate = "";
        private int rank;
        private BumpLevel level = BumpLevel.values()[0];
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
         * Sets {@code rank}.
         *
         * @param rank how big: 1 patch or prerelease, 2 minor, 3 major, 9 initial (first release: the manifest's version as is)
         * @return this builder
         */
        public Builder rank(int rank) {
            this.rank = rank;
            return this;
        }

        /**
         * Sets {@code level}.
         *
         * @param level patch, prerelease, minor, major or initial
         * @return this builder
         */
        public Builder level(BumpLevel level) {
            this.level = level;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason why
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BumpNeed}
         */
        public BumpNeed build() {
            return new BumpNeed(crate, rank, level, reason);
        }
    }
}
