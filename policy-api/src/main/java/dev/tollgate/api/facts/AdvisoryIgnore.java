package dev.tollgate.api.facts;

/**
 * One {@code [advisories] ignore} entry: a plain id, or {@code {id, reason}} with Tollgate's extension
 * keys {@code tracking} (an issue URL or {@code #N}) and {@code expires} (an ISO date after which the
 * ignore stops applying).
 *
 * @param id       the advisory id ({@code RUSTSEC-2023-0071})
 * @param reason   "" when absent
 * @param tracking "" when absent
 * @param expires  ISO date, "" when absent
 * @param expired  {@code expires} is before the run's date
 * @param base     the entry comes from the base commit's deny.toml (PR mode)
 * @param origin   the entry's position in deny.toml
 */
public record AdvisoryIgnore(String id, String reason, String tracking, String expires, boolean expired, boolean base,
                             Location origin) {
    /**
     * Whether this entry allows more than {@code older} did: no expiry where it had one, or a later one.
     *
     * @param older the entry for the same advisory in the base commit's deny.toml
     * @return true when {@code older} expires and this entry does not, or expires later
     */
    public boolean loosens(AdvisoryIgnore older) {
        if (older.expires.isEmpty()) return false;
        return expires.isEmpty() || expires.compareTo(older.expires) > 0;
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
        b.id = id;
        b.reason = reason;
        b.tracking = tracking;
        b.expires = expires;
        b.expired = expired;
        b.base = base;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link AdvisoryIgnore} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String id = "";
        private String reason = "";
        private String tracking = "";
        private String expires = "";
        private boolean expired;
        private boolean base;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code id}.
         *
         * @param id the advisory id ({@code RUSTSEC-2023-0071})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason "" when absent
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Sets {@code tracking}.
         *
         * @param tracking "" when absent
         * @return this builder
         */
        public Builder tracking(String tracking) {
            this.tracking = tracking;
            return this;
        }

        /**
         * Sets {@code expires}.
         *
         * @param expires ISO date, "" when absent
         * @return this builder
         */
        public Builder expires(String expires) {
            this.expires = expires;
            return this;
        }

        /**
         * Sets {@code expired}.
         *
         * @param expired {@code expires} is before the run's date
         * @return this builder
         */
        public Builder expired(boolean expired) {
            this.expired = expired;
            return this;
        }

        /**
         * Sets {@code base}.
         *
         * @param base the entry comes from the base commit's deny.toml (PR mode)
         * @return this builder
         */
        public Builder base(boolean base) {
            this.base = base;
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
         * @return a new {@link AdvisoryIgnore}
         */
        public AdvisoryIgnore build() {
            return new AdvisoryIgnore(id, reason, tracking, expires, expired, base, origin);
        }
    }
}
