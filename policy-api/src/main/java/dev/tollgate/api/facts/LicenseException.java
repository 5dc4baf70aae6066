package dev.tollgate.api.facts;

import java.util.List;

/**
 * One {@code [[licenses.exceptions]]} entry (from deny.toml or deny.exceptions.toml): licenses
 * allowed for one crate only.
 *
 * @param crate      the crate spec as written ({@code name} or {@code name@req})
 * @param allowed    the licenses it allows
 * @param matchedIds the locked package ids whose name and version the spec matches
 * @param origin     the entry's position
 */
public record LicenseException(String crate, List<LicenseReq> allowed, List<String> matchedIds, Location origin) {
    /**
     * Copies {@code allowed} and {@code matchedIds} (the fact is immutable).
     *
     * @param crate      the crate spec as written ({@code name} or {@code name@req})
     * @param allowed    the licenses it allows
     * @param matchedIds the locked package ids whose name and version the spec matches
     * @param origin     the entry's position
     */
    public LicenseException {
        allowed = List.copyOf(allowed);
        matchedIds = List.copyOf(matchedIds);
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
        b.crate = crate;
        b.allowed = allowed;
        b.matchedIds = matchedIds;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link LicenseException} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String crate = "";
        private List<LicenseReq> allowed = java.util.List.of();
        private List<String> matchedIds = java.util.List.of();
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code crate}.
         *
         * @param crate the crate spec as written ({@code name} or {@code name@req})
         * @return this builder
         */
        public Builder crate(String crate) {
            this.crate = crate;
            return this;
        }

        /**
         * Sets {@code allowed}.
         *
         * @param allowed the licenses it allows
         * @return this builder
         */
        public Builder allowed(List<LicenseReq> allowed) {
            this.allowed = allowed;
            return this;
        }

        /**
         * Sets {@code matchedIds}.
         *
         * @param matchedIds the locked package ids whose name and version the spec matches
         * @return this builder
         */
        public Builder matchedIds(List<String> matchedIds) {
            this.matchedIds = matchedIds;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the entry's position
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link LicenseException}
         */
        public LicenseException build() {
            return new LicenseException(crate, allowed, matchedIds, origin);
        }
    }
}
